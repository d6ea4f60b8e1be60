// bk-sops' validation of a web pipeline tree: pipeline_web/parser/validator.py::
// validate_web_pipeline_tree (the WEB_PIPELINE_SCHEMA of pipeline_web/parser/schemas.py, the key
// checks, gcloud/utils/pipeline.py::validate_pipeline_tree_constants) and bamboo's
// pipeline/validators/base.py::validate_pipeline_tree (connection.py::validate_graph_connection,
// gateway.py::validate_gateways, gateway.py::validate_stream). Texts are bk-sops' own.
import { describe, expect, it } from "vitest";
import { describeTreeError, InvalidTreeError, MissingKeyError, StreamError } from "../src/errors.js";
import { buildTree, chain, type Spec } from "../src/testing/builder.js";
import type { ExclusiveGateway, PipelineTree } from "../src/types.js";
import { validateTemplateTree, validateWebTreeInPlace } from "../src/validate-tree.js";

/** start → A → E(exclusive) → B(optional) → C(converge) → end, E → C directly; a constant on A. */
const good = (): PipelineTree =>
  buildTree({
    nodes: { A: "act", E: "exclusive", B: "opt", C: "converge" },
    edges: [
      ["start", "A"],
      ["A", "E"],
      ["E", "B"],
      ["E", "C"],
      ["B", "C"],
      ["C", "end"],
    ],
    constants: { "${x}": { source_type: "component_inputs", source_info: { A: ["k"] } } },
  });

const edit = (change: (tree: PipelineTree & Record<string, unknown>) => void): PipelineTree => {
  const tree = good();
  change(tree as PipelineTree & Record<string, unknown>);
  return tree;
};
const activity = (tree: PipelineTree, id: string) => tree.activities[id] as Record<string, unknown>;
const constant = (tree: PipelineTree, key: string) =>
  tree.constants[key] as unknown as Record<string, unknown>;

/** The error validation throws (bk-sops' text in `message`, ours in `detail`). */
function refusal(tree: unknown): InvalidTreeError {
  try {
    validateTemplateTree(tree);
  } catch (error) {
    if (error instanceof InvalidTreeError) return error;
    throw error;
  }
  throw new Error("the tree was accepted");
}

describe("what bk-sops' web-tree schema accepts (pipeline_web/parser/schemas.py WEB_PIPELINE_SCHEMA)", () => {
  it.each<[string, PipelineTree]>([
    ["a well-formed tree", good()],
    [
      "a default branch: the flow has no condition, the gateway names it in default_condition",
      buildTree({
        nodes: { E: "exclusive", B: "act", D: "act", C: "converge" },
        edges: [
          ["start", "E"],
          ["E", "B"],
          ["E", "D"],
          ["B", "C"],
          ["D", "C"],
          ["C", "end"],
        ],
        defaults: { E: "D" },
      }),
    ],
    [
      "a flow whose id differs from its key (bk-sops addresses flows by key)",
      edit((t) => {
        (t.flows.f_A_E as { id: string }).id = "something-else";
      }),
    ],
    [
      "no canvas at all (line and location are not in the schema)",
      edit((t) => {
        delete (t as Partial<PipelineTree>).line;
        delete (t as Partial<PipelineTree>).location;
      }),
    ],
    [
      "a constant with only a key (index, value, source_info are not required)",
      edit((t) => {
        t.constants = { "${y}": { key: "${y}" } as never };
      }),
    ],
    [
      "an activity without optional",
      edit((t) => {
        delete activity(t, "A").optional;
      }),
    ],
  ])("accepts %s", (_label, tree) => {
    expect(() => validateTemplateTree(tree)).not.toThrow();
  });

  it("does not look at an activity whose key is not word characters (patternProperties ^\\w+$)", () => {
    const tree = buildTree({
      nodes: { "A-1": "act" },
      edges: [
        ["start", "A-1"],
        ["A-1", "end"],
      ],
    });
    delete activity(tree, "A-1").name;
    expect(() => validateTemplateTree(tree)).not.toThrow();
    activity(tree, "A-1").id = "A-1";
    tree.activities.A1 = tree.activities["A-1"] as never;
    expect(refusal({ ...tree, activities: { A1: { ...activity(tree, "A-1"), id: "A1" } } }).message).toBe(
      "activities→A1: 'name' is a required property",
    );
  });

  it("normalises the tree it validates in place, as bk-sops does: incoming lists and converge ids", () => {
    const tree = good();
    validateWebTreeInPlace(tree);
    expect(tree.activities.A?.incoming).toEqual(["f_start_A"]);
    expect(tree.end_event.incoming).toEqual(["f_C_end"]);
    expect((tree.gateways.E as ExclusiveGateway).converge_gateway_id).toBe("C");
  });

  it("validateTemplateTree leaves its input unchanged", () => {
    const tree = good();
    const before = structuredClone(tree);
    validateTemplateTree(tree);
    expect(tree).toEqual(before);
  });
});

describe("schema refusals, worded as bk-sops words them (`<path→path>: <jsonschema message>`)", () => {
  it.each<[string, unknown, string]>([
    ["a tree that is not an object", [], ": [] is not of type 'object'"],
    [
      "no activities",
      edit((t) => {
        delete (t as Partial<PipelineTree>).activities;
      }),
      ": 'activities' is a required property",
    ],
    [
      "a wrong start event type",
      edit((t) => {
        (t.start_event as { type: string }).type = "Start";
      }),
      "start_event→type: 'Start' is not one of ['EmptyStartEvent']",
    ],
    [
      "an unknown activity type",
      edit((t) => {
        activity(t, "A").type = "Task";
      }),
      "activities→A→type: 'Task' is not one of ['ServiceActivity', 'SubProcess']",
    ],
    [
      "an empty activity name",
      edit((t) => {
        activity(t, "A").name = "";
      }),
      "activities→A→name: '' should be non-empty",
    ],
    [
      "a 51-character activity name",
      edit((t) => {
        activity(t, "A").name = "x".repeat(51);
      }),
      `activities→A→name: '${"x".repeat(51)}' is too long`,
    ],
    [
      "a component input without hook",
      edit((t) => {
        (activity(t, "A").component as { data: unknown }).data = { k: { value: 1 } };
      }),
      "activities→A→component→data→k: 'hook' is a required property",
    ],
    [
      "an unknown constant source_type",
      edit((t) => {
        constant(t, "${x}").source_type = "env";
      }),
      "constants→${x}→source_type: 'env' is not one of ['component_inputs', 'component_outputs', 'custom', 'system']",
    ],
    [
      "a flow without a target",
      edit((t) => {
        delete (t.flows.f_A_E as Partial<{ target: string }>).target;
      }),
      "flows→f_A_E: 'target' is a required property",
    ],
    [
      "two problems: sorted by message, joined with a comma",
      edit((t) => {
        activity(t, "A").name = "";
        (t.start_event as { type: string }).type = "Start";
      }),
      "activities→A→name: '' should be non-empty,start_event→type: 'Start' is not one of ['EmptyStartEvent']",
    ],
  ])("%s", (_label, tree, text) => {
    expect(refusal(tree).message).toBe(text);
  });

  it("an unknown gateway type fails the gateways' oneOf as a whole", () => {
    const tree = edit((t) => {
      (t.gateways.E as { type: string }).type = "Fork";
    });
    expect(refusal(tree).message).toMatch(
      /^gateways→E: \{'id': 'E', .* is not valid under any of the given schemas$/,
    );
  });
});

describe("constant key checks (pipeline_web/parser/validator.py)", () => {
  it.each<[string, PipelineTree, string]>([
    [
      "a key property that differs from its key",
      edit((t) => {
        constant(t, "${x}").key = "${y}";
      }),
      "constants ${x} key property value: ${y} not matched",
    ],
    [
      "a missing key property",
      edit((t) => {
        delete constant(t, "${x}").key;
      }),
      "constants ${x} key property value: None not matched",
    ],
    [
      "a project variable key",
      edit((t) => {
        t.constants = { "${_env_x}": { ...(t.constants["${x}"] as object), key: "${_env_x}" } as never };
      }),
      "invalid key: ${_env_x}",
    ],
    [
      "a bad outputs item: bk-sops names the last constant key, not the output",
      edit((t) => {
        t.outputs = ["bad"];
      }),
      "invalid outputs key: ${x}",
    ],
    [
      "a bad outputs item without constants: Python's unbound-variable error",
      edit((t) => {
        t.constants = {};
        t.outputs = ["bad"];
      }),
      "cannot access local variable 'key' where it is not associated with a value",
    ],
  ])("%s", (_label, tree, text) => {
    expect(refusal(tree).message).toBe(text);
  });
});

describe("constants that refer to themselves (gcloud/utils/pipeline.py::validate_pipeline_tree_constants)", () => {
  const withConstants = (values: Record<string, unknown>) =>
    edit((t) => {
      t.constants = Object.fromEntries(
        Object.entries(values).map(([key, value], index) => [
          key,
          { key, name: key, index, source_type: "custom", value } as never,
        ]),
      );
    });

  it.each<[string, PipelineTree, string]>([
    ["a constant naming itself", withConstants({ "${a}": "x ${a}" }), "常量 ${a} 的值不能引用自身作为值"],
    [
      "two constants naming each other",
      withConstants({ "${a}": "${b}", "${b}": "${a}" }),
      "检测到常量${a}, ${b}存在循环引用",
    ],
    [
      "a reference inside a list value (the value's Python str() is searched)",
      withConstants({ "${a}": ["${a}"] }),
      "常量 ${a} 的值不能引用自身作为值",
    ],
  ])("%s", (_label, tree, text) => {
    expect(refusal(tree).message).toBe(text);
  });

  it("counts a key only when its exact text appears (a Mako expression is not parsed)", () => {
    expect(() => validateTemplateTree(withConstants({ "${a}": "${a + 1}" }))).not.toThrow();
  });
});

describe("connections (bamboo validators/connection.py::validate_graph_connection, rules.py)", () => {
  it("the start event may not lead straight to the end event", () => {
    const error = refusal(chain({}));
    expect(error.message).toBe("{'start': '不能连接EmptyStartEvent类型节点\\n'}");
    expect(error.detail).toContain("EmptyEndEvent");
  });

  it("an activity may not lead back to the start event", () => {
    const tree = edit((t) => {
      t.flows.f_B_C = { ...t.flows.f_B_C, target: "start" } as never;
      const c = t.gateways.C as { incoming: string[] };
      c.incoming = c.incoming.filter((id) => id !== "f_B_C");
      (t.start_event as { incoming: unknown }).incoming = "f_B_C";
      t.line = [];
      t.location = [];
    });
    // The start event is checked first: it now has an incoming flow.
    expect(refusal(tree).message).toBe("{'start': '节点的入度最大为0，最小为0\\n'}");
  });
});

describe("gateway pairing (bamboo validators/gateway.py::validate_gateways), bk-sops' Chinese texts", () => {
  const spec = (nodes: Spec["nodes"], edges: Spec["edges"]) => buildTree({ nodes, edges });

  it("a parallel gateway whose branches end at the end event", () => {
    const tree = spec({ P: "parallel", A: "act", B: "act" }, [
      ["start", "P"],
      ["P", "A"],
      ["P", "B"],
      ["A", "end"],
      ["B", "end"],
    ]);
    expect(refusal(tree).message).toBe(
      "非法网关, 请检查其分支是否符合规则, cur_index: P, targets: ['end', 'end']",
    );
  });

  it("an exclusive gateway inside a parallel one that leaves it", () => {
    const tree = spec({ P: "parallel", E: "exclusive", A: "act", C: "converge" }, [
      ["start", "P"],
      ["P", "E"],
      ["P", "A"],
      ["E", "C"],
      ["E", "end"],
      ["A", "C"],
      ["C", "end"],
    ]);
    expect(refusal(tree).message).toBe("并行网关中的分支网关必须将所有分支汇聚到一个汇聚网关");
  });

  it("an exclusive gateway whose branches meet different converge gateways first", () => {
    const tree = spec({ E: "exclusive", A: "act", B: "act", C1: "converge", C2: "converge" }, [
      ["start", "E"],
      ["E", "A"],
      ["E", "B"],
      ["A", "C1"],
      ["B", "C2"],
      ["C1", "C2"],
      ["C2", "end"],
    ]);
    expect(refusal(tree).message).toBe("分支网关的所有分支第一个遇到的汇聚网关必须是同一个");
  });
});

describe("streams (bamboo validators/gateway.py::validate_stream; StreamValidateError has no text)", () => {
  it.each<[string, PipelineTree, string]>([
    [
      // bamboo tests/validators/cases.py flow_invalid_case_1
      "a node reached by a parallel branch and by an exclusive gateway on another branch",
      buildTree({
        nodes: { A1: "act", P: "parallel", A2: "act", A3: "act", E: "exclusive", A4: "act", C: "converge" },
        edges: [
          ["start", "A1"],
          ["A1", "P"],
          ["P", "A2"],
          ["P", "A3"],
          ["P", "E"],
          ["E", "A3"],
          ["E", "A4"],
          ["A2", "C"],
          ["A3", "C"],
          ["A4", "C"],
          ["C", "end"],
        ],
      }),
      "A3",
    ],
    [
      // bamboo tests/validators/cases.py flow_invalid_case_2
      "a node reached from the main stream and from a parallel branch",
      buildTree({
        nodes: { A1: "act", E: "exclusive", A2: "act", P: "parallel", A3: "act", A4: "act", C: "converge" },
        edges: [
          ["start", "A1"],
          ["A1", "E"],
          ["E", "A3"],
          ["E", "A2"],
          ["A2", "P"],
          ["P", "A3"],
          ["P", "A4"],
          ["A3", "C"],
          ["A4", "C"],
          ["C", "end"],
        ],
      }),
      "A3",
    ],
    [
      "an island of activities no stream reaches",
      edit((t) => {
        t.activities.X = {
          ...(t.activities.A as object),
          id: "X",
          incoming: ["f_Y_X"],
          outgoing: "f_X_Y",
        } as never;
        t.activities.Y = {
          ...(t.activities.A as object),
          id: "Y",
          incoming: ["f_X_Y"],
          outgoing: "f_Y_X",
        } as never;
        t.flows.f_X_Y = { id: "f_X_Y", source: "X", target: "Y", is_default: false };
        t.flows.f_Y_X = { id: "f_Y_X", source: "Y", target: "X", is_default: false };
      }),
      "X",
    ],
  ])("%s", (_label, tree, nodeId) => {
    const error = refusal(tree);
    expect(error).toBeInstanceOf(StreamError);
    expect(error.message).toBe("");
    expect((error as StreamError).nodeId).toBe(nodeId);
    expect(describeTreeError(error)).toContain(`node ${nodeId}`);
  });
});

describe("integrity bk-sops does not check (ours, docs/bk-sops-behaviour.md §5.5)", () => {
  it.each<[string, PipelineTree, RegExp]>([
    [
      "an activity id differing from its key",
      edit((t) => {
        activity(t, "A").id = "Z";
      }),
      /activity A: id must equal its key/,
    ],
    [
      "a flow missing from its source's outgoing",
      edit((t) => {
        activity(t, "A").outgoing = "f_B_C";
      }),
      /not in the outgoing of its source A/,
    ],
  ])("%s", (_label, tree, text) => {
    expect(refusal(tree).message).toMatch(text);
  });

  it("activities looping without a gateway (bamboo's gateway check would walk them forever)", () => {
    const tree = buildTree({
      nodes: { E: "exclusive", A: "act", B: "act" },
      edges: [
        ["start", "E"],
        ["E", "end"],
        ["E", "A"],
        ["A", "B"],
        ["B", "A"],
      ],
    });
    expect(refusal(tree).message).toBe("activities form a loop without a gateway");
  });

  it("a tree without flows fails as bamboo's first flow lookup does", () => {
    const tree = edit((t) => {
      delete (t as Partial<PipelineTree>).flows;
    });
    expect(() => validateTemplateTree(tree)).toThrow(MissingKeyError);
  });
});
