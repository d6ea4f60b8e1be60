import { describe, expect, it } from "vitest";
import { buildTaskTree } from "../src/build-task-tree.js";
import {
  NoAttributeError,
  NodeNotInTreeError,
  NodeNotOptionalError,
  UnhashableIdError,
} from "../src/errors.js";
import { previewTaskTree } from "../src/preview-task-tree.js";
import { buildTree, chain, flowId } from "../src/testing/builder.js";
import type { PipelineTree } from "../src/types.js";

const edges = (tree: PipelineTree): Record<string, string> =>
  Object.fromEntries(Object.values(tree.flows).map((f) => [f.id, `${f.source}>${f.target}`]));

/** start → A(uses ${a}) → X(optional, uses ${x}) → end, plus an unused ${u} and an output ${o}. */
const withConstants = () =>
  buildTree({
    nodes: { A: "act", X: "opt" },
    edges: [
      ["start", "A"],
      ["A", "X"],
      ["X", "end"],
    ],
    inputs: { A: { script: "echo ${a}" }, X: { script: "echo ${x}" } },
    constants: {
      "${u}": {},
      "${a}": {},
      "${x}": { source_type: "component_inputs", source_info: { X: ["script"] } },
      "${o}": { source_type: "component_outputs", source_info: { X: ["_result"] } },
    },
  });

/** P splits into branches a (optional a0) and b (optional b0), joined at C, then D. */
const parallelPair = () =>
  buildTree({
    nodes: { P: "parallel", a0: "opt", b0: "opt", C: "converge", D: "act" },
    edges: [
      ["start", "P"],
      ["P", "a0"],
      ["P", "b0"],
      ["a0", "C"],
      ["b0", "C"],
      ["C", "D"],
      ["D", "end"],
    ],
  });

describe("previewTaskTree: the tree a task would start from, in the template's own terms", () => {
  it.each([
    [
      "nothing excluded: the graph is the template's, unused constants are reported apart",
      {
        given: withConstants(),
        exclude: [],
        edges: { f_start_A: "start>A", f_A_X: "A>X", f_X_end: "X>end" },
        constants: { "${a}": 0, "${x}": 1, "${o}": 2 },
        notReferred: { "${u}": 0 },
      },
    ],
    [
      "an optional node excluded: its inputs' constants go, node outputs stay",
      {
        given: withConstants(),
        exclude: ["X"],
        edges: { f_start_A: "start>A", f_A_X: "A>end" },
        constants: { "${a}": 0, "${o}": 1 },
        notReferred: { "${u}": 0, "${x}": 2 },
      },
    ],
    [
      "all parallel branches excluded: the pair collapses",
      {
        given: parallelPair(),
        exclude: ["a0", "b0"],
        edges: { f_start_P: "start>D", f_D_end: "D>end" },
        constants: {},
        notReferred: {},
      },
    ],
    [
      "one parallel branch excluded: the empty branch goes, the pair stays",
      {
        given: parallelPair(),
        exclude: ["a0"],
        edges: { f_start_P: "start>P", f_P_b0: "P>b0", f_b0_C: "b0>C", f_C_D: "C>D", f_D_end: "D>end" },
        constants: {},
        notReferred: {},
      },
    ],
  ])("%s", (_name, { given, exclude, edges: wantEdges, constants, notReferred }) => {
    const preview = previewTaskTree(given, exclude);
    expect(edges(preview.pipeline_tree)).toEqual(wantEdges);
    // Kept constants are renumbered in template order; dropped ones keep the template's index.
    const indexes = (record: Record<string, { index: number }>) =>
      Object.fromEntries(Object.entries(record).map(([key, c]) => [key, c.index]));
    expect(indexes(preview.pipeline_tree.constants)).toEqual(constants);
    expect(indexes(preview.constants_not_referred)).toEqual(notReferred);
  });

  it("keeps ids, the canvas and the incoming shapes as the template stores them", () => {
    const template = withConstants();
    const { pipeline_tree: tree } = previewTaskTree(template, []);
    expect(Object.keys(tree.activities)).toEqual(["A", "X"]);
    // A single incoming flow stays a string: a preview does not normalise as creation does.
    expect(tree.activities.A?.incoming).toBe(flowId("start", "A"));
    expect(tree.end_event.incoming).toBe(flowId("X", "end"));
    expect(tree.line).toEqual(template.line);
    expect(tree.location).toEqual(template.location);
    expect(tree.activities.A?.template_node_id).toBeUndefined();
  });

  it("adds no converge_gateway_id, unlike creation", () => {
    const { pipeline_tree: preview } = previewTaskTree(parallelPair(), ["a0"]);
    const created = buildTaskTree(parallelPair(), { exclude: ["a0"] });
    expect(preview.gateways.P).not.toHaveProperty("converge_gateway_id");
    expect(Object.values(created.gateways).some((g) => "converge_gateway_id" in g)).toBe(true);
  });

  it("rewires a string incoming as bk-sops does: the one upstream flow replaces it", () => {
    const { pipeline_tree: tree } = previewTaskTree(chain({ A: "act", X: "opt" }), ["X"]);
    expect(tree.end_event.incoming).toBe(flowId("A", "X"));
  });

  it("leaves the template untouched", () => {
    const template = withConstants();
    const before = structuredClone(template);
    previewTaskTree(template, ["X"]);
    expect(template).toEqual(before);
  });

  it("returns copies of the dropped constants, not the template's own objects", () => {
    const template = withConstants();
    const preview = previewTaskTree(template, []);
    expect(preview.constants_not_referred["${u}"]).not.toBe(template.constants["${u}"]);
  });
});

describe("previewTaskTree: errors", () => {
  // P has one branch, so its converge stores the single incoming flow as a string.
  const oneBranch = () =>
    buildTree({
      nodes: { P: "parallel", X: "opt", C: "converge" },
      edges: [
        ["start", "P"],
        ["P", "X"],
        ["X", "C"],
        ["C", "end"],
      ],
    });
  it.each([
    ["an id listed twice", chain({ X: "opt" }), ["X", "X"], NodeNotInTreeError],
    ["a required node", chain({ A: "act" }), ["A"], NodeNotOptionalError],
    ["a list as an id", chain({ X: "opt" }), [["X"]], UnhashableIdError],
    [
      "emptying a branch whose converge holds its only incoming flow as a string (bk-sops calls str.remove)",
      oneBranch(),
      ["X"],
      NoAttributeError,
    ],
  ])("rejects %s", (_name, given, exclude, error) => {
    expect(() => previewTaskTree(given, exclude)).toThrow(error);
  });

  it("names Python's AttributeError text", () => {
    const tree = buildTree({
      nodes: { P: "parallel", X: "opt", C: "converge" },
      edges: [
        ["start", "P"],
        ["P", "X"],
        ["X", "C"],
        ["C", "end"],
      ],
    });
    expect(() => previewTaskTree(tree, ["X"])).toThrow("'str' object has no attribute 'remove'");
  });
});
