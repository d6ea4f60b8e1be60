import { describe, expect, it } from "vitest";
import { normalizeTree } from "../src/normalize.js";
import type { IdGenerator } from "../src/regenerate-ids.js";
import { ReplaceIdError, randomId, regenerateIdsInPlace } from "../src/regenerate-ids.js";
import { buildTree } from "../src/testing/builder.js";
import type { ExclusiveGateway, PipelineTree } from "../src/types.js";

const counter = (): IdGenerator => {
  let n = 0;
  return (kind) => `${kind === "node" ? "n" : "l"}${(n++).toString(16).padStart(31, "0")}`;
};

function template(): PipelineTree {
  const { tree } = normalizeTree(
    buildTree({
      nodes: { A: "act", E: "exclusive", B: "act", D: "act", C: "converge" },
      edges: [
        ["start", "A"],
        ["A", "E"],
        ["E", "B"],
        ["E", "D"],
        ["B", "C"],
        ["D", "C"],
        ["C", "end"],
      ],
      conditions: { f_E_B: "${x} == 1", f_E_D: "True" },
      constants: { "${x}": { source_type: "component_inputs", source_info: { A: ["k"], B: ["k"] } } },
    }),
  );
  (tree.gateways.E as ExclusiveGateway).default_condition = { name: "else", flow_id: "f_E_D" };
  return tree;
}

/** Every id a tree refers to, by where it is used. */
function references(tree: PipelineTree): { nodes: string[]; flows: string[] } {
  const gateways = Object.values(tree.gateways);
  const exclusive = gateways.filter((g): g is ExclusiveGateway => g.type === "ExclusiveGateway");
  return {
    nodes: [
      ...Object.values(tree.flows).flatMap((f) => [f.source, f.target]),
      ...tree.line.flatMap((l) => [l.source.id, l.target.id]),
      ...tree.location.map((l) => l.id),
      ...Object.values(tree.constants).flatMap((c) => Object.keys(c.source_info)),
      ...gateways.flatMap((g) => ("converge_gateway_id" in g ? [g.converge_gateway_id as string] : [])),
    ],
    flows: [
      ...[...Object.values(tree.activities), ...gateways, tree.end_event].flatMap((n) =>
        [n.incoming, n.outgoing].flat(),
      ),
      tree.start_event.outgoing,
      ...tree.line.map((l) => l.id),
      ...exclusive.flatMap((g) => [...Object.keys(g.conditions), g.default_condition?.flow_id ?? ""]),
    ],
  };
}

describe("regenerateIdsInPlace (docs/bk-sops-behaviour.md §5.2)", () => {
  it("gives every node an n-id and every flow an l-id, all distinct", () => {
    const tree = template();
    regenerateIdsInPlace(tree);
    const nodeIds = [
      tree.id,
      tree.start_event.id,
      tree.end_event.id,
      ...Object.keys(tree.activities),
      ...Object.keys(tree.gateways),
    ];
    const flowIds = Object.keys(tree.flows);
    for (const id of nodeIds) expect(id).toMatch(/^n[0-9a-f]{31}$/);
    for (const id of flowIds) expect(id).toMatch(/^l[0-9a-f]{31}$/);
    expect(new Set([...nodeIds, ...flowIds]).size).toBe(nodeIds.length + flowIds.length);
  });

  it("remaps every reference to a node or flow", () => {
    const tree = template();
    regenerateIdsInPlace(tree, counter());
    const nodes = new Set([
      tree.start_event.id,
      tree.end_event.id,
      ...Object.keys(tree.activities),
      ...Object.keys(tree.gateways),
    ]);
    const refs = references(tree);
    expect(refs.nodes.filter((id) => !nodes.has(id))).toEqual([]);
    expect(refs.flows.filter((id) => id !== "" && !(id in tree.flows))).toEqual([]);
    for (const [key, node] of [...Object.entries(tree.activities), ...Object.entries(tree.gateways)])
      expect(node.id).toBe(key);
    for (const [key, flow] of Object.entries(tree.flows)) expect(flow.id).toBe(key);
  });

  it("keeps the default branch pointing at the same flow", () => {
    const tree = template();
    regenerateIdsInPlace(tree, counter());
    const gateway = Object.values(tree.gateways).find(
      (g): g is ExclusiveGateway => g.type === "ExclusiveGateway",
    );
    const flow = tree.flows[gateway?.default_condition?.flow_id ?? ""];
    expect(tree.activities[flow?.target ?? ""]?.template_node_id).toBe("D");
  });

  it.each([
    ["an activity without one records its old id", { given: undefined, want: "A" }],
    ["an existing template_node_id is kept", { given: "orig", want: "orig" }],
  ])("template_node_id: %s", (_name, { given, want }) => {
    const tree = template();
    if (given !== undefined && tree.activities.A) tree.activities.A.template_node_id = given;
    regenerateIdsInPlace(tree, counter());
    const names = Object.values(tree.activities).map((a) => a.template_node_id);
    expect(names).toEqual([want, "B", "D"]);
  });

  it("fails like bamboo when source_info names a missing node", () => {
    const tree = template();
    if (tree.constants["${x}"]) tree.constants["${x}"].source_info = { ghost: ["k"] };
    expect(() => regenerateIdsInPlace(tree, counter())).toThrow(
      new ReplaceIdError("replace pipeline template id error: 'ghost'"),
    );
  });

  it.each([
    ["node", /^n[0-9a-f]{11}3[0-9a-f]{3}[89ab][0-9a-f]{15}$/],
    ["flow", /^l[0-9a-f]{11}3[0-9a-f]{3}[89ab][0-9a-f]{15}$/],
  ] as const)("the default generator makes uuid3-shaped %s ids", (kind, pattern) => {
    expect(randomId(kind)).toMatch(pattern);
  });

  // bamboo pipeline/parser/utils.py::_replace_flow_in_exclusive_gateway_conditions
  it("renames a default branch that has no condition (as the bk-sops editor saves it)", () => {
    const tree = template();
    const gateway = tree.gateways.E as ExclusiveGateway;
    delete gateway.conditions.f_E_D;
    regenerateIdsInPlace(tree, counter());
    const renamed = Object.values(tree.gateways).find(
      (g): g is ExclusiveGateway => g.type === "ExclusiveGateway",
    );
    const flowId = renamed?.default_condition?.flow_id ?? "";
    expect(flowId).toMatch(/^l/);
    expect(tree.activities[tree.flows[flowId]?.target ?? ""]?.template_node_id).toBe("D");
    expect(Object.keys(renamed?.conditions ?? {})).toHaveLength(1);
  });

  it("fails like bamboo on a branch that has neither a condition nor the default", () => {
    const tree = template();
    const gateway = tree.gateways.E as ExclusiveGateway;
    delete gateway.conditions.f_E_D;
    delete gateway.default_condition;
    expect(() => regenerateIdsInPlace(tree, counter())).toThrow(
      new ReplaceIdError(
        "replace exclusive_gateway_conditions error: flow f_E_D not exists in conditions or default_condition",
      ),
    );
  });

  it("fails like bamboo on a canvas line that draws no flow (a KeyError)", () => {
    const tree = template();
    tree.line.push({ id: "ghost", source: { id: "A", arrow: "Right" }, target: { id: "E", arrow: "Left" } });
    expect(() => regenerateIdsInPlace(tree, counter())).toThrow("'ghost'");
  });

  it("leaves a tree without a canvas without one", () => {
    const tree = template();
    delete (tree as Partial<PipelineTree>).line;
    delete (tree as Partial<PipelineTree>).location;
    regenerateIdsInPlace(tree, counter());
    expect(tree).not.toHaveProperty("line");
  });
});
