import { MissingKeyError } from "./errors.js";
import { isPlainObject } from "./python-values.js";
import type { FlowRef } from "./types.js";

/** A node of the tree with the ids of the nodes its flows come from and go to, in flow order. */
export interface TableNode {
  id: string;
  type: string;
  /** The node's own record (a gateway's `converge_gateway_id` is read from it). */
  node: Record<string, unknown>;
  sources: string[];
  targets: string[];
}

const asList = (ref: unknown): string[] =>
  Array.isArray(ref) ? (ref as string[]) : ref ? [ref as string] : [];

/**
 * Every node by id, events first, then activities, then gateways, each with its neighbours through
 * `flows` (bamboo `get_nodes_dict`). A flow id a node names that `flows` does not hold is the
 * KeyError bamboo raises there.
 */
export function nodeTable(tree: Record<string, unknown>): Map<string, TableNode> {
  const flows = tree.flows;
  if (!isPlainObject(flows)) throw new MissingKeyError("flows");
  const flow = (id: string): Record<string, unknown> => {
    const found = Object.hasOwn(flows, id) ? flows[id] : undefined;
    if (!isPlainObject(found)) throw new MissingKeyError(id);
    return found;
  };
  const table = new Map<string, TableNode>();
  const add = (key: string, node: Record<string, unknown>) => {
    table.set(key, {
      id: key,
      type: String(node.type),
      node,
      sources: asList(node.incoming as FlowRef).map((id) => String(flow(id).source)),
      targets: asList(node.outgoing as FlowRef).map((id) => String(flow(id).target)),
    });
  };
  const start = tree.start_event as Record<string, unknown>;
  const end = tree.end_event as Record<string, unknown>;
  add(String(start.id), start);
  add(String(end.id), end);
  for (const [key, node] of Object.entries(tree.activities as Record<string, Record<string, unknown>>)) {
    add(key, node);
  }
  for (const [key, node] of Object.entries(tree.gateways as Record<string, Record<string, unknown>>)) {
    add(key, node);
  }
  return table;
}
