import { diffValues, isObject } from "../checks/diff.js";
import type { Difference, DifferenceKind } from "../types.js";
import { edgesOf, flowLabel, labelIn, type Matching, matchTrees } from "./match.js";

type Json = Record<string, unknown>;

/** How an answered tree differs from the predicted one, difference by difference, plus a picture of both. */
export interface TreeComparison {
  matching: Matching;
  differences: Difference[];
  /** The two trees' edges side by side: ` ` both, `-` predicted only, `+` answered only. */
  picture: string;
}

/** Fields compared structurally (ids, wiring) rather than value by value. */
const STRUCTURAL = new Set([
  "id",
  "incoming",
  "outgoing",
  "template_node_id",
  "converge_gateway_id",
  "conditions",
  "default_condition",
]);
const TREE_PARTS = new Set([
  "id",
  "start_event",
  "end_event",
  "activities",
  "gateways",
  "flows",
  "constants",
  "outputs",
  "line",
  "location",
]);

const objectAt = (tree: Json, key: string): Json => (isObject(tree[key]) ? (tree[key] as Json) : {});

/**
 * Compares an answered tree with the predicted one: which activities were kept (`nodes`), how
 * nodes are wired and gateways converge (`wiring`), the constants sent (`constants-applied`),
 * unknown keys (`constants-ignored`), which constants remain and how (`constants-pruned`), and
 * every other value (`values`). Ids are compared through `matchTrees`, never by value.
 */
export function compareTrees(predicted: Json, answered: Json, sent: Json = {}): TreeComparison {
  const matching = matchTrees(predicted, answered);
  const { labelP, labelA, names } = matching;
  const out: Difference[] = [];
  const push = (kind: DifferenceKind, path: string, note: string, extra: Partial<Difference> = {}) =>
    out.push({ ...extra, kind, path, note });
  const show = (label: string) => names.get(label) ?? label;

  // Nodes: the activities each tree has, by template node id.
  const activities = (labels: Map<string, string>, graph: Matching["predicted"]) =>
    new Set([...graph.kinds].filter(([, kind]) => kind === "activity").map(([id]) => labelIn(labels, id)));
  const [actP, actA] = [activities(labelP, matching.predicted), activities(labelA, matching.answered)];
  for (const label of actP)
    if (!actA.has(label))
      push("nodes", `activities[${show(label)}]`, "predicted in the task, missing from the answer (dropped)");
  for (const label of actA)
    if (!actP.has(label) && !label.includes("#"))
      push("nodes", `activities[${show(label)}]`, "in the answer, but the prediction excludes it (kept)");
  for (const template of matching.duplicates)
    push("ids", "activities", `template node ${template} appears more than once in the answer`);

  // Wiring: edges between labelled nodes, then each divergent gateway's converge and conditions.
  const [edgesP, edgesA] = [edgesOf(matching.predicted, labelP), edgesOf(matching.answered, labelA)];
  for (const edge of new Set([...edgesP.keys(), ...edgesA.keys()])) {
    const [p, a] = [edgesP.get(edge) ?? 0, edgesA.get(edge) ?? 0];
    if (p !== a)
      push("wiring", `flows[${readableEdge(edge, show)}]`, `predicted ${p} flow(s), answered ${a}`);
  }
  const byLabelA = new Map([...labelA].map(([id, label]) => [label, id]));
  for (const [idP, label] of labelP) {
    const idA = byLabelA.get(label);
    const [nodeP, nodeA] = [
      matching.predicted.nodes.get(idP) as Json,
      idA && matching.answered.nodes.get(idA),
    ];
    if (!isObject(nodeA)) continue;
    const where = `${kindPath(matching.predicted.kinds.get(idP))}[${show(label)}]`;
    if ("converge_gateway_id" in nodeP || "converge_gateway_id" in nodeA) {
      const [want, got] = [
        labelIn(labelP, nodeP.converge_gateway_id),
        labelIn(labelA, nodeA.converge_gateway_id),
      ];
      if (want !== got)
        push("wiring", `${where}.converge_gateway_id`, "not the gateway where its branches converge", {
          expected: show(want),
          actual: show(got),
        });
    }
    compareConditions(matching, nodeP, nodeA, where, push);
    if (isObject(nodeP.pipeline) && isObject(nodeA.pipeline)) {
      // An unfolded subprocess: its tree, compared the same way (its ids are fresh too).
      const inner = compareTrees(nodeP.pipeline, nodeA.pipeline);
      for (const d of inner.differences) out.push({ ...d, path: `${where}.pipeline.${d.path}` });
      // The child's pipeline template id and current version: the deployment's own, which the
      // read API does not show; text all the same.
      for (const key of UNFOLD_INTERNAL)
        if (typeof nodeA[key] !== "string")
          push("values", `${where}.${key}`, "must be text (the child template's own)", {
            actual: nodeA[key],
          });
    } else if (isObject(nodeP.pipeline))
      push(
        "values",
        `${where}.pipeline`,
        "the subprocess was not unfolded (the child template's tree missing)",
        {
          actual: nodeA.pipeline,
        },
      );
    const values = diffValues(strip(nodeP), strip(nodeA), where, []);
    for (const d of values) out.push({ ...d, kind: "values" });
  }
  compareConstants(matching, predicted, answered, sent, push, show);
  const outputs = diffValues(predicted.outputs, answered.outputs, "outputs", []);
  for (const d of outputs) out.push({ ...d, kind: "constants-pruned" });
  const restP = Object.fromEntries(Object.entries(predicted).filter(([key]) => !TREE_PARTS.has(key)));
  const restA = Object.fromEntries(Object.entries(answered).filter(([key]) => !TREE_PARTS.has(key)));
  for (const d of diffValues(restP, restA, "", [])) out.push({ ...d, kind: "values" });
  return { matching, differences: out, picture: picture(matching, edgesP, edgesA, show) };
}

const kindPath = (kind: string | undefined) =>
  kind === "activity" ? "activities" : kind === "gateway" ? "gateways" : (kind ?? "node");

const readableEdge = (edge: string, show: (label: string) => string) =>
  edge
    .split(" → ")
    .map((label) => show(label))
    .join(" → ");

/** What unfolding records that only the deployment knows: its pipeline template id and version. */
const UNFOLD_INTERNAL = ["template_id", "original_template_version"];

function strip(node: Json): Json {
  const unfolded = isObject(node.pipeline);
  return Object.fromEntries(
    Object.entries(node).filter(
      ([key]) => !STRUCTURAL.has(key) && !(unfolded && (key === "pipeline" || UNFOLD_INTERNAL.includes(key))),
    ),
  );
}

type Push = (kind: DifferenceKind, path: string, note: string, extra?: Partial<Difference>) => void;

function compareConditions(matching: Matching, nodeP: Json, nodeA: Json, where: string, push: Push): void {
  const keyed = (graph: Matching["predicted"], labels: Map<string, string>, node: Json) =>
    Object.fromEntries(
      Object.entries(isObject(node.conditions) ? node.conditions : {}).map(([flow, condition]) => [
        flowLabel(graph, labels, flow),
        condition,
      ]),
    );
  if ("conditions" in nodeP || "conditions" in nodeA) {
    const [want, got] = [
      keyed(matching.predicted, matching.labelP, nodeP),
      keyed(matching.answered, matching.labelA, nodeA),
    ];
    for (const d of diffValues(want, got, `${where}.conditions`, [])) push("wiring", d.path, d.note, d);
  }
  const defaultOf = (graph: Matching["predicted"], labels: Map<string, string>, node: Json) =>
    isObject(node.default_condition)
      ? { ...node.default_condition, flow_id: flowLabel(graph, labels, node.default_condition.flow_id) }
      : node.default_condition;
  const [want, got] = [
    defaultOf(matching.predicted, matching.labelP, nodeP),
    defaultOf(matching.answered, matching.labelA, nodeA),
  ];
  for (const d of diffValues(want, got, `${where}.default_condition`, [])) push("wiring", d.path, d.note, d);
}

function compareConstants(
  matching: Matching,
  predicted: Json,
  answered: Json,
  sent: Json,
  push: Push,
  show: (label: string) => string,
): void {
  const [want, got] = [objectAt(predicted, "constants"), objectAt(answered, "constants")];
  for (const key of Object.keys(want)) {
    if (!(key in got))
      push(
        "constants-pruned",
        `constants["${key}"]`,
        "predicted kept (a remaining node uses it), missing from the answer",
      );
  }
  for (const [key, value] of Object.entries(got)) {
    if (key in want) continue;
    if (key in sent)
      push(
        "constants-ignored",
        `constants["${key}"]`,
        "sent, but unknown to the template or used by no remaining node: must be ignored",
        {
          actual: value,
        },
      );
    else
      push("constants-pruned", `constants["${key}"]`, "no remaining node uses it: must be pruned", {
        actual: value,
      });
  }
  for (const [key, constantP] of Object.entries(want)) {
    const constantA = got[key];
    if (!isObject(constantP) || !isObject(constantA)) continue;
    const path = `constants["${key}"]`;
    if (constantP.index !== constantA.index)
      push("constants-pruned", `${path}.index`, "indexes are renumbered 0..n-1 after pruning", {
        expected: constantP.index,
        actual: constantA.index,
      });
    const sources = (labels: Map<string, string>, constant: Json) =>
      Object.fromEntries(
        Object.entries(isObject(constant.source_info) ? constant.source_info : {}).map(([id, inputs]) => [
          show(labelIn(labels, id)),
          inputs,
        ]),
      );
    for (const d of diffValues(
      sources(matching.labelP, constantP),
      sources(matching.labelA, constantA),
      `${path}.source_info`,
      [],
    ))
      push("constants-pruned", d.path, `${d.note} (entries of excluded nodes are removed)`, d);
    const valueKind: DifferenceKind = key in sent ? "constants-applied" : "values";
    for (const d of diffValues(constantP.value, constantA.value, `${path}.value`, []))
      push(
        valueKind,
        d.path,
        key in sent ? `${d.note}: the sent value must replace the template's` : d.note,
        d,
      );
    const rest = (constant: Json) =>
      Object.fromEntries(
        Object.entries(constant).filter(([field]) => !["index", "source_info", "value"].includes(field)),
      );
    for (const d of diffValues(rest(constantP), rest(constantA), path, [])) push("values", d.path, d.note, d);
  }
}

/** The two trees' edges, one per line: ` ` in both, `-` predicted only, `+` answered only. */
function picture(
  matching: Matching,
  edgesP: Map<string, number>,
  edgesA: Map<string, number>,
  show: (label: string) => string,
): string {
  const lines: string[] = ["predicted (from the template) vs answered; - predicted only, + answered only"];
  const order = [...new Set([...edgesP.keys(), ...edgesA.keys()])].sort();
  for (const edge of order) {
    const [p, a] = [edgesP.get(edge) ?? 0, edgesA.get(edge) ?? 0];
    const text = readableEdge(edge, show);
    for (let i = 0; i < Math.min(p, a); i += 1) lines.push(`  ${text}`);
    for (let i = a; i < p; i += 1) lines.push(`- ${text}`);
    for (let i = p; i < a; i += 1) lines.push(`+ ${text}`);
  }
  const orphans = (graph: Matching["predicted"], labels: Map<string, string>, mark: string) =>
    [...graph.nodes.keys()]
      .filter((id) => !(graph.sources.get(id)?.length || graph.targets.get(id)?.length))
      .map((id) => `${mark} ${show(labelIn(labels, id))} (no flow)`);
  lines.push(
    ...orphans(matching.predicted, matching.labelP, "-"),
    ...orphans(matching.answered, matching.labelA, "+"),
  );
  return lines.join("\n");
}
