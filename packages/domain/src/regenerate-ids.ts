import { randomFillSync } from "node:crypto";
import { MissingKeyError } from "./errors.js";
import { own } from "./graph.js";
import { isPlainObject } from "./python-values.js";
import type { Activity, Constant, DefaultCondition, Flow, Gateway, PipelineTree } from "./types.js";
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
  if (poolNext === POOL_IDS) refillPool();
  const offset = 32 * poolNext;
  poolNext += 1;
  return (kind === "node" ? "n" : "l") + poolHex.slice(offset + 1, offset + 32);
};

// Random bytes are drawn 4 KiB at a time and turned into hex at once: one call into the CSPRNG
// and one hex encoding per 256 ids instead of per id (a tree of n nodes needs about 2n ids, and
// randomBytes(16).toString("hex") per id was a hot spot of create_task).
const POOL_IDS = 256;
const pool = Buffer.alloc(16 * POOL_IDS);
let poolHex = "";
let poolNext = POOL_IDS;

function refillPool(): void {
  randomFillSync(pool);
  for (let i = 0; i < POOL_IDS; i += 1) {
    pool[16 * i + 6] = ((pool[16 * i + 6] ?? 0) & 0x0f) | 0x30;
    pool[16 * i + 8] = ((pool[16 * i + 8] ?? 0) & 0x3f) | 0x80;
  }
  poolHex = pool.toString("hex");
  poolNext = 0;
}

/**
 * An empty plain object in V8's dictionary mode. Records keyed by fresh random ids are built
 * here: on a `{}` literal every new key creates a new hidden class (about 0.5 µs a key, most of
 * the cost of regenerating ids), in dictionary mode it is a hash insert.
 */
function dictionary<T>(): Record<string, T> {
  const record: Record<string, T | undefined> = { a: undefined, b: undefined };
  delete record.a;
  delete record.b;
  return record as Record<string, T>;
}

function remapRecord<T>(record: Record<string, T>, ids: Map<string, string>): Record<string, T> {
  const result = dictionary<T>();
  for (const [key, value] of Object.entries(record)) result[ids.get(key) ?? key] = value;
  return result;
}

/**
 * Give every node and flow a new id, in place, and rewrite every reference to them (bamboo
 * `replace_all_id`): nodes, flows, incoming/outgoing, line and location, constants' `source_info`
 * keys, branch conditions and `default_condition.flow_id`, `converge_gateway_id`. The tree gets a
 * new node-style `id`, and each activity records its old id in `template_node_id`. An unfolded
 * subprocess's tree (`pipeline`) gets new ids the same way, and its `id` is the subprocess node's
 * new id (bamboo `TemplateManager.replace_id`). A flow leaving an exclusive or conditional-parallel
 * gateway must have a condition or be the default branch, as bamboo requires while renaming it.
 */
export function regenerateIdsInPlace(
  tree: PipelineTree,
  newId: IdGenerator = randomId,
  pipelineId: string = newId("node"),
): void {
  tree.id = pipelineId;
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
      const hasCondition = Object.hasOwn(source.conditions, id);
      if (hasCondition) {
        const condition = source.conditions[id];
        delete source.conditions[id];
        source.conditions[f.id] = condition as NonNullable<typeof condition>;
      }
      const isDefault = isPlainObject(source.default_condition) && source.default_condition.flow_id === id;
      if (isDefault) (source.default_condition as DefaultCondition).flow_id = f.id;
      if (!hasCondition && !isDefault) {
        throw new ReplaceIdError(
          `replace exclusive_gateway_conditions error: flow ${id} not exists in conditions or default_condition`,
        );
      }
    }
  }
  for (const f of Object.values(tree.flows)) {
    f.source = node(f.source);
    f.target = node(f.target);
  }
  tree.activities = remapRecord(tree.activities, nodes);
  tree.gateways = remapRecord(tree.gateways, nodes);
  tree.flows = remapRecord(tree.flows, flowIds);

  // The canvas is renamed only when present; an entry naming no flow or node is bamboo's KeyError.
  const known = (map: Map<string, string>, id: string): string => {
    const renamed = map.get(id);
    if (renamed === undefined) throw new MissingKeyError(id);
    return renamed;
  };
  if (Array.isArray(tree.line)) {
    for (const line of tree.line) {
      line.id = known(flowIds, line.id);
      line.source.id = known(nodes, line.source.id);
      line.target.id = known(nodes, line.target.id);
    }
  }
  if (Array.isArray(tree.location))
    for (const location of tree.location) location.id = known(nodes, location.id);
  for (const constant of Object.values(tree.constants) as Constant[]) remapSourceInfo(constant, nodes);
  for (const [id, act] of Object.entries(tree.activities)) {
    if (act.type === "SubProcess" && isPlainObject(act.pipeline)) {
      regenerateIdsInPlace(act.pipeline as PipelineTree, newId, id);
    }
  }
}

function remapSourceInfo(constant: Constant, nodes: Map<string, string>): void {
  if (!isPlainObject(constant.source_info) || Object.keys(constant.source_info).length === 0) return;
  const remapped = dictionary<string[]>();
  for (const [id, inputs] of Object.entries(constant.source_info)) {
    const newId = nodes.get(id);
    if (newId === undefined) throw new ReplaceIdError(`replace pipeline template id error: '${id}'`);
    remapped[newId] = inputs;
  }
  constant.source_info = remapped;
}
