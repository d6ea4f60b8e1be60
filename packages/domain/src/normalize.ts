import { matchGateways } from "./gateway-match.js";
import type { ConvergeMap, PipelineTree } from "./types.js";
import { flowList, isDivergent } from "./types.js";

/**
 * Make `incoming` a list on every activity, gateway and the end event, in place. The start event and
 * every `outgoing` are left as they are (bk-sops `format_pipeline_tree_io_to_list`).
 */
export function normalizeIncomingInPlace(tree: PipelineTree): void {
  for (const activity of Object.values(tree.activities)) activity.incoming = flowList(activity.incoming);
  for (const gateway of Object.values(tree.gateways)) gateway.incoming = flowList(gateway.incoming);
  tree.end_event.incoming = flowList(tree.end_event.incoming);
}

/**
 * Normalise in place as bk-sops' validation does before creating a task: incoming lists, and
 * `converge_gateway_id` on every divergent gateway that has one. Returns converge → divergent ids.
 */
export function normalizeInPlace(tree: PipelineTree): ConvergeMap {
  normalizeIncomingInPlace(tree);
  const { convergeOf, converges } = matchGateways(tree);
  for (const gateway of Object.values(tree.gateways)) {
    const converge = convergeOf.get(gateway.id);
    if (isDivergent(gateway) && converge !== undefined) gateway.converge_gateway_id = converge;
  }
  return converges;
}

/** A normalised deep copy of the tree, plus converge → divergent gateway ids. The input is untouched. */
export function normalizeTree(tree: PipelineTree): { tree: PipelineTree; converges: ConvergeMap } {
  const copy = structuredClone(tree);
  const converges = normalizeInPlace(copy);
  return { tree: copy, converges };
}
