// What the mirror makes of subprocess nodes, over a reader that answers from memory: which pinned
// version is the current one, which older versions it reads, which templates it must refuse, and
// what it can only guess (and says so).
import { describe, expect, it } from "vitest";
import type { TemplateRef } from "../../src/ground/template.js";
import { crawl, type MirrorScope } from "../../src/mirror/crawl.js";
import type { MirrorReader, Preview, ReadProblem } from "../../src/mirror/reader.js";
import { refusedTemplates, resolvePins } from "../../src/mirror/versions.js";

type Json = Record<string, unknown>;

/** A minimal tree: start → the given activities in a row → end. */
function tree(activities: Json[], constants: Json = {}): Json {
  const ids = ["s", ...activities.map((act) => String(act.id)), "e"];
  const flows: Json = {};
  for (let i = 0; i + 1 < ids.length; i += 1)
    flows[`f${i}`] = { id: `f${i}`, source: ids[i], target: ids[i + 1], is_default: false };
  return {
    start_event: { id: "s", type: "EmptyStartEvent", incoming: "", outgoing: "f0" },
    end_event: { id: "e", type: "EmptyEndEvent", incoming: [`f${ids.length - 2}`], outgoing: "" },
    activities: Object.fromEntries(
      activities.map((act, i) => [
        act.id,
        { incoming: [`f${i}`], outgoing: `f${i + 1}`, optional: false, ...act },
      ]),
    ),
    gateways: {},
    flows,
    constants,
    outputs: [],
  };
}

const task = (id: string) => ({
  id,
  type: "ServiceActivity",
  name: id,
  component: { code: "sleep_timer", data: {} },
});
const sub = (id: string, child: string, fields: Json = {}) => ({
  id,
  type: "SubProcess",
  name: id,
  template_id: child,
  version: "",
  always_use_latest: false,
  scheme_id_list: [],
  constants: {},
  ...fields,
});

interface Fake {
  tree: Json;
  /** Version name → tree (the current one is `tree`). */
  versions?: Record<string, Json>;
  schemes?: Json[];
  denied?: boolean;
}

/** A deployment in memory: `project:<id>` and `common:<id>` templates of business 9. */
function reader(templates: Record<string, Fake>): MirrorReader {
  const find = (ref: TemplateRef) => templates[`${ref.source}:${ref.templateId}`];
  const missing = (what: string): ReadProblem => ({ problem: `${what} does not exist`, kind: "missing" });
  const preview = (source: Json): Preview => ({
    pipeline_tree: structuredClone(source),
    constants_not_referred: {},
  });
  return {
    templateList: async () =>
      Object.keys(templates)
        .filter((key) => key.startsWith("project:"))
        .map((key) => ({ id: Number(key.split(":")[1]) })),
    commonTemplateList: async () => [],
    templateInfo: async (ref) => {
      const found = find(ref);
      if (!found) return missing(`template ${ref.templateId}`);
      if (found.denied)
        return { problem: "iam authentication exception, please check, action:flow_view", kind: "denied" };
      return {
        id: Number(ref.templateId),
        name: `t${ref.templateId}`,
        pipeline_tree: structuredClone(found.tree),
      };
    },
    schemes: async (ref) => find(ref)?.schemes ?? [],
    preview: async (ref, version) => {
      const found = find(ref);
      if (!found) return missing(`template ${ref.templateId}`);
      if (version === null) return preview(found.tree);
      const at = found.versions?.[version];
      return at ? preview(at) : { problem: "'NoneType' object has no attribute 'data'", kind: "missing" };
    },
  };
}

const SCOPE: MirrorScope = { bizId: "9", templateIds: "all", commonTemplateIds: [], allCommon: false };
const SILENT = { known() {}, reading() {}, done() {} };

async function mirrorOf(templates: Record<string, Fake>) {
  const read = reader(templates);
  const found = await crawl(read, SCOPE, SILENT);
  const refused = refusedTemplates(found, await resolvePins(read, found));
  return { found, refused };
}

const childTree = tree([task("c1")]);
const olderChildTree = tree([task("c1"), task("c0")]);

describe("pinned versions", () => {
  it("names the current version after a pinned version that previews as the current one", async () => {
    const { found, refused } = await mirrorOf({
      "project:1": { tree: tree([sub("p1", "2", { version: "v2" })]) },
      "project:2": { tree: childTree, versions: { v2: childTree } },
    });
    expect(refused.size).toBe(0);
    expect(found.mirrored.get("project:9:2")?.version).toBe("v2");
    expect(found.mirrored.get("project:9:2")?.older.size).toBe(0);
  });

  it("also learns it from the version a node that follows the latest was saved with", async () => {
    const { found } = await mirrorOf({
      "project:1": { tree: tree([sub("p1", "2", { version: "v2", always_use_latest: true })]) },
      "project:2": { tree: childTree, versions: { v2: childTree } },
    });
    expect(found.mirrored.get("project:9:2")?.version).toBe("v2");
  });

  it("reads an older pinned version through its preview, and says the current name cannot be read", async () => {
    const { found, refused } = await mirrorOf({
      "project:1": { tree: tree([sub("p1", "2", { version: "old" })]) },
      "project:2": { tree: childTree, versions: { old: olderChildTree } },
    });
    expect(refused.size).toBe(0);
    const child = found.mirrored.get("project:9:2");
    expect(child?.version).toBeUndefined();
    expect(Object.keys((child?.older.get("old")?.activities ?? {}) as Json)).toEqual(["c1", "c0"]);
    expect(child?.notes.join(" ")).toMatch(/current version is not readable/);
  });

  it("refuses a parent pinned to a version the deployment cannot answer, and whoever uses that parent", async () => {
    const { refused } = await mirrorOf({
      "project:1": { tree: tree([sub("p1", "3")]) },
      "project:3": { tree: tree([sub("p3", "2", { version: "gone" })]) },
      "project:2": { tree: childTree },
    });
    expect(refused.get("project:9:3")).toMatch(
      /subprocess p3: pins version gone of template 2 "t2", which the deployment cannot answer/,
    );
    expect(refused.get("project:9:1")).toMatch(
      /subprocess p1 uses template 3 "t3", which cannot be mirrored/,
    );
    expect(refused.has("project:9:2")).toBe(false);
  });

  it("refuses a parent whose child it may not read", async () => {
    const { found, refused } = await mirrorOf({
      "project:1": { tree: tree([sub("p1", "2")]) },
      "project:2": { tree: childTree, denied: true },
    });
    expect(found.skipped.get("project:9:2")?.reason).toMatch(
      /^the user may not read it \(iam authentication/,
    );
    expect(refused.get("project:9:1")).toMatch(
      /uses template 2, which was not mirrored \(the user may not read it/,
    );
  });

  it("reads a common flow's children as common flows", async () => {
    const { found } = await mirrorOf({
      "project:1": { tree: tree([sub("p1", "5", { template_source: "common" })]) },
      "common:5": { tree: tree([sub("q", "6")]) },
      "common:6": { tree: childTree },
    });
    expect([...found.mirrored.keys()].sort()).toEqual(["common:5", "common:6", "project:9:1"]);
  });
});

describe("scheme pks", () => {
  const schemes = [
    { id: "2-a", name: "a", data: "[]" },
    { id: "2-b", name: "b", data: "[]" },
  ];
  it("are exact when the parents name every scheme of the child", async () => {
    const { found } = await mirrorOf({
      "project:1": { tree: tree([sub("p1", "2", { scheme_id_list: [31, 30] })]) },
      "project:2": { tree: childTree, schemes },
    });
    const child = found.mirrored.get("project:9:2");
    expect(child?.schemePks).toEqual([30, 31]);
    expect(child?.notes.join(" ")).not.toMatch(/guessed/);
  });

  it("are a guess, said so, when the parents name only some", async () => {
    const { found } = await mirrorOf({
      "project:1": { tree: tree([sub("p1", "2", { scheme_id_list: [31] })]) },
      "project:2": { tree: childTree, schemes },
    });
    expect(found.mirrored.get("project:9:2")?.notes.join(" ")).toMatch(/scheme pks guessed \(31, 32\)/);
  });

  it("of a common flow cannot be read: a node selecting them is reported", async () => {
    const { found } = await mirrorOf({
      "project:1": { tree: tree([sub("p1", "5", { template_source: "common", scheme_id_list: [4] })]) },
      "common:5": { tree: childTree },
    });
    expect(found.mirrored.get("common:5")?.notes.join(" ")).toMatch(/no read of a common flow's schemes/);
  });
});
