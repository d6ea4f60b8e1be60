import { randomBytes } from "node:crypto";
import { own } from "./graph.js";
import { isPlainObject } from "./python-values.js";
import type { Activity, Constant, Flow, Gateway, PipelineTree } from "./types.js";
import { isDivergent } from "./types.js";

/** Makes fresh ids: `kind` "node" → "n" + 31 hex, "flow" → "l" + 31 hex. */
export type IdGenerator = (kind: "node" | "flow") => string;

/** Thrown when a constant's `source_info` names a node the tree does not have (bamboo NodeNotExistException). */
export class ReplaceIdError extends Error {
  override name = "ReplaceIdError";
}

/**
 * The default id generator. bamboo uses a uuid3 hex with its first character replaced by the kind
 * letter, so the version nibble "3" and the variant bits are kept to give ids the same shape.
 */
export const randomId: IdGenerator = (kind) => {
  const bytes = randomBytes(16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x30;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  return (kind === "node" ? "n" : "l") + bytes.toString("hex").slice(1);
};

function remapRecord<T>(record: Record<string, T>, ids: Map<string, string>): Record<string, T> {
  const result: Record<string, T> = {};
  for (const [key, value] of Object.entries(record)) result[ids.get(key) ?? key] = value;
  return result;
}

/**
 * Give every node and flow a new id, in place, and rewrite every reference to them (bamboo
 * `replace_all_id`): nodes, flows, incoming/outgoing, line and location, constants' `source_info`
 * keys, branch conditions and `default_condition.flow_id`, `converge_gateway_id`. The tree gets a
 * new node-style `id`, and each activity records its old id in `template_node_id`.
 */
export function regenerateIdsInPlace(tree: PipelineTree, newId: IdGenerator = randomId): void {
  tree.id = newId("node");
  const nodes = new Map<string, string>();
  const flowIds = new Map<string, string>();
  nodes.set(tree.start_event.id, newId("node"));
  nodes.set(tree.end_event.id, newId("node"));
  for (const id of Object.keys(tree.activities)) nodes.set(id, newId("node"));
  for (const id of Object.keys(tree.gateways)) nodes.set(id, newId("node"));
  for (const id of Object.keys(tree.flows)) flowIds.set(id, newId("flow"));
  const node = (id: string): string => nodes.get(id) ?? id;
  const flow = (id: string): string => flowIds.get(id) ?? id;
  const flowRef = <T extends string | string[]>(ref: T): T =>
    (Array.isArray(ref) ? ref.map(flow) : ref ? flow(ref) : ref) as T;

  for (const event of [tree.start_event, tree.end_event]) {
    event.id = node(event.id);
    event.incoming = flowRef(event.incoming);
    event.outgoing = flowRef(event.outgoing);
  }
  for (const [id, act] of Object.entries(tree.activities) as Array<[string, Activity]>) {
    act.template_node_id = act.template_node_id || id;
    act.id = node(id);
    act.incoming = flowRef(act.incoming);
    act.outgoing = flow(act.outgoing);
  }
  for (const [id, gateway] of Object.entries(tree.gateways) as Array<[string, Gateway]>) {
    gateway.id = node(id);
    gateway.incoming = flowRef(gateway.incoming);
    if (!isDivergent(gateway)) {
      gateway.outgoing = flow(gateway.outgoing);
      continue;
    }
    gateway.outgoing = gateway.outgoing.map(flow);
    if (gateway.converge_gateway_id !== undefined)
      gateway.converge_gateway_id = node(gateway.converge_gateway_id);
  }
  for (const [id, f] of Object.entries(tree.flows) as Array<[string, Flow]>) {
    f.id = flow(id);
    const source = own(tree.gateways, f.source);
    // bamboo moves each condition to the end of the dict as it renames that flow, so conditions end
    // up in flow order.
    if (source && (source.type === "ExclusiveGateway" || source.type === "ConditionalParallelGateway")) {
      if (Object.hasOwn(source.conditions, id)) {
        const condition = source.conditions[id];
        delete source.conditions[id];
        source.conditions[f.id] = condition as NonNullable<typeof condition>;
      }
      if (source.default_condition?.flow_id === id) source.default_condition.flow_id = f.id;
    }
  }
  for (const f of Object.values(tree.flows)) {
    f.source = node(f.source);
    f.target = node(f.target);
  }
  tree.activities = remapRecord(tree.activities, nodes);
  tree.gateways = remapRecord(tree.gateways, nodes);
  tree.flows = remapRecord(tree.flows, flowIds);

  for (const line of tree.line) {
    line.id = flow(line.id);
    line.source.id = node(line.source.id);
    line.target.id = node(line.target.id);
  }
  for (const location of tree.location) location.id = node(location.id);
  for (const constant of Object.values(tree.constants) as Constant[]) remapSourceInfo(constant, nodes);
}

function remapSourceInfo(constant: Constant, nodes: Map<string, string>): void {
  if (!isPlainObject(constant.source_info) || Object.keys(constant.source_info).length === 0) return;
  const remapped: Record<string, string[]> = {};
  for (const [id, inputs] of Object.entries(constant.source_info)) {
    const newId = nodes.get(id);
    if (newId === undefined) throw new ReplaceIdError(`replace pipeline template id error: '${id}'`);
    remapped[newId] = inputs;
  }
  constant.source_info = remapped;
}
