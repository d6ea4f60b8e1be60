import { readdirSync, readFileSync } from "node:fs";
import type { Constant, ExclusiveGateway, PipelineTree } from "@bksops/domain";
import { InvalidTreeError, validateTemplateTree } from "@bksops/domain";
import { buildTree, chain } from "@bksops/domain/testing";
import { describe, expect, it } from "vitest";

const demoDir = new URL("../../demo/templates/", import.meta.url);

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

type Edit = (tree: PipelineTree) => void;
const edit = (change: Edit): PipelineTree => {
  const tree = good();
  change(tree);
  return tree;
};
const exclusive = (tree: PipelineTree): ExclusiveGateway => tree.gateways.E as ExclusiveGateway;
const activity = (tree: PipelineTree, id: string) =>
  tree.activities[id] as NonNullable<PipelineTree["activities"][string]>;

describe("validateTemplateTree", () => {
  it("accepts a well-formed tree", () => {
    expect(() => validateTemplateTree(good())).not.toThrow();
  });

  it.each(readdirSync(demoDir).filter((f) => f.endsWith(".json")))("accepts the demo template %s", (file) => {
    const template = JSON.parse(readFileSync(new URL(file, demoDir), "utf8"));
    expect(() => validateTemplateTree(template.pipeline_tree)).not.toThrow();
  });

  it.each([
    ["not an object", { given: [] as unknown, want: "must be an object" }],
    [
      "a missing activities object",
      {
        given: edit((t) => {
          delete (t as Partial<PipelineTree>).activities;
        }),
        want: "activities must be an object",
      },
    ],
    [
      "a wrong start event type",
      {
        given: edit((t) => {
          (t.start_event as { type: string }).type = "Start";
        }),
        want: "start_event must be an EmptyStartEvent",
      },
    ],
    [
      "an unknown activity type",
      {
        given: edit((t) => {
          (activity(t, "A") as { type: string }).type = "Task";
        }),
        want: "activity A: type must be",
      },
    ],
    [
      "an empty activity name",
      {
        given: edit((t) => {
          activity(t, "A").name = "";
        }),
        want: "activity A: name must be a string of 1-50",
      },
    ],
    [
      "a 51-character activity name",
      {
        given: edit((t) => {
          activity(t, "A").name = "x".repeat(51);
        }),
        want: "activity A: name must be",
      },
    ],
    [
      "an activity without optional",
      {
        given: edit((t) => {
          delete activity(t, "A").optional;
        }),
        want: "activity A: optional must be true or false",
      },
    ],
    [
      "an activity id differing from its key",
      {
        given: edit((t) => {
          activity(t, "A").id = "Z";
        }),
        want: "activity A: id must equal its key",
      },
    ],
    [
      "a component input without hook",
      {
        given: edit((t) => {
          const a = activity(t, "A");
          if (a.type === "ServiceActivity") a.component.data = { k: { value: 1 } as never };
        }),
        want: "component input k",
      },
    ],
    [
      "an unknown gateway type",
      {
        given: edit((t) => {
          (exclusive(t) as { type: string }).type = "Fork";
        }),
        want: "gateway E: type must be",
      },
    ],
    [
      "a branch without a condition",
      {
        given: edit((t) => {
          delete exclusive(t).conditions.f_E_B;
        }),
        want: "gateway E: outgoing flow f_E_B has no condition",
      },
    ],
    [
      "a condition for another flow",
      {
        given: edit((t) => {
          exclusive(t).conditions.f_x = { evaluate: "True" };
        }),
        want: "condition f_x is not an outgoing flow",
      },
    ],
    [
      "a default_condition on no outgoing flow",
      {
        given: edit((t) => {
          exclusive(t).default_condition = { flow_id: "f_A_E" };
        }),
        want: "default_condition.flow_id",
      },
    ],
    [
      "a flow to a missing node",
      {
        given: edit((t) => {
          (t.flows.f_B_C as { target: string }).target = "ghost";
        }),
        want: "flow f_B_C: target ghost is not a node",
      },
    ],
    [
      "a flow missing from its source's outgoing",
      {
        given: edit((t) => {
          activity(t, "A").outgoing = "f_B_C";
        }),
        want: "flow f_A_E: not in the outgoing of its source A",
      },
    ],
    [
      "an incoming that is not a flow into the node",
      {
        given: edit((t) => {
          activity(t, "B").incoming = ["f_A_E"];
        }),
        want: "node B: incoming f_A_E is not a flow into it",
      },
    ],
    [
      "a constant key with the wrong shape",
      {
        given: edit((t) => {
          t.constants["${a-b}"] = { ...(t.constants["${x}"] as Constant), key: "${a-b}" };
        }),
        want: "constant ${a-b}: key must look like",
      },
    ],
    [
      "a project variable key",
      {
        given: edit((t) => {
          t.constants["${_env_x}"] = { ...(t.constants["${x}"] as Constant), key: "${_env_x}" };
        }),
        want: "constant ${_env_x}: key must look like",
      },
    ],
    [
      "a key property that differs from the key",
      {
        given: edit((t) => {
          (t.constants["${x}"] as { key: string }).key = "${y}";
        }),
        want: "constant ${x}: key property must equal its key",
      },
    ],
    [
      "source_info naming a missing node",
      {
        given: edit((t) => {
          (t.constants["${x}"] as { source_info: object }).source_info = { ghost: ["k"] };
        }),
        want: "source_info names ghost",
      },
    ],
    [
      "a constant that refers to itself",
      {
        given: edit((t) => {
          (t.constants["${x}"] as { value: string }).value = "${x}!";
        }),
        want: "constants ${x} -> ${x} refer to themselves",
      },
    ],
    [
      "a flow without a line",
      {
        given: edit((t) => {
          t.line.pop();
        }),
        want: "flow f_C_end: has no line",
      },
    ],
    [
      "a line whose ends differ from its flow",
      {
        given: edit((t) => {
          (t.line[0] as { target: { id: string } }).target.id = "B";
        }),
        want: "line f_start_A: ends differ",
      },
    ],
    [
      "a node without a location",
      {
        given: edit((t) => {
          t.location = t.location.filter((l) => l.id !== "B");
        }),
        want: "node B: has no location",
      },
    ],
    [
      "a location for no node",
      {
        given: edit((t) => {
          t.location.push({ id: "ghost", type: "tasknode", x: 0, y: 0 });
        }),
        want: "location ghost: is not a node",
      },
    ],
    [
      "an end event that cannot be reached",
      {
        given: buildTree({
          nodes: { A: "act", B: "act", G: "exclusive", Y: "act" },
          edges: [
            ["start", "A"],
            ["A", "B"],
            ["B", "A"],
            ["G", "end"],
            ["G", "Y"],
            ["Y", "G"],
          ],
        }),
        want: "the end event cannot be reached from the start event",
      },
    ],
    [
      "a node that cannot reach the end",
      {
        given: buildTree({
          nodes: { E: "exclusive", A: "act", B: "act" },
          edges: [
            ["start", "E"],
            ["E", "end"],
            ["E", "A"],
            ["A", "B"],
            ["B", "A"],
          ],
        }),
        want: "cannot reach the end event",
      },
    ],
    [
      "unmatched gateways",
      {
        given: buildTree({
          nodes: { P: "parallel", A: "act", C: "converge" },
          edges: [
            ["start", "P"],
            ["P", "A"],
            ["P", "end"],
            ["A", "C"],
            ["C", "end"],
          ],
        }),
        want: "gateway[id=P]",
      },
    ],
  ])("rejects %s", (_name, { given, want }) => {
    const run = () => validateTemplateTree(given);
    expect(run).toThrow(InvalidTreeError);
    expect(run).toThrow(want);
  });

  it("does not change the tree it checks", () => {
    const tree = chain({ A: "act" });
    const before = structuredClone(tree);
    validateTemplateTree(tree);
    expect(tree).toEqual(before);
  });
});
