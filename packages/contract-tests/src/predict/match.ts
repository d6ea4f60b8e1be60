import { isObject } from "../checks/diff.js";
import { idList } from "../checks/tree.js";

type Json = Record<string, unknown>;

/** A tree's top-level graph, read from its `flows` (what the engine follows). */
export interface TreeGraph {
  nodes: Map<string, Json>;
  kinds: Map<string, "start" | "end" | "activity" | "gateway">;
  flows: Map<string, Json>;
  sources: Map<string, string[]>;
  targets: Map<string, string[]>;
}

const objectAt = (tree: Json, key: string): Json => (isObject(tree[key]) ? (tree[key] as Json) : {});

export function graphOf(tree: Json): TreeGraph {
  const graph: TreeGraph = {
    nodes: new Map(),
    kinds: new Map(),
    flows: new Map(),
    sources: new Map(),
    targets: new Map(),
  };
  const add = (id: string, node: Json, kind: "start" | "end" | "activity" | "gateway") => {
    graph.nodes.set(id, node);
    graph.kinds.set(id, kind);
  };
  if (isObject(tree.start_event)) add(String(tree.start_event.id), tree.start_event, "start");
  if (isObject(tree.end_event)) add(String(tree.end_event.id), tree.end_event, "end");
  for (const [id, node] of Object.entries(objectAt(tree, "activities")))
    if (isObject(node)) add(id, node, "activity");
  for (const [id, node] of Object.entries(objectAt(tree, "gateways")))
    if (isObject(node)) add(id, node, "gateway");
  for (const [id, flow] of Object.entries(objectAt(tree, "flows"))) {
    if (!isObject(flow)) continue;
    graph.flows.set(id, flow);
    const [source, target] = [String(flow.source), String(flow.target)];
    graph.targets.set(source, [...(graph.targets.get(source) ?? []), target]);
    graph.sources.set(target, [...(graph.sources.get(target) ?? []), source]);
  }
  return graph;
}

/** Both trees' nodes named by role, so that trees with different ids can be compared. */
export interface Matching {
  predicted: TreeGraph;
  answered: TreeGraph;
  /** Node id → label, in each tree. Matched nodes share their label. */
  labelP: Map<string, string>;
  labelA: Map<string, string>;
  /** Label → a readable name (`"deploy release"`, `ParallelGateway#1`, `start`). */
  names: Map<string, string>;
  /** Template node ids answered more than once. */
  duplicates: string[];
}

/** Nodes in breadth-first order from the start event (the order gateways are numbered in). */
function bfsOrder(graph: TreeGraph): string[] {
  const start = [...graph.kinds].find(([, kind]) => kind === "start")?.[0];
  const order: string[] = [];
  const seen = new Set<string>();
  const queue = start ? [start] : [];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (seen.has(id)) continue;
    seen.add(id);
    order.push(id);
    queue.push(...(graph.targets.get(id) ?? []));
  }
  return [...order, ...[...graph.nodes.keys()].filter((id) => !seen.has(id))];
}

/**
 * Names the nodes of a predicted and an answered tree: events by role, activities by their
 * `template_node_id`, gateways by type and position, refined until no more gateway can be placed
 * (a gateway is placed when its type and labelled neighbours single it out).
 */
export function matchTrees(predicted: Json, answered: Json): Matching {
  const [P, A] = [graphOf(predicted), graphOf(answered)];
  const matching: Matching = {
    predicted: P,
    answered: A,
    labelP: new Map(),
    labelA: new Map(),
    names: new Map(),
    duplicates: [],
  };
  const anchor = (graph: TreeGraph, labels: Map<string, string>, duplicates?: string[]) => {
    const used = new Set<string>();
    for (const [id, kind] of graph.kinds) {
      const node = graph.nodes.get(id) as Json;
      if (kind === "start" || kind === "end") labels.set(id, kind);
      if (kind !== "activity") continue;
      const template = typeof node.template_node_id === "string" ? node.template_node_id : id;
      let label = `activity:${template}`;
      if (used.has(label)) {
        duplicates?.push(template);
        label = `${label}#${id}`;
      }
      used.add(label);
      labels.set(id, label);
      matching.names.set(label, `"${String(node.name ?? "")}" [${template}]`);
    }
  };
  anchor(P, matching.labelP);
  anchor(A, matching.labelA, matching.duplicates);
  matching.names.set("start", "start");
  matching.names.set("end", "end");
  const orderP = bfsOrder(P).filter((id) => P.kinds.get(id) === "gateway");
  const orderA = bfsOrder(A).filter((id) => A.kinds.get(id) === "gateway");
  let counter = 0;
  for (let progress = true; progress; ) {
    progress = false;
    for (const strict of [true, false]) {
      const signatures = (graph: TreeGraph, labels: Map<string, string>, order: string[]) => {
        const bySignature = new Map<string, string[]>();
        for (const id of order) {
          if (labels.has(id)) continue;
          const around = (ids: string[] | undefined) =>
            (ids ?? [])
              .map((n) => labels.get(n) ?? "?")
              .sort()
              .join(",");
          const signature = `${String(graph.nodes.get(id)?.type)}|in:${around(graph.sources.get(id))}|out:${around(graph.targets.get(id))}`;
          if (strict && signature.includes("?")) continue;
          bySignature.set(signature, [...(bySignature.get(signature) ?? []), id]);
        }
        return bySignature;
      };
      const [sigP, sigA] = [signatures(P, matching.labelP, orderP), signatures(A, matching.labelA, orderA)];
      for (const [signature, idsP] of sigP) {
        const idsA = sigA.get(signature) ?? [];
        for (let i = 0; i < Math.min(idsP.length, idsA.length); i += 1) {
          counter += 1;
          const label = `gateway:${String(P.nodes.get(idsP[i] as string)?.type)}#${counter}`;
          matching.labelP.set(idsP[i] as string, label);
          matching.labelA.set(idsA[i] as string, label);
          matching.names.set(label, label.slice("gateway:".length));
          progress = true;
        }
      }
      if (progress) break;
    }
  }
  // Nodes left unplaced keep a label of their own tree, so they show up as extra or missing.
  for (const [labels, graph, side] of [
    [matching.labelP, P, "predicted"],
    [matching.labelA, A, "answered"],
  ] as const) {
    for (const id of graph.nodes.keys()) {
      if (labels.has(id)) continue;
      const label = `${side}:${String(graph.nodes.get(id)?.type)}:${id}`;
      labels.set(id, label);
      matching.names.set(label, `${String(graph.nodes.get(id)?.type)} ${id} (${side} only)`);
    }
  }
  return matching;
}

/** The label of a node id in the given tree (unknown ids show as themselves). */
export const labelIn = (labels: Map<string, string>, id: unknown): string =>
  labels.get(String(id)) ?? `?${String(id)}`;

/** Every flow of a graph as `source label → target label`, with a count per edge. */
export function edgesOf(graph: TreeGraph, labels: Map<string, string>): Map<string, number> {
  const edges = new Map<string, number>();
  for (const flow of graph.flows.values()) {
    const edge = `${labelIn(labels, flow.source)} → ${labelIn(labels, flow.target)}`;
    edges.set(edge, (edges.get(edge) ?? 0) + 1);
  }
  return edges;
}

/** A flow id's edge label (`source → target`), for keys of conditions. */
export function flowLabel(graph: TreeGraph, labels: Map<string, string>, flowId: unknown): string {
  const flow = graph.flows.get(String(flowId));
  return flow
    ? `${labelIn(labels, flow.source)} → ${labelIn(labels, flow.target)}`
    : `?flow ${String(flowId)}`;
}

/** `incoming` as a sorted list of edge labels (strings and lists alike). */
export const incomingEdges = (graph: TreeGraph, labels: Map<string, string>, value: unknown): string[] =>
  idList(value)
    .map((id) => flowLabel(graph, labels, id))
    .sort();
