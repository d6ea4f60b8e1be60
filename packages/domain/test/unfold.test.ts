// Subprocess unfolding at task creation, as bk-sops does it: gcloud/taskflow3/models.py::
// TaskFlowInstanceManager.create_pipeline_instance, pipeline_web/wrapper.py::
// PipelineTemplateWebWrapper.unfold_subprocess, gcloud/template_base/utils.py (replace_template_id,
// inject_template_node_id, inject_original_template_info), bamboo pipeline/models.py::
// TemplateManager.replace_id.
import { describe, expect, it } from "vitest";
import { buildTaskTree } from "../src/build-task-tree.js";
import { MissingKeyError } from "../src/errors.js";
import { normalizeTree } from "../src/normalize.js";
import { buildTree, constant } from "../src/testing/builder.js";
import type { Constant, PipelineTree, SubProcess, TemplateScheme } from "../src/types.js";
import {
  SubprocessError,
  type TemplateCatalog,
  type TemplateKind,
  type TemplateVersion,
  unfoldSubprocessesInPlace,
} from "../src/unfold.js";

interface Stored {
  versions: Record<string, PipelineTree>;
  current: string;
  schemes?: TemplateScheme[];
}

/** A catalog over a fixed set of templates; it records what it was asked for. */
function catalog(templates: Record<string, Stored>) {
  const asked: string[] = [];
  const of: TemplateCatalog = {
    pipelineTemplateId(kind: TemplateKind, pk: unknown) {
      asked.push(`pk ${kind} ${String(pk)}`);
      if (!templates[`${kind}:${String(pk)}`]) {
        throw new SubprocessError(
          `${kind === "common" ? "CommonTemplate" : "TaskTemplate"} matching query does not exist.`,
        );
      }
      return `pt-${kind}-${String(pk)}`;
    },
    version(kind: TemplateKind, pipelineId: string, version: string | null): TemplateVersion {
      asked.push(`version ${kind} ${pipelineId} ${version}`);
      const [, , pk] = pipelineId.split("-");
      const stored = templates[`${kind}:${pk}`] as Stored;
      const tree = stored.versions[version ?? stored.current];
      if (!tree) throw new SubprocessError("'NoneType' object has no attribute 'data'");
      return { tree, kind, id: Number(pk), currentVersion: stored.current, schemes: stored.schemes ?? [] };
    },
  };
  return { catalog: of, asked };
}

/** A stored child: start → X(required) → Y(optional) → end, with constants, normalised as stored. */
function child(
  options: {
    constants?: Record<string, Partial<Constant>>;
    outputs?: string[];
    subprocess?: Record<string, unknown>;
  } = {},
): PipelineTree {
  const nodes: Record<string, "act" | "opt" | "sub"> = { X: "act", Y: "opt" };
  const edges: Array<[string, string]> = [
    ["start", "X"],
    ["X", "Y"],
    ["Y", "end"],
  ];
  if (options.subprocess) {
    nodes.G = "sub";
    edges.splice(2, 1, ["Y", "G"], ["G", "end"]);
  }
  return normalizeTree(
    buildTree({
      nodes,
      edges,
      inputs: { X: { text: "${greeting}" } },
      constants: options.constants ?? { "${greeting}": { value: "hi" } },
      outputs: options.outputs,
      subprocesses: options.subprocess ? { G: options.subprocess } : undefined,
    }),
  ).tree;
}

/** A root: start → S(subprocess) → end; `sub` sets the subprocess node's fields. */
function root(sub: Record<string, unknown>): PipelineTree {
  return buildTree({
    nodes: { S: "sub" },
    edges: [
      ["start", "S"],
      ["S", "end"],
    ],
    subprocesses: { S: { template_id: 7, constants: {}, ...sub } },
  });
}

const unfold = (tree: PipelineTree, of: TemplateCatalog, kind: TemplateKind = "project"): PipelineTree => {
  unfoldSubprocessesInPlace(tree, kind, of);
  return tree;
};
const subOf = (tree: PipelineTree, id = "S") => tree.activities[id] as SubProcess;
const pipelineOf = (tree: PipelineTree, id = "S") => subOf(tree, id).pipeline as PipelineTree;

describe("unfoldSubprocessesInPlace: the child's tree goes under `pipeline`", () => {
  it("names the child by pipeline template id and records where it came from", () => {
    const { catalog: of } = catalog({ "project:7": { versions: { v2: child() }, current: "v2" } });
    const tree = unfold(root({}), of);
    const sub = subOf(tree);
    expect(sub.template_id).toBe("pt-project-7");
    expect(sub.template_source).toBe("project");
    expect(sub.original_template_id).toBe("7");
    expect(sub.original_template_version).toBe("v2");
    expect(sub).not.toHaveProperty("constants");
    expect(Object.keys(pipelineOf(tree).activities).sort()).toEqual(["X", "Y"]);
    expect(pipelineOf(tree).id).toBe("S");
  });

  it.each<[string, TemplateKind, unknown, string]>([
    ["a project template's child marked common is a common flow", "project", "common", "common"],
    ["a project template's child marked business is a project flow", "project", "business", "project"],
    ["a common template's children are common flows, whatever they say", "common", "project", "common"],
  ])("%s", (_label, rootKind, source, want) => {
    const { catalog: of, asked } = catalog({ [`${want}:7`]: { versions: { v: child() }, current: "v" } });
    const tree = unfold(root({ template_source: source }), of, rootKind);
    expect(asked[0]).toBe(`pk ${want} 7`);
    expect(subOf(tree).template_source).toBe(want);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["a pinned version", { version: "v1" }, "old"],
    ["no version: the current one", {}, "new"],
    ["an empty version: the current one", { version: "" }, "new"],
    ["always_use_latest wins over a pinned version", { version: "v1", always_use_latest: true }, "new"],
  ])("%s", (_label, sub, want) => {
    const old = child({ constants: { "${greeting}": { value: "old" } } });
    const fresh = child({ constants: { "${greeting}": { value: "new" } } });
    const { catalog: of } = catalog({ "project:7": { versions: { v1: old, v2: fresh }, current: "v2" } });
    const tree = unfold(root(sub), of);
    expect(pipelineOf(tree).constants["${greeting}"]?.value).toBe(want);
    // The version recorded is the child's current one, whichever was unfolded.
    expect(subOf(tree).original_template_version).toBe("v2");
  });

  it("refuses a version the child never had, with Python's text", () => {
    const { catalog: of } = catalog({ "project:7": { versions: { v2: child() }, current: "v2" } });
    expect(() => unfold(root({ version: "v9" }), of)).toThrow("'NoneType' object has no attribute 'data'");
  });

  it("refuses a child that does not exist, with Django's text", () => {
    const { catalog: of } = catalog({});
    expect(() => unfold(root({}), of)).toThrow("TaskTemplate matching query does not exist.");
    expect(() => unfold(root({ template_source: "common" }), of)).toThrow(
      "CommonTemplate matching query does not exist.",
    );
  });

  it("fails on a subprocess node without constants, as bk-sops' act.pop('constants') does", () => {
    const { catalog: of } = catalog({ "project:7": { versions: { v: child() }, current: "v" } });
    const tree = root({});
    delete subOf(tree).constants;
    expect(() => unfold(tree, of)).toThrow(MissingKeyError);
  });
});

describe("unfoldSubprocessesInPlace: constants passed down", () => {
  const stored = () =>
    child({
      constants: {
        "${greeting}": { value: "hi", source_info: { X: ["text"] } },
        "${choice}": { value: { default: "b", items: ["a", "b"] }, is_meta: true, show_type: "hide" },
      },
    });

  it("the parent's input replaces the child's constant of the same key, whole", () => {
    const { catalog: of } = catalog({ "project:7": { versions: { v: stored() }, current: "v" } });
    const input = { ...constant("${greeting}", 0), value: "${parent_value}", form: { x: 1 } };
    const tree = unfold(root({ constants: { "${greeting}": input } }), of);
    const got = pipelineOf(tree).constants["${greeting}"] as Record<string, unknown>;
    expect(got.value).toBe("${parent_value}");
    expect(got).not.toHaveProperty("form");
    expect(got.source_info).toEqual({});
  });

  it("an input the child does not have is added, unless the node follows the latest version", () => {
    const { catalog: of } = catalog({ "project:7": { versions: { v: stored() }, current: "v" } });
    const extra = { "${gone}": { ...constant("${gone}", 5), source_type: "component_outputs" } };
    expect(Object.keys(pipelineOf(unfold(root({ constants: extra }), of)).constants)).toContain("${gone}");
    const latest = unfold(root({ constants: extra, always_use_latest: true }), of);
    expect(Object.keys(pipelineOf(latest).constants)).not.toContain("${gone}");
  });

  it("following the latest version, an input takes the child's source_info", () => {
    const { catalog: of } = catalog({ "project:7": { versions: { v: stored() }, current: "v" } });
    const input = { ...constant("${greeting}", 0), value: "x", source_info: { stale: ["k"] } };
    const tree = unfold(root({ constants: { "${greeting}": input }, always_use_latest: true }), of);
    expect(pipelineOf(tree).constants["${greeting}"]?.source_info).toEqual({ X: ["text"] });
  });

  it("a hidden meta constant of the child takes its default", () => {
    const withOutput = stored();
    withOutput.activities.X = {
      ...(withOutput.activities.X as object),
      component: { code: "c", data: { text: { hook: false, value: "${greeting} ${choice}" } } },
    } as never;
    const { catalog: of } = catalog({ "project:7": { versions: { v: withOutput }, current: "v" } });
    expect(pipelineOf(unfold(root({}), of)).constants["${choice}"]?.value).toBe("b");
  });

  it("a hidden meta constant whose value is not a dict fails, with Python's text", () => {
    const broken = stored();
    (broken.constants["${choice}"] as Constant).value = "b";
    const { catalog: of } = catalog({ "project:7": { versions: { v: broken }, current: "v" } });
    expect(() => unfold(root({}), of)).toThrow("'str' object has no attribute 'get'");
  });

  it("the child is pruned as a task is, but keeps custom outputs nothing refers to", () => {
    const tree = child({
      constants: { "${greeting}": { value: "hi" }, "${unused}": { index: 7 }, "${result}": { index: 3 } },
      outputs: ["${result}"],
    });
    const { catalog: of } = catalog({ "project:7": { versions: { v: tree }, current: "v" } });
    const got = pipelineOf(unfold(root({}), of));
    expect(Object.keys(got.constants)).toEqual(["${greeting}", "${result}"]);
    expect(got.constants["${result}"]?.index).toBe(3);
    expect(got.outputs).toEqual(["${result}"]);
  });
});

describe("unfoldSubprocessesInPlace: the child's execution schemes (scheme_id_list)", () => {
  const schemes: TemplateScheme[] = [
    { id: 11, unique_id: "7-only X", data: ["X", "no-longer-there"] },
    { id: 12, unique_id: "7-all", data: ["X", "Y"] },
  ];
  it.each<[string, unknown, string[]]>([
    ["no scheme: every node runs", [], ["X", "Y"]],
    ["a scheme leaves out the optional nodes it does not list (stale ids ignored)", [11], ["X"]],
    ["schemes combine", [11, 12], ["X", "Y"]],
    ["a scheme pk the child does not have selects nothing: optional nodes go", [99], ["X"]],
  ])("%s", (_label, ids, want) => {
    const { catalog: of } = catalog({ "project:7": { versions: { v: child() }, current: "v", schemes } });
    const tree = unfold(root({ scheme_id_list: ids }), of);
    expect(Object.keys(pipelineOf(tree).activities).sort()).toEqual(want);
  });
});

describe("unfoldSubprocessesInPlace: nesting", () => {
  it("unfolds a grandchild inside the child, and every level records template node ids", () => {
    const middle = child({ subprocess: { template_id: 8, constants: {} } });
    const { catalog: of } = catalog({
      "project:7": { versions: { v: middle }, current: "v" },
      "project:8": { versions: { w: child() }, current: "w" },
    });
    const tree = unfold(root({}), of);
    const grandchild = pipelineOf(pipelineOf(tree), "G");
    expect(Object.keys(grandchild.activities).sort()).toEqual(["X", "Y"]);
    expect(subOf(pipelineOf(tree), "G").original_template_id).toBe("8");
    expect(subOf(tree).template_node_id).toBe("S");
    expect(grandchild.activities.X?.template_node_id).toBe("X");
  });

  it("refuses a template that contains itself with bk-sops' recursion text", () => {
    const loop = child({ subprocess: { template_id: 7, constants: {} } });
    const { catalog: of } = catalog({ "project:7": { versions: { v: loop }, current: "v" } });
    expect(() => unfold(root({}), of)).toThrow("Template recursive number exceeds limit.");
  });
});

describe("buildTaskTree with subprocesses: one task tree, every id fresh", () => {
  it("gives every node and flow of every level a new id; a child's id is its subprocess node's", () => {
    const middle = child({ subprocess: { template_id: 8, constants: {} } });
    const { catalog: of } = catalog({
      "project:7": { versions: { v: middle }, current: "v" },
      "project:8": { versions: { w: child() }, current: "w" },
    });
    const task = buildTaskTree(root({}), {}, undefined, { kind: "project", catalog: of });
    const ids: string[] = [];
    const walk = (tree: PipelineTree) => {
      ids.push(
        tree.start_event.id,
        tree.end_event.id,
        ...Object.keys(tree.activities),
        ...Object.keys(tree.flows),
      );
      for (const [id, act] of Object.entries(tree.activities)) {
        if (act.type === "SubProcess") {
          expect(act.pipeline?.id).toBe(id);
          walk(act.pipeline as PipelineTree);
        }
      }
    };
    walk(task);
    for (const id of ids) expect(id).toMatch(/^[nl][0-9a-f]{31}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("puts labels, [] when none, last on every node of every level", () => {
    const { catalog: of } = catalog({ "project:7": { versions: { v: child() }, current: "v" } });
    const template = root({});
    (template.activities.S as SubProcess).labels = [{ label: "l", group: "g" }];
    const task = buildTaskTree(template, {}, undefined, { kind: "project", catalog: of });
    const nodes = (tree: PipelineTree): Array<Record<string, unknown>> => [
      tree.start_event,
      tree.end_event,
      ...Object.values(tree.activities),
      ...Object.values(tree.gateways),
      ...Object.values(tree.activities).flatMap((act) =>
        act.pipeline ? nodes(act.pipeline as PipelineTree) : [],
      ),
    ];
    const all = nodes(task);
    expect(all.length).toBe(7);
    for (const node of all) expect(Object.keys(node).at(-1)).toBe("labels");
    expect(Object.values(task.activities)[0]?.labels).toEqual([{ label: "l", group: "g" }]);
  });

  it("without a catalog a subprocess fails as one whose child does not exist", () => {
    expect(() => buildTaskTree(root({}))).toThrow("TaskTemplate matching query does not exist.");
  });
});
