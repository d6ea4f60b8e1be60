import { isObject } from "./diff.js";

type Json = Record<string, unknown>;

/** bk-sops' generated ids: `n`/`l` + 31 hex (uuid hex with the first character replaced). */
export const NODE_ID = /^n[0-9a-f]{31}$/;
export const FLOW_ID = /^l[0-9a-f]{31}$/;

const objectAt = (tree: Json, key: string): Json => (isObject(tree[key]) ? (tree[key] as Json) : {});

/** Every node of the top level (events, activities, gateways) by id. */
export function nodesOf(tree: Json): Map<string, Json> {
  const nodes = new Map<string, Json>();
  for (const key of ["start_event", "end_event"]) {
    const node = tree[key];
    if (isObject(node)) nodes.set(String(node.id), node);
  }
  for (const key of ["activities", "gateways"]) {
    for (const [id, node] of Object.entries(objectAt(tree, key))) if (isObject(node)) nodes.set(id, node);
  }
  return nodes;
}

/** The flows of the top level by id. */
export function flowsOf(tree: Json): Map<string, Json> {
  return new Map(Object.entries(objectAt(tree, "flows")).filter((e): e is [string, Json] => isObject(e[1])));
}

/** `incoming`/`outgoing` as a list of flow ids (`""` means none). */
export function idList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === "string" && value !== "" ? [value] : [];
}

/** Why the tree is not a well-formed graph (empty when it is): docs/bk-sops-behaviour.md §5.2, §8. */
export function graphProblems(tree: Json): string[] {
  const problems: string[] = [];
  const nodes = nodesOf(tree);
  const flows = flowsOf(tree);
  for (const key of ["activities", "gateways"]) {
    for (const [id, node] of Object.entries(objectAt(tree, key))) {
      if (isObject(node) && node.id !== id)
        problems.push(`${key} key ${id} holds a node whose id is ${String(node.id)}`);
    }
  }
  for (const [id, flow] of flows) {
    if (flow.id !== id) problems.push(`flows key ${id} holds a flow whose id is ${String(flow.id)}`);
    const source = nodes.get(String(flow.source));
    const target = nodes.get(String(flow.target));
    if (!source) problems.push(`flow ${id} leaves ${String(flow.source)}, which is not a node`);
    else if (!idList(source.outgoing).includes(id))
      problems.push(`flow ${id} is not in the outgoing of its source ${String(flow.source)}`);
    if (!target) problems.push(`flow ${id} enters ${String(flow.target)}, which is not a node`);
    else if (!idList(target.incoming).includes(id))
      problems.push(`flow ${id} is not in the incoming of its target ${String(flow.target)}`);
  }
  for (const [id, node] of nodes) {
    for (const flowId of idList(node.outgoing)) {
      if (flows.get(flowId)?.source !== id)
        problems.push(`node ${id} lists outgoing ${flowId}, which does not leave it`);
    }
    for (const flowId of idList(node.incoming)) {
      if (flows.get(flowId)?.target !== id)
        problems.push(`node ${id} lists incoming ${flowId}, which does not enter it`);
    }
  }
  problems.push(...reachProblems(tree, nodes, flows), ...canvasProblems(tree, nodes, flows));
  return problems;
}

function reachProblems(tree: Json, nodes: Map<string, Json>, flows: Map<string, Json>): string[] {
  const start = isObject(tree.start_event) ? String(tree.start_event.id) : undefined;
  const end = isObject(tree.end_event) ? String(tree.end_event.id) : undefined;
  if (!start || !end) return ["the tree has no start_event or no end_event"];
  const seen = new Set([start]);
  const queue = [start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const flowId of idList(nodes.get(id)?.outgoing)) {
      const next = String(flows.get(flowId)?.target);
      if (nodes.has(next) && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  const problems = seen.has(end) ? [] : ["the end_event cannot be reached from the start_event"];
  const unreached = [...nodes.keys()].filter((id) => !seen.has(id));
  if (unreached.length > 0) problems.push(`nodes not reachable from the start: ${unreached.join(", ")}`);
  return problems;
}

// `line` draws the flows and `location` places the nodes: one each, with matching ends.
function canvasProblems(tree: Json, nodes: Map<string, Json>, flows: Map<string, Json>): string[] {
  const problems: string[] = [];
  if (Array.isArray(tree.line)) {
    const lines = tree.line.filter(isObject);
    const ids = new Set(lines.map((line) => String(line.id)));
    for (const id of flows.keys()) if (!ids.has(id)) problems.push(`flow ${id} has no line`);
    for (const line of lines) {
      const flow = flows.get(String(line.id));
      const ends = [
        isObject(line.source) ? line.source.id : undefined,
        isObject(line.target) ? line.target.id : undefined,
      ];
      if (!flow) problems.push(`line ${String(line.id)} draws no flow`);
      else if (ends[0] !== flow.source || ends[1] !== flow.target) {
        problems.push(
          `line ${String(line.id)} joins ${String(ends[0])} → ${String(ends[1])}, its flow ${String(flow.source)} → ${String(flow.target)}`,
        );
      }
    }
  }
  if (Array.isArray(tree.location)) {
    const placed = new Set(tree.location.filter(isObject).map((item) => String(item.id)));
    for (const id of nodes.keys()) if (!placed.has(id)) problems.push(`node ${id} has no location`);
    for (const id of placed) if (!nodes.has(id)) problems.push(`location ${id} places no node`);
  }
  return problems;
}

/** Generated ids not in bk-sops' format (node/flow keys and the tree's own id). */
export function idFormatProblems(tree: Json): string[] {
  const problems: string[] = [];
  for (const id of nodesOf(tree).keys())
    if (!NODE_ID.test(id)) problems.push(`node id ${id} is not "n" + 31 hex`);
  for (const id of flowsOf(tree).keys())
    if (!FLOW_ID.test(id)) problems.push(`flow id ${id} is not "l" + 31 hex`);
  if (typeof tree.id === "string" && !NODE_ID.test(tree.id))
    problems.push(`tree id ${tree.id} is not "n" + 31 hex`);
  return problems;
}

/** Every generated id of the top level: nodes, flows and the tree's own id. */
export function allIds(tree: Json): string[] {
  const ids = [...nodesOf(tree).keys(), ...flowsOf(tree).keys()];
  return typeof tree.id === "string" ? [...ids, tree.id] : ids;
}
