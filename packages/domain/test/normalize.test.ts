import { describe, expect, it } from "vitest";
import { GatewayMatchError } from "../src/errors.js";
import { normalizeTree } from "../src/normalize.js";
import { buildTree, chain } from "../src/testing/builder.js";
import type { DivergentGateway, PipelineTree } from "../src/types.js";

const nested = buildTree({
  nodes: { P1: "parallel", A: "act", P2: "parallel", B: "act", C: "act", C2: "converge", C1: "converge" },
  edges: [
    ["start", "P1"],
    ["P1", "A"],
    ["P1", "P2"],
    ["P2", "B"],
    ["P2", "C"],
    ["B", "C2"],
    ["C", "C2"],
    ["C2", "C1"],
    ["A", "C1"],
    ["C1", "end"],
  ],
});
const exclusiveToEnd = buildTree({
  nodes: { E: "exclusive", A: "act", B: "act", C: "converge" },
  edges: [
    ["start", "E"],
    ["E", "A"],
    ["E", "B"],
    ["E", "end"],
    ["A", "C"],
    ["B", "C"],
    ["C", "end"],
  ],
});
const exclusiveLoop = buildTree({
  nodes: { A: "act", E: "exclusive", B: "act", C: "converge" },
  edges: [
    ["start", "A"],
    ["A", "E"],
    ["E", "B"],
    ["E", "A"],
    ["B", "C"],
    ["C", "end"],
  ],
});
// An exclusive gateway inside an exclusive branch shares the outer converge gateway.
const sharedConverge = buildTree({
  nodes: { E1: "exclusive", E2: "exclusive", A: "act", B: "act", D: "act", C: "converge" },
  edges: [
    ["start", "E1"],
    ["E1", "E2"],
    ["E1", "D"],
    ["E2", "A"],
    ["E2", "B"],
    ["A", "C"],
    ["B", "C"],
    ["D", "C"],
    ["C", "end"],
  ],
});
const mixed = buildTree({
  nodes: { P: "parallel", CP: "condparallel", A: "act", B: "act", C2: "converge", D: "act", C1: "converge" },
  edges: [
    ["start", "P"],
    ["P", "CP"],
    ["P", "D"],
    ["CP", "A"],
    ["CP", "B"],
    ["A", "C2"],
    ["B", "C2"],
    ["C2", "C1"],
    ["D", "C1"],
    ["C1", "end"],
  ],
});

const convergeIds = (tree: PipelineTree): Record<string, string | undefined> =>
  Object.fromEntries(
    Object.values(tree.gateways)
      .filter((g): g is DivergentGateway => g.type !== "ConvergeGateway")
      .map((g) => [g.id, g.converge_gateway_id]),
  );

describe("normalizeTree: gateway matching", () => {
  it.each([
    [
      "nested parallel pairs",
      { given: nested, want: { P1: "C1", P2: "C2" }, map: { C2: ["P2"], C1: ["P1"] } },
    ],
    ["exclusive branch straight to the end", { given: exclusiveToEnd, want: { E: "C" }, map: { C: ["E"] } }],
    ["exclusive branch looping back", { given: exclusiveLoop, want: { E: "C" }, map: { C: ["E"] } }],
    [
      "nested exclusive sharing the converge",
      { given: sharedConverge, want: { E1: "C", E2: "C" }, map: { C: ["E2", "E1"] } },
    ],
    [
      "conditional parallel inside parallel",
      { given: mixed, want: { P: "C1", CP: "C2" }, map: { C2: ["CP"], C1: ["P"] } },
    ],
  ])("%s", (_name, { given, want, map }) => {
    const { tree, converges } = normalizeTree(given);
    expect(convergeIds(tree)).toEqual(want);
    expect(Object.fromEntries(converges)).toEqual(map);
  });

  it("leaves converge_gateway_id off an exclusive gateway whose branches all end at the end event", () => {
    const tree = buildTree({
      nodes: { E: "exclusive", A: "act", B: "act" },
      edges: [
        ["start", "E"],
        ["E", "A"],
        ["E", "B"],
        ["A", "end"],
        ["B", "end"],
      ],
    });
    const { tree: out, converges } = normalizeTree(tree);
    expect(out.gateways.E).not.toHaveProperty("converge_gateway_id");
    expect(converges.size).toBe(0);
  });

  it.each([
    [
      "a parallel branch that skips the converge",
      {
        nodes: { P: "parallel", A: "act", C: "converge" } as const,
        edges: [
          ["start", "P"],
          ["P", "A"],
          ["P", "end"],
          ["A", "C"],
          ["C", "end"],
        ] as Array<[string, string]>,
      },
    ],
    [
      "an exclusive branch ending inside a parallel block",
      {
        nodes: { P: "parallel", E: "exclusive", A: "act", B: "act", C: "converge" } as const,
        edges: [
          ["start", "P"],
          ["P", "E"],
          ["P", "B"],
          ["E", "A"],
          ["E", "end"],
          ["A", "C"],
          ["B", "C"],
          ["C", "end"],
        ] as Array<[string, string]>,
      },
    ],
    [
      "two parallel gateways sharing one converge",
      {
        nodes: { P1: "parallel", P2: "parallel", A: "act", B: "act", D: "act", C: "converge" } as const,
        edges: [
          ["start", "P1"],
          ["P1", "P2"],
          ["P1", "D"],
          ["P2", "A"],
          ["P2", "B"],
          ["A", "C"],
          ["B", "C"],
          ["D", "C"],
          ["C", "end"],
        ] as Array<[string, string]>,
      },
    ],
  ])("rejects %s", (_name, spec) => {
    expect(() => normalizeTree(buildTree(spec))).toThrow(GatewayMatchError);
  });
});

describe("normalizeTree: incoming lists", () => {
  it("turns every activity, gateway and end-event incoming into a list and leaves the start event alone", () => {
    const given = chain({ A: "act", B: "opt" });
    const { tree } = normalizeTree(given);
    expect(tree.activities.A?.incoming).toEqual(["f_start_A"]);
    expect(tree.activities.B?.incoming).toEqual(["f_A_B"]);
    expect(tree.end_event.incoming).toEqual(["f_B_end"]);
    expect(tree.start_event.incoming).toBe("");
    expect(tree.activities.A?.outgoing).toBe("f_A_B");
  });

  it("does not change its input", () => {
    const given = chain({ A: "act" });
    const before = structuredClone(given);
    normalizeTree(given);
    expect(given).toEqual(before);
  });
});
