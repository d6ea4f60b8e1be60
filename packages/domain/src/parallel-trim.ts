import { MissingKeyError, NoAttributeError } from "./errors.js";
import { matchGateways } from "./gateway-match.js";
import { nextNodeOf, own } from "./graph.js";
import type { WebIndex } from "./rewire.js";
import { replaceIncoming } from "./rewire.js";
import type { Flow, FlowRef, ParallelGateway, PipelineTree } from "./types.js";
import { flowList } from "./types.js";

// bk-sops pops these without a default, so a missing entry fails task creation.
function mustFlow(tree: PipelineTree, id: string): Flow {
  const flow = own(tree.flows, id);
  if (!flow) throw new MissingKeyError(id);
  return flow;
}

function popLine(web: WebIndex, id: string): void {
  if (!web.lines.delete(id)) throw new MissingKeyError(id);
}

// A template that was never normalised (a preview) may hold a converge's only incoming flow as a
// string, and bk-sops calls `list.remove` on it; a task's tree always holds a list.
function removeIncoming(node: { incoming: FlowRef }, flowId: string): void {
  if (!Array.isArray(node.incoming)) throw new NoAttributeError("str", "remove");
  const at = node.incoming.indexOf(flowId);
  if (at >= 0) node.incoming.splice(at, 1);
}

function retargetLine(web: WebIndex, id: string, target: string): void {
  const line = web.lines.get(id);
  if (!line) throw new MissingKeyError(id);
  line.target.id = target;
}

/**
 * Drop the branches of a parallel gateway that lead straight to its converge gateway; when none is
 * left, remove the pair and join what came in to what came after (bk-sops `_try_to_ignore_parallel`).
 */
function trimParallel(
  tree: PipelineTree,
  web: WebIndex,
  parallel: ParallelGateway,
  convergeId: string,
): void {
  const converge = own(tree.gateways, convergeId);
  if (converge?.type !== "ConvergeGateway") throw new MissingKeyError(convergeId);
  let allEmpty = true;
  for (const flowId of [...parallel.outgoing]) {
    if (mustFlow(tree, flowId).target !== convergeId) {
      allEmpty = false;
      continue;
    }
    removeIncoming(converge, flowId);
    parallel.outgoing.splice(parallel.outgoing.indexOf(flowId), 1);
    delete tree.flows[flowId];
    popLine(web, flowId);
  }
  if (!allEmpty) return;
  const convergeIncoming = flowList(converge.incoming);

  const after = converge.outgoing;
  const target = mustFlow(tree, after).target;
  const next = nextNodeOf(tree, target);
  popLine(web, after);
  delete tree.flows[after];
  const joined: string[] = [];
  for (const flowId of [...convergeIncoming, ...flowList(parallel.incoming)]) {
    mustFlow(tree, flowId).target = target;
    retargetLine(web, flowId, target);
    joined.push(flowId);
  }
  replaceIncoming(next, after, joined);
  delete tree.gateways[parallel.id];
  delete tree.gateways[convergeId];
  if (!web.locations.delete(parallel.id)) throw new MissingKeyError(parallel.id);
  if (!web.locations.delete(convergeId)) throw new MissingKeyError(convergeId);
}

/**
 * Repeat until the gateway count stops changing: trim empty branches of every ParallelGateway and
 * collapse pairs left empty, so nested pairs emptied by exclusion disappear from the inside out.
 * Exclusive and conditional-parallel gateways keep their empty branches (bk-sops `_remove_useless_parallel`).
 */
export function trimEmptyParallelBranches(tree: PipelineTree, web: WebIndex): void {
  const { converges } = matchGateways(tree);
  for (;;) {
    const before = Object.keys(tree.gateways).length;
    for (const [convergeId, divergents] of converges) {
      for (const id of divergents) {
        const gateway = own(tree.gateways, id);
        if (gateway?.type === "ParallelGateway") trimParallel(tree, web, gateway, convergeId);
      }
    }
    if (Object.keys(tree.gateways).length === before) return;
  }
}
