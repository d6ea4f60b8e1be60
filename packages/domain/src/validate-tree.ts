import { checkConnections } from "./connection.js";
import { checkConstantCycles, checkConstantKeys } from "./constant-checks.js";
import { InvalidTreeError, MissingKeyError } from "./errors.js";
import { matchGateways } from "./gateway-match.js";
import { nodeTable } from "./node-table.js";
import { normalizeIncomingInPlace } from "./normalize.js";
import { isPlainObject } from "./python-values.js";
import { checkStreams } from "./stream.js";
import type { PipelineTree } from "./types.js";
import { flowList, isDivergent } from "./types.js";
import { webSchemaMessage } from "./web-schema.js";

const MAX_LISTED = 10;

/**
 * What bk-sops does not check but every later step relies on (ours, see docs/bk-sops-behaviour.md
 * §5.5): nodes are objects whose `id` is their key, ids are unique, and every flow joins two nodes
 * that list it in their `outgoing`/`incoming`, and nothing else is listed. bk-sops would store such a
 * tree and then fail, or silently corrupt the task, when it replaces the ids.
 */
function checkIntegrity(tree: PipelineTree): void {
  // The schema does not require `flows`; bamboo's first look at a flow fails without it.
  if (!isPlainObject(tree.flows)) throw new MissingKeyError("flows");
  const problems: string[] = [];
  const nodes: Array<[string, Record<string, unknown>]> = [];
  for (const [where, record] of [
    ["activity", tree.activities],
    ["gateway", tree.gateways],
  ] as const) {
    for (const [key, node] of Object.entries(record)) {
      if (!isPlainObject(node)) problems.push(`${where} ${key}: must be an object`);
      else {
        if (node.id !== key) problems.push(`${where} ${key}: id must equal its key`);
        nodes.push([key, node]);
      }
    }
  }
  nodes.push([tree.start_event.id, tree.start_event], [tree.end_event.id, tree.end_event]);
  const ids = nodes.map(([id]) => id);
  if (new Set(ids).size !== ids.length)
    problems.push("node ids must be unique across events, activities and gateways");
  const byId = new Map(nodes);
  const flows = tree.flows as Record<string, unknown>;
  for (const [key, flow] of Object.entries(flows)) {
    if (!isPlainObject(flow)) {
      problems.push(`flow ${key}: must be an object`);
      continue;
    }
    const source = byId.get(flow.source as string);
    const target = byId.get(flow.target as string);
    if (!source) problems.push(`flow ${key}: source ${String(flow.source)} is not a node`);
    else if (!flowList(source.outgoing as string).includes(key))
      problems.push(`flow ${key}: not in the outgoing of its source ${String(flow.source)}`);
    if (!target) problems.push(`flow ${key}: target ${String(flow.target)} is not a node`);
    else if (!flowList(target.incoming as string).includes(key))
      problems.push(`flow ${key}: not in the incoming of its target ${String(flow.target)}`);
  }
  for (const [id, node] of nodes) {
    const outgoing = flowList(node.outgoing as string);
    const incoming = flowList(node.incoming as string);
    for (const flowId of outgoing) {
      const flow = flows[flowId];
      if (!Object.hasOwn(flows, flowId) || !isPlainObject(flow) || flow.source !== id)
        problems.push(`node ${id}: outgoing ${flowId} is not a flow from it`);
    }
    for (const flowId of incoming) {
      const flow = flows[flowId];
      if (!Object.hasOwn(flows, flowId) || !isPlainObject(flow) || flow.target !== id)
        problems.push(`node ${id}: incoming ${flowId} is not a flow into it`);
    }
    if (new Set(outgoing).size !== outgoing.length || new Set(incoming).size !== incoming.length) {
      problems.push(`node ${id}: lists a flow twice`);
    }
  }
  if (problems.length > 0) {
    const listed = problems.slice(0, MAX_LISTED).join("; ");
    const more = problems.length > MAX_LISTED ? ` (and ${problems.length - MAX_LISTED} more)` : "";
    throw new InvalidTreeError(`invalid pipeline_tree: ${listed}${more}`);
  }
}

/**
 * bk-sops' validation of a web pipeline tree (`pipeline_web/parser/validator.py::
 * validate_web_pipeline_tree`, then bamboo's `validate_pipeline_tree(cycle_tolerate=True)`), in its
 * order: the web-tree schema, constant keys and outputs, constants referring to themselves, then
 * (after our integrity checks) connections, gateway pairing and streams. Like bk-sops it edits the
 * tree it checks: every activity's, gateway's and the end event's `incoming` becomes a list, and
 * each divergent gateway that has a converge gateway gets `converge_gateway_id`. Throws
 * InvalidTreeError with bk-sops' text (see `describeTreeError` for the text and our detail), or
 * MissingKeyError where bk-sops fails on a missing dict key.
 */
export function validateWebTreeInPlace(input: unknown): asserts input is PipelineTree {
  const schema = webSchemaMessage(input);
  if (schema) throw new InvalidTreeError(schema);
  const tree = input as PipelineTree;
  checkConstantKeys(tree.constants, tree.outputs);
  checkConstantCycles(tree.constants);
  checkIntegrity(tree);
  normalizeIncomingInPlace(tree);
  const table = nodeTable(tree as Record<string, unknown>);
  checkConnections(table);
  const { convergeOf } = matchGateways(tree);
  for (const gateway of Object.values(tree.gateways)) {
    const converge = convergeOf.get(gateway.id);
    if (isDivergent(gateway) && converge !== undefined) gateway.converge_gateway_id = converge;
  }
  checkStreams(table, tree.start_event.id, tree.end_event.id);
}

/**
 * Whether bk-sops would store this tree as a template (and create_task could run on it): the checks
 * of `validateWebTreeInPlace`, on a copy. Throws as that does.
 */
export function validateTemplateTree(input: unknown): void {
  validateWebTreeInPlace(structuredClone(input));
}
