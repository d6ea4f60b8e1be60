import { describe, expect, it } from "vitest";
import { NodeNotInTreeError, NodeNotOptionalError, UnhashableIdError } from "../src/errors.js";
import { excludeNodesInPlace } from "../src/exclude.js";
import { normalizeTree } from "../src/normalize.js";
import { buildTree, chain, flowId } from "../src/testing/builder.js";
import type { PipelineTree } from "../src/types.js";

/** Normalise then exclude, as task creation does. */
function exclude(given: PipelineTree, ids: unknown[]): PipelineTree {
  const { tree } = normalizeTree(given);
  excludeNodesInPlace(tree, ids);
  return tree;
}

/** The graph as "source>target" edges named by flow id, for compact expectations. */
const edges = (tree: PipelineTree): Record<string, string> =>
  Object.fromEntries(Object.values(tree.flows).map((f) => [f.id, `${f.source}>${f.target}`]));

const parallel = (branches: Record<string, Array<"act" | "opt">>): PipelineTree => {
  const nodes: Record<string, "act" | "opt" | "parallel" | "converge"> = { P: "parallel", C: "converge" };
  const list: Array<[string, string]> = [["start", "P"]];
  for (const [branch, kinds] of Object.entries(branches)) {
    let prev = "P";
    kinds.forEach((kind, i) => {
      const id = `${branch}${i}`;
      nodes[id] = kind;
      list.push([prev, id]);
      prev = id;
    });
    list.push([prev, "C"]);
  }
  list.push(["C", "D"], ["D", "end"]);
  return buildTree({ nodes: { ...nodes, D: "act" }, edges: list });
};

describe("excludeNodesInPlace: removing activities (docs/bk-sops-behaviour.md §8.1)", () => {
  it.each([
    [
      "a single optional node joins its neighbours with the upstream flow",
      {
        given: chain({ A: "act", X: "opt", B: "act" }),
        exclude: ["X"],
        want: { f_start_A: "start>A", f_A_X: "A>B", f_B_end: "B>end" },
      },
    ],
    [
      "a chain A→X→Y→B excluding [X, Y] keeps the A→X flow id",
      {
        given: chain({ A: "act", X: "opt", Y: "opt", B: "act" }),
        exclude: ["X", "Y"],
        want: { f_start_A: "start>A", f_A_X: "A>B", f_B_end: "B>end" },
      },
    ],
    [
      "the node right before the end event",
      {
        given: chain({ A: "act", X: "opt" }),
        exclude: ["X"],
        want: { f_start_A: "start>A", f_A_X: "A>end" },
      },
    ],
    [
      "the node right before a gateway",
      {
        given: buildTree({
          nodes: { X: "opt", P: "parallel", A: "act", B: "act", C: "converge" },
          edges: [
            ["start", "X"],
            ["X", "P"],
            ["P", "A"],
            ["P", "B"],
            ["A", "C"],
            ["B", "C"],
            ["C", "end"],
          ],
        }),
        exclude: ["X"],
        want: {
          f_start_X: "start>P",
          f_P_A: "P>A",
          f_P_B: "P>B",
          f_A_C: "A>C",
          f_B_C: "B>C",
          f_C_end: "C>end",
        },
      },
    ],
    [
      "a parallel branch emptied is removed, the other stays",
      {
        given: parallel({ a: ["opt"], b: ["act"] }),
        exclude: ["a0"],
        want: { f_start_P: "start>P", f_P_b0: "P>b0", f_b0_C: "b0>C", f_C_D: "C>D", f_D_end: "D>end" },
      },
    ],
    [
      "all branches emptied collapses the pair",
      {
        given: parallel({ a: ["opt"], b: ["opt", "opt"] }),
        exclude: ["a0", "b0", "b1"],
        want: { f_start_P: "start>D", f_D_end: "D>end" },
      },
    ],
    [
      "nested pairs emptied collapse from the inside out",
      {
        given: buildTree({
          nodes: {
            P1: "parallel",
            X: "opt",
            P2: "parallel",
            Y: "opt",
            Z: "opt",
            C2: "converge",
            C1: "converge",
            D: "act",
          },
          edges: [
            ["start", "P1"],
            ["P1", "X"],
            ["P1", "P2"],
            ["P2", "Y"],
            ["P2", "Z"],
            ["Y", "C2"],
            ["Z", "C2"],
            ["C2", "C1"],
            ["X", "C1"],
            ["C1", "D"],
            ["D", "end"],
          ],
        }),
        exclude: ["Y", "Z", "X"],
        want: { f_start_P1: "start>D", f_D_end: "D>end" },
      },
    ],
    [
      "an exclusive branch emptied keeps the gateway with an empty branch",
      {
        given: buildTree({
          nodes: { E: "exclusive", X: "opt", B: "act", C: "converge" },
          edges: [
            ["start", "E"],
            ["E", "X"],
            ["E", "B"],
            ["X", "C"],
            ["B", "C"],
            ["C", "end"],
          ],
        }),
        exclude: ["X"],
        want: { f_start_E: "start>E", f_E_X: "E>C", f_E_B: "E>B", f_B_C: "B>C", f_C_end: "C>end" },
      },
    ],
    [
      "a conditional parallel branch emptied is kept as well",
      {
        given: buildTree({
          nodes: { G: "condparallel", X: "opt", Y: "opt", C: "converge" },
          edges: [
            ["start", "G"],
            ["G", "X"],
            ["G", "Y"],
            ["X", "C"],
            ["Y", "C"],
            ["C", "end"],
          ],
        }),
        exclude: ["X", "Y"],
        want: { f_start_G: "start>G", f_G_X: "G>C", f_G_Y: "G>C", f_C_end: "C>end" },
      },
    ],
  ])("%s", (_name, { given, exclude: ids, want }) => {
    const tree = exclude(given, ids);
    expect(edges(tree)).toEqual(want);
    // The drawing follows the graph: one line per flow with the same ends, one location per node.
    expect(Object.fromEntries(tree.line.map((l) => [l.id, `${l.source.id}>${l.target.id}`]))).toEqual(want);
    const nodeIds = ["start", "end", ...Object.keys(tree.activities), ...Object.keys(tree.gateways)].sort();
    expect(tree.location.map((l) => l.id).sort()).toEqual(nodeIds);
  });

  it("appends the removed node's incoming flows to the next node's incoming", () => {
    const tree = exclude(
      buildTree({
        nodes: { E: "exclusive", A: "act", X: "opt", C: "converge" },
        edges: [
          ["start", "E"],
          ["E", "A"],
          ["E", "X"],
          ["A", "C"],
          ["X", "C"],
          ["C", "end"],
        ],
      }),
      ["X"],
    );
    expect(tree.gateways.C?.incoming).toEqual([flowId("A", "C"), flowId("E", "X")]);
  });

  it("keeps exclusive conditions keyed by flows that still exist", () => {
    const tree = exclude(
      buildTree({
        nodes: { E: "exclusive", X: "opt", B: "act", C: "converge" },
        edges: [
          ["start", "E"],
          ["E", "X"],
          ["E", "B"],
          ["X", "C"],
          ["B", "C"],
          ["C", "end"],
        ],
      }),
      ["X"],
    );
    const gateway = tree.gateways.E;
    if (gateway?.type !== "ExclusiveGateway") throw new Error("gateway E missing");
    expect(Object.keys(gateway.conditions).every((id) => id in tree.flows)).toBe(true);
    expect(Object.keys(gateway.conditions)).toEqual(gateway.outgoing);
  });
});

describe("excludeNodesInPlace: errors", () => {
  const tree = () =>
    buildTree({
      nodes: { A: "act", X: "opt", P: "parallel", B: "act", C: "converge" },
      edges: [
        ["start", "A"],
        ["A", "X"],
        ["X", "P"],
        ["P", "B"],
        ["B", "C"],
        ["C", "end"],
      ],
    });
  it.each([
    [
      "an id listed twice",
      {
        exclude: ["X", "X"],
        error: NodeNotInTreeError,
        message: "task node[id=X] is not in template pipeline tree",
      },
    ],
    [
      "a gateway id",
      {
        exclude: ["P"],
        error: NodeNotInTreeError,
        message: "task node[id=P] is not in template pipeline tree",
      },
    ],
    [
      "an unknown id",
      {
        exclude: ["nope"],
        error: NodeNotInTreeError,
        message: "task node[id=nope] is not in template pipeline tree",
      },
    ],
    [
      "a number",
      {
        exclude: [1],
        error: NodeNotInTreeError,
        message: "task node[id=1] is not in template pipeline tree",
      },
    ],
    [
      "null",
      {
        exclude: [null],
        error: NodeNotInTreeError,
        message: "task node[id=None] is not in template pipeline tree",
      },
    ],
    [
      "a prototype member name",
      {
        exclude: ["constructor"],
        error: NodeNotInTreeError,
        message: "task node[id=constructor] is not in template pipeline tree",
      },
    ],
    [
      "a required node",
      { exclude: ["A"], error: NodeNotOptionalError, message: "task node[id=A] is not optional" },
    ],
    ["a list", { exclude: [["X"]], error: UnhashableIdError, message: "unhashable type: 'list'" }],
  ])("rejects %s", (_name, { exclude: ids, error, message }) => {
    const run = () => exclude(tree(), ids);
    expect(run).toThrow(error);
    expect(run).toThrow(message);
  });
});

describe("excludeNodesInPlace: what bk-sops tolerates and what it does not", () => {
  it("a tree without a canvas: nodes are removed, the canvas stays empty (tree.get('line', []))", () => {
    const tree = chain({ A: "act", X: "opt", B: "act" });
    delete (tree as Partial<PipelineTree>).line;
    delete (tree as Partial<PipelineTree>).location;
    excludeNodesInPlace(tree, ["X"]);
    expect(Object.keys(tree.activities)).toEqual(["A", "B"]);
    expect(tree.line).toEqual([]);
    expect(tree.location).toEqual([]);
  });

  it("a node without optional fails with Python's KeyError text (act['optional'])", () => {
    const tree = chain({ A: "act", X: "opt" });
    delete (tree.activities.X as Partial<PipelineTree["activities"][string]>).optional;
    expect(() => excludeNodesInPlace(tree, ["X"])).toThrow("'optional'");
  });
});
