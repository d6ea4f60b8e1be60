// Node labels, as bk-sops keeps them beside the tree and puts them back whenever a template or a
// task is read: pipeline_web/parser/clean.py::PipelineWebTreeCleaner (clean / to_web),
// pipeline_web/label/models.py::NodeAttrLabelManager.batch_update_nodes_attr (every node gets its
// list, [] when it has none), gcloud/taskflow3/models.py::TaskFlowInstance.pipeline_tree.
import { describe, expect, it } from "vitest";
import { buildTaskTree } from "../src/build-task-tree.js";
import { attachLabelsInPlace, labelProblems } from "../src/labels.js";
import { buildTree } from "../src/testing/builder.js";
import type { PipelineTree } from "../src/types.js";

const LABEL = { label: "deploy", group: "release" };
const tree = (): PipelineTree =>
  buildTree({
    nodes: { A: "act", P: "parallel", B: "opt", C: "act", J: "converge" },
    edges: [
      ["start", "A"],
      ["A", "P"],
      ["P", "B"],
      ["P", "C"],
      ["B", "J"],
      ["C", "J"],
      ["J", "end"],
    ],
    labels: {
      A: [LABEL],
      P: [{ label: "fan-out", group: "flow" }],
      start: [{ label: "begin", group: "flow" }],
    },
  });

describe("attachLabelsInPlace", () => {
  it("gives every node labels as its last key: its own, or []", () => {
    const given = tree();
    attachLabelsInPlace(given);
    const nodes = [
      given.start_event,
      given.end_event,
      ...Object.values(given.activities),
      ...Object.values(given.gateways),
    ];
    for (const node of nodes) expect(Object.keys(node).at(-1)).toBe("labels");
    expect(given.activities.A?.labels).toEqual([LABEL]);
    expect(given.activities.C?.labels).toEqual([]);
    expect(given.end_event.labels).toEqual([]);
    expect(given.start_event.labels).toEqual([{ label: "begin", group: "flow" }]);
  });

  it("drops entries that are not {label, group} (bk-sops keeps only labels it knows)", () => {
    const given = tree();
    (given.activities.A as { labels?: unknown }).labels = [LABEL, "loose", { label: "x" }];
    attachLabelsInPlace(given);
    expect(given.activities.A?.labels).toEqual([LABEL]);
  });
});

describe("labelProblems: what bk-sops' label handler cannot store", () => {
  it.each<[string, unknown, number]>([
    ["a list of {label, group}", [LABEL], 0],
    ["no labels", undefined, 0],
    ["a label without its group", [{ label: "x" }], 1],
    ["not a list", { label: "x", group: "y" }, 1],
  ])("%s", (_label, labels, count) => {
    const given = tree();
    if (labels === undefined) delete (given.activities.A as { labels?: unknown }).labels;
    else (given.activities.A as { labels?: unknown }).labels = labels;
    expect(labelProblems(given)).toHaveLength(count);
  });
});

describe("a task's labels", () => {
  it("survive exclusion and id regeneration on the nodes that remain, under their new ids", () => {
    const task = buildTaskTree(tree(), { exclude: ["B"] });
    const byOrigin = Object.fromEntries(
      Object.values(task.activities).map((act) => [act.template_node_id, act.labels]),
    );
    expect(byOrigin).toEqual({ A: [LABEL], C: [] });
    const gateways = Object.values(task.gateways);
    expect(gateways.find((g) => g.type === "ParallelGateway")?.labels).toEqual([
      { label: "fan-out", group: "flow" },
    ]);
  });
});
