import { InvalidTreeError } from "./errors.js";
import { matchGateways } from "./gateway-match.js";
import { segmentNames, templateSegments } from "./mako-names.js";
import { normalizeIncomingInPlace } from "./normalize.js";
import { isPlainObject } from "./python-values.js";
import type { PipelineTree } from "./types.js";
import { flowList } from "./types.js";
import type { Problems } from "./validate-shape.js";
import { CONSTANT_KEY, checkActivity, checkConstant, checkGateway } from "./validate-shape.js";

const MAX_LISTED = 10;

function fail(problems: Problems): never {
  const listed = problems.slice(0, MAX_LISTED).join("; ");
  const more = problems.length > MAX_LISTED ? ` (and ${problems.length - MAX_LISTED} more)` : "";
  throw new InvalidTreeError(`invalid pipeline_tree: ${listed}${more}`);
}

function checkShape(tree: Record<string, unknown>, problems: Problems): void {
  for (const key of ["activities", "gateways", "flows", "constants"]) {
    if (!isPlainObject(tree[key])) problems.push(`${key} must be an object`);
  }
  for (const key of ["outputs", "line", "location"])
    if (!Array.isArray(tree[key])) problems.push(`${key} must be a list`);
  const start = tree.start_event;
  if (!isPlainObject(start) || start.type !== "EmptyStartEvent" || typeof start.id !== "string") {
    problems.push("start_event must be an EmptyStartEvent with an id");
  } else if (typeof start.outgoing !== "string" || start.outgoing === "") {
    problems.push("start_event: outgoing must be one flow id");
  } else if (flowList(start.incoming as string).length > 0)
    problems.push("start_event: incoming must be empty");
  const end = tree.end_event;
  if (!isPlainObject(end) || end.type !== "EmptyEndEvent" || typeof end.id !== "string") {
    problems.push("end_event must be an EmptyEndEvent with an id");
  } else if (flowList(end.outgoing as string).length > 0) problems.push("end_event: outgoing must be empty");
  if (problems.length > 0) return;
  const t = tree as PipelineTree;
  const activityIds = new Set(Object.keys(t.activities));
  for (const [key, act] of Object.entries(t.activities)) checkActivity(problems, key, act);
  for (const [key, gateway] of Object.entries(t.gateways)) checkGateway(problems, key, gateway);
  for (const [key, constant] of Object.entries(t.constants))
    checkConstant(problems, key, constant, activityIds);
  for (const key of t.outputs)
    if (typeof key !== "string" || !CONSTANT_KEY.test(key))
      problems.push(`outputs: invalid key ${String(key)}`);
  for (const [key, flow] of Object.entries(t.flows)) {
    if (
      !isPlainObject(flow) ||
      flow.id !== key ||
      typeof flow.source !== "string" ||
      typeof flow.target !== "string"
    ) {
      problems.push(`flow ${key}: must be {id: its key, source, target}`);
    }
  }
  const ids = [t.start_event.id, t.end_event.id, ...Object.keys(t.activities), ...Object.keys(t.gateways)];
  if (new Set(ids).size !== ids.length)
    problems.push("node ids must be unique across events, activities and gateways");
}

/** Every flow joins two existing nodes and is listed in their outgoing/incoming, and nothing else is. */
function checkWiring(tree: PipelineTree, problems: Problems): void {
  const nodes = [
    tree.start_event,
    tree.end_event,
    ...Object.values(tree.activities),
    ...Object.values(tree.gateways),
  ];
  const byId = new Map(nodes.map((node) => [node.id, node]));
  for (const flow of Object.values(tree.flows)) {
    const source = byId.get(flow.source);
    const target = byId.get(flow.target);
    if (!source) problems.push(`flow ${flow.id}: source ${flow.source} is not a node`);
    else if (!flowList(source.outgoing as string | string[]).includes(flow.id)) {
      problems.push(`flow ${flow.id}: not in the outgoing of its source ${flow.source}`);
    }
    if (!target) problems.push(`flow ${flow.id}: target ${flow.target} is not a node`);
    else if (!flowList(target.incoming as string | string[]).includes(flow.id)) {
      problems.push(`flow ${flow.id}: not in the incoming of its target ${flow.target}`);
    }
  }
  for (const node of nodes) {
    const outgoing = flowList(node.outgoing as string | string[]);
    const incoming = flowList(node.incoming as string | string[]);
    for (const id of outgoing) {
      if (!Object.hasOwn(tree.flows, id) || tree.flows[id]?.source !== node.id)
        problems.push(`node ${node.id}: outgoing ${id} is not a flow from it`);
    }
    for (const id of incoming) {
      if (!Object.hasOwn(tree.flows, id) || tree.flows[id]?.target !== node.id)
        problems.push(`node ${node.id}: incoming ${id} is not a flow into it`);
    }
    if (new Set(outgoing).size !== outgoing.length || new Set(incoming).size !== incoming.length) {
      problems.push(`node ${node.id}: lists a flow twice`);
    }
    if (node !== tree.start_event && incoming.length === 0)
      problems.push(`node ${node.id}: has no incoming flow`);
  }
}

/** Every node lies on a path from the start event to the end event. */
function checkReachability(tree: PipelineTree, problems: Problems): void {
  const walk = (from: string, forward: boolean): Set<string> => {
    const next = new Map<string, string[]>();
    for (const flow of Object.values(tree.flows)) {
      const [a, b] = forward ? [flow.source, flow.target] : [flow.target, flow.source];
      const list = next.get(a);
      if (list) list.push(b);
      else next.set(a, [b]);
    }
    const seen = new Set([from]);
    const queue = [from];
    for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
      for (const n of next.get(id) ?? []) {
        if (seen.has(n)) continue;
        seen.add(n);
        queue.push(n);
      }
    }
    return seen;
  };
  const fromStart = walk(tree.start_event.id, true);
  const toEnd = walk(tree.end_event.id, false);
  if (!fromStart.has(tree.end_event.id))
    return void problems.push("the end event cannot be reached from the start event");
  for (const id of [...Object.keys(tree.activities), ...Object.keys(tree.gateways)]) {
    if (!fromStart.has(id)) problems.push(`node ${id}: cannot be reached from the start event`);
    else if (!toEnd.has(id)) problems.push(`node ${id}: cannot reach the end event`);
  }
}

/** Lines draw flows and locations draw nodes, one each, so exclusion can always update the drawing. */
function checkDrawing(tree: PipelineTree, problems: Problems): void {
  const lines = new Set<string>();
  for (const line of tree.line as unknown[]) {
    if (!isPlainObject(line) || !isPlainObject(line.source) || !isPlainObject(line.target)) {
      problems.push("line: every entry must be {id, source: {id, arrow}, target: {id, arrow}}");
      continue;
    }
    const id = line.id as string;
    const flow = tree.flows[id];
    if (!Object.hasOwn(tree.flows, id) || !flow) problems.push(`line ${id}: is not a flow`);
    else if (line.source.id !== flow.source || line.target.id !== flow.target)
      problems.push(`line ${id}: ends differ from its flow's`);
    if (lines.has(id)) problems.push(`line ${id}: appears twice`);
    lines.add(id);
  }
  for (const id of Object.keys(tree.flows)) if (!lines.has(id)) problems.push(`flow ${id}: has no line`);
  const nodeIds = new Set([
    tree.start_event.id,
    tree.end_event.id,
    ...Object.keys(tree.activities),
    ...Object.keys(tree.gateways),
  ]);
  const located = new Set<string>();
  for (const location of tree.location as unknown[]) {
    const id = isPlainObject(location) ? (location.id as string) : undefined;
    if (!isPlainObject(location) || typeof location.x !== "number" || typeof location.y !== "number") {
      problems.push(`location ${String(id)}: must be {id, type, x, y}`);
    } else if (!nodeIds.has(id as string)) problems.push(`location ${id}: is not a node`);
    if (id !== undefined && located.has(id)) problems.push(`location ${id}: appears twice`);
    if (id !== undefined) located.add(id);
  }
  for (const id of nodeIds) if (!located.has(id)) problems.push(`node ${id}: has no location`);
}

/** No constant's value refers to itself, directly or through other constants. */
function checkConstantCycles(tree: PipelineTree, problems: Problems): void {
  const refs = new Map<string, string[]>();
  for (const [key, constant] of Object.entries(tree.constants)) {
    const found = new Set<string>();
    const scan = (v: unknown): void => {
      if (typeof v === "string")
        for (const s of templateSegments(v)) for (const n of segmentNames(s)) found.add(`\${${n}}`);
      else if (Array.isArray(v)) v.forEach(scan);
      else if (isPlainObject(v)) Object.values(v).forEach(scan);
    };
    scan(constant.value);
    refs.set(
      key,
      [...found].filter((k) => Object.hasOwn(tree.constants, k)),
    );
  }
  const state = new Map<string, 1 | 2>();
  const path: string[] = [];
  const visit = (key: string): void => {
    if (state.get(key) === 2) return;
    if (state.get(key) === 1) {
      const loop = [...path.slice(path.indexOf(key)), key].join(" -> ");
      return void problems.push(`constants ${loop} refer to themselves`);
    }
    state.set(key, 1);
    path.push(key);
    for (const ref of refs.get(key) ?? []) visit(ref);
    path.pop();
    state.set(key, 2);
  };
  for (const key of refs.keys()) visit(key);
}

/**
 * Check that a template's tree can be stored: create_task must be able to run on it without failing
 * inside. Checks shape, wiring, reachability, gateway pairing, drawing and constants; throws
 * InvalidTreeError naming each problem (node or flow, and what is wrong).
 */
export function validateTemplateTree(input: unknown): void {
  if (!isPlainObject(input)) throw new InvalidTreeError("invalid pipeline_tree: must be an object");
  const problems: Problems = [];
  checkShape(input, problems);
  if (problems.length > 0) fail(problems);
  const tree = structuredClone(input) as PipelineTree;
  checkWiring(tree, problems);
  checkDrawing(tree, problems);
  checkConstantCycles(tree, problems);
  if (problems.length > 0) fail(problems);
  checkReachability(tree, problems);
  if (problems.length > 0) fail(problems);
  normalizeIncomingInPlace(tree);
  try {
    matchGateways(tree);
  } catch (error) {
    if (error instanceof InvalidTreeError) fail([error.message]);
    throw error;
  }
}
