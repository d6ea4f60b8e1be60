import { describe, expect, it } from "vitest";
import { compareTrees } from "../src/predict/compare.js";
import { matchTrees } from "../src/predict/match.js";
import type { DifferenceKind } from "../src/types.js";

type Json = Record<string, unknown>;
const n = (c: string) => `n${c.repeat(31)}`;
const l = (c: string) => `l${c.repeat(31)}`;

/** start → parallel → (a | b) → converge → end, with one constant a uses; ids made from `tag`. */
function tree(tag: "p" | "a", edit: (t: Json) => void = () => {}): Json {
  const chars = tag === "p" ? "123456" : "abcdef";
  const [start, par, a, b, conv, end] = [...chars].map(n) as [string, string, string, string, string, string];
  const flow = (k: number, source: string, target: string) => ({
    id: l(chars[k] as string),
    source,
    target,
    is_default: false,
  });
  const f = [
    flow(0, start, par),
    flow(1, par, a),
    flow(2, par, b),
    flow(3, a, conv),
    flow(4, b, conv),
    flow(5, conv, end),
  ];
  const t: Json = {
    start_event: { id: start, type: "EmptyStartEvent", name: "", incoming: "", outgoing: f[0]?.id },
    end_event: { id: end, type: "EmptyEndEvent", name: "", incoming: [f[5]?.id], outgoing: "" },
    activities: {
      [a]: {
        id: a,
        type: "ServiceActivity",
        name: "a",
        template_node_id: "ta",
        incoming: [f[1]?.id],
        outgoing: f[3]?.id,
        optional: true,
        component: { code: "x", data: { v: { hook: false, value: "${k}" } } },
      },
      [b]: {
        id: b,
        type: "ServiceActivity",
        name: "b",
        template_node_id: "tb",
        incoming: [f[2]?.id],
        outgoing: f[4]?.id,
        optional: false,
        component: { code: "x", data: {} },
      },
    },
    gateways: {
      [par]: {
        id: par,
        type: "ParallelGateway",
        name: "",
        incoming: [f[0]?.id],
        outgoing: [f[1]?.id, f[2]?.id],
        converge_gateway_id: conv,
      },
      [conv]: {
        id: conv,
        type: "ConvergeGateway",
        name: "",
        incoming: [f[3]?.id, f[4]?.id],
        outgoing: f[5]?.id,
      },
    },
    flows: Object.fromEntries(f.map((x) => [x.id, x])),
    constants: {
      "${k}": { key: "${k}", name: "k", index: 0, source_type: "custom", source_info: {}, value: "v" },
    },
    outputs: [],
  };
  edit(t);
  return t;
}

const kinds = (predicted: Json, answered: Json, sent: Json = {}) =>
  [...new Set(compareTrees(predicted, answered, sent).differences.map((d) => d.kind))].sort();

describe("matching a predicted and an answered tree", () => {
  it("pairs gateways by type and position whatever their ids", () => {
    const matching = matchTrees(tree("p"), tree("a"));
    const gatewaysP = [...matching.labelP.values()].filter((label) => label.startsWith("gateway:"));
    const gatewaysA = [...matching.labelA.values()].filter((label) => label.startsWith("gateway:"));
    expect(gatewaysP.sort()).toEqual(gatewaysA.sort());
    expect(gatewaysP).toHaveLength(2);
  });
});

describe("comparing an answered tree with the prediction", () => {
  const cases: Array<[string, (t: Json) => void, Json, DifferenceKind[]]> = [
    ["finds nothing in the same tree with other ids", () => {}, {}, []],
    [
      "names a dropped activity",
      (t) => {
        const acts = t.activities as Record<string, Json>;
        for (const [id, act] of Object.entries(acts)) if (act.name === "a") delete acts[id];
      },
      {},
      ["nodes", "wiring"],
    ],
    [
      "names a wrong converge_gateway_id",
      (t) => {
        for (const g of Object.values(t.gateways as Record<string, Json>))
          if (g.type === "ParallelGateway") g.converge_gateway_id = g.id;
      },
      {},
      ["wiring"],
    ],
    ["names a sent value that was not applied", () => {}, { "${k}": "sent" }, ["constants-applied"]],
    [
      "names a constant kept that should be pruned",
      (t) => {
        (t.constants as Json)["${stale}"] = {
          key: "${stale}",
          name: "s",
          index: 1,
          source_type: "custom",
          value: "",
        };
      },
      {},
      ["constants-pruned"],
    ],
    [
      "names an unknown key added to the task",
      (t) => {
        (t.constants as Json)["${typo}"] = {
          key: "${typo}",
          name: "t",
          index: 1,
          source_type: "custom",
          value: 1,
        };
      },
      { "${typo}": 1 },
      ["constants-ignored"],
    ],
    [
      "names another value of a node",
      (t) => {
        for (const act of Object.values(t.activities as Record<string, Json>))
          if (act.name === "b") act.error_ignorable = true;
      },
      {},
      ["values"],
    ],
  ];
  it.each(cases)("%s", (_name, edit, sent, want) => {
    const predicted = tree("p", (t) => {
      const constants = t.constants as Record<string, Json>;
      for (const [key, value] of Object.entries(sent))
        if (constants[key]) (constants[key] as Json).value = value;
    });
    expect(kinds(predicted, tree("a", edit), sent)).toEqual(want);
  });

  it("draws both trees' edges, marking those of one side only", () => {
    const answered = tree("a", (t) => {
      for (const g of Object.values(t.gateways as Record<string, Json>))
        if (g.type === "ParallelGateway") g.name = "x";
      const acts = t.activities as Record<string, Json>;
      for (const [id, act] of Object.entries(acts)) if (act.name === "a") delete acts[id];
    });
    const { picture } = compareTrees(tree("p"), answered);
    expect(picture).toMatch(/^- .*"a" \[ta\]/m);
    expect(picture).toMatch(/^\+ /m);
    expect(compareTrees(tree("p"), tree("a")).picture).toMatch(/^ {2}start → ParallelGateway#\d/m);
  });
});
