import { GatewayMatchError } from "./errors.js";
import { distancesFromStart, own } from "./graph.js";
import { pyRepr } from "./python-repr.js";
import type { ConvergeMap, DivergentGateway, Gateway, PipelineTree } from "./types.js";
import { flowList, isDivergent } from "./types.js";

/** Result of pairing gateways: divergent id → its converge id, and converge id → divergent ids. */
export interface GatewayMatch {
  convergeOf: Map<string, string>;
  converges: ConvergeMap;
}

interface Matched {
  converge: string | undefined;
  shared: boolean;
}

// Where a branch of a gateway first arrives, after skipping activities and nested gateway blocks.
type BranchEnd = { kind: "converge"; id: string } | { kind: "end" } | { kind: "self" } | { kind: "back" };

// bamboo's texts of these refusals (`pipeline/validators/gateway.py`), Chinese as bk-sops answers them.
const TEXT = {
  mustConverge: "并行网关中的分支网关必须将所有分支汇聚到一个汇聚网关",
  sameConverge: "分支网关的所有分支第一个遇到的汇聚网关必须是同一个",
  oneParallel: "汇聚网关只能汇聚来自同一个并行网关的分支",
  allBranches: "汇聚网关没有汇聚其对应的并行网关的所有分支",
  noDistance: "无法获取该网关距离开始节点的距离",
  invalid: (id: string, targets: unknown[]) =>
    `非法网关, 请检查其分支是否符合规则, cur_index: ${id}, targets: ${pyRepr(targets)}`,
};
const MUST_CONVERGE = "a branch gateway inside a parallel gateway must converge all its branches";
const SAME_CONVERGE = "all branches of an exclusive gateway must first meet the same converge gateway";

/** How bamboo lists a branch's end in its "非法网关" text: a node id, or None for a loop back. */
function targetOf(gatewayId: string, endId: string, end: BranchEnd): string | null {
  if (end.kind === "converge") return end.id;
  if (end.kind === "self") return gatewayId;
  return end.kind === "end" ? endId : null;
}

function isParallelType(gateway: Gateway | undefined): boolean {
  return gateway?.type === "ParallelGateway" || gateway?.type === "ConditionalParallelGateway";
}

/**
 * Pair every divergent gateway with its converge gateway, with bamboo's `validate_gateways` rules:
 * blocks nest; a parallel (or conditional-parallel) gateway must converge all its branches at one
 * converge gateway that takes no branch of another parallel gateway; an exclusive gateway's branches
 * may also end at the end event (outside any parallel block) or loop back; an exclusive gateway may
 * share the converge of a block nested in one of its branches. Reads the tree only.
 */
export function matchGateways(tree: PipelineTree): GatewayMatch {
  // Nothing to pair: skip the walk over the whole graph (most templates have no gateway).
  if (Object.keys(tree.gateways).length === 0) return { convergeOf: new Map(), converges: new Map() };
  const distance = distancesFromStart(tree);
  const gateways = tree.gateways;
  const endId = tree.end_event.id;
  const dist = (id: string): number => distance.get(id) ?? -1;

  // First non-activity node after a flow; memoised per activity so the walk stays linear.
  const stopAfterActivity = new Map<string, string>();
  const stopOf = (flowId: string): string => {
    const path = new Set<string>();
    let target = own(tree.flows, flowId)?.target ?? endId;
    while (own(tree.activities, target)) {
      const known = stopAfterActivity.get(target);
      if (known !== undefined) {
        target = known;
        break;
      }
      // bamboo walks such a loop forever; refused here instead.
      if (path.has(target)) {
        const loop = "activities form a loop without a gateway";
        throw new GatewayMatchError(target, loop, loop);
      }
      path.add(target);
      target = own(tree.flows, own(tree.activities, target)?.outgoing)?.target ?? endId;
    }
    for (const id of path) stopAfterActivity.set(id, target);
    return target;
  };

  // How many forward branches of all gateways arrive at each converge.
  const positiveIn = new Map<string, number>();
  for (const [id, gateway] of Object.entries(gateways)) {
    for (const flowId of flowList(gateway.outgoing)) {
      const stop = stopOf(flowId);
      if (own(gateways, stop)?.type === "ConvergeGateway" && dist(stop) > dist(id)) {
        positiveIn.set(stop, (positiveIn.get(stop) ?? 0) + 1);
      }
    }
  }

  const results = new Map<string, Matched>();
  const converges: ConvergeMap = new Map();
  const stack: string[] = [];

  const canShare = (gatewayId: string, convergeId: string): boolean => {
    if (!isParallelType(own(gateways, gatewayId))) return true;
    const others = converges.get(convergeId) ?? [];
    return !others.some((other) => other !== gatewayId && isParallelType(own(gateways, other)));
  };
  const parallelInStackFrom = (start: number): boolean =>
    stack.slice(start).some((id) => isParallelType(own(gateways, id)));

  const branchEnd = (gatewayId: string, flowId: string): BranchEnd => {
    let stop = stopOf(flowId);
    for (;;) {
      if (stop === gatewayId) return { kind: "self" };
      const gateway = own(gateways, stop);
      if (!gateway) return stop === endId ? { kind: "end" } : { kind: "back" };
      if (!isDivergent(gateway)) {
        return dist(stop) < dist(gatewayId) ? { kind: "back" } : { kind: "converge", id: stop };
      }
      const onStack = stack.indexOf(stop);
      if (onStack >= 0) {
        if (parallelInStackFrom(onStack))
          throw new GatewayMatchError(gatewayId, TEXT.mustConverge, MUST_CONVERGE);
        return { kind: "back" };
      }
      // A divergent gateway no farther from the start than this one is reached by looping back.
      if (dist(stop) <= dist(gatewayId)) return { kind: "back" };
      const inner = match(stop);
      if (!inner.converge) {
        stop = endId;
      } else if (inner.shared && canShare(gatewayId, inner.converge)) {
        stop = inner.converge;
      } else {
        stop = stopOf((own(gateways, inner.converge)?.outgoing as string | undefined) ?? "");
      }
    }
  };

  const match = (gatewayId: string): Matched => {
    const done = results.get(gatewayId);
    if (done) return done;
    const gateway = own(gateways, gatewayId) as DivergentGateway;
    const exclusive = gateway.type === "ExclusiveGateway";
    stack.push(gatewayId);
    const ends = gateway.outgoing.map((flowId) => branchEnd(gatewayId, flowId));
    stack.pop();

    let converge: string | undefined;
    let towardConverge = ends.length;
    for (const end of ends) {
      if (end.kind === "converge" && (converge === undefined || converge === end.id)) {
        converge = end.id;
      } else if (!exclusive) {
        throw new GatewayMatchError(
          gatewayId,
          TEXT.invalid(
            gatewayId,
            ends.map((e) => targetOf(gatewayId, endId, e)),
          ),
          "every branch of a parallel gateway must reach its converge gateway",
        );
      } else if (end.kind === "converge") {
        throw new GatewayMatchError(gatewayId, TEXT.sameConverge, SAME_CONVERGE);
      } else if (end.kind === "end") {
        if (parallelInStackFrom(0)) throw new GatewayMatchError(gatewayId, TEXT.mustConverge, MUST_CONVERGE);
      } else {
        towardConverge -= 1; // a loop back is not a converging branch
      }
    }

    let shared = false;
    if (converge !== undefined && exclusive) {
      shared = (positiveIn.get(converge) ?? 0) > towardConverge || converges.has(converge);
    } else if (converge !== undefined) {
      const incoming = flowList(own(gateways, converge)?.incoming).length;
      if (incoming > ends.length) {
        if (!canShare(gatewayId, converge)) {
          throw new GatewayMatchError(
            converge,
            TEXT.oneParallel,
            "a converge gateway may only converge the branches of one parallel gateway",
          );
        }
        shared = true;
      } else if (incoming < ends.length) {
        throw new GatewayMatchError(
          converge,
          TEXT.allBranches,
          "the converge gateway does not converge every branch of its parallel gateway",
        );
      }
    } else if (!exclusive) {
      const reason = "parallel gateway has no converge gateway";
      throw new GatewayMatchError(
        gatewayId,
        TEXT.invalid(
          gatewayId,
          ends.map((e) => targetOf(gatewayId, endId, e)),
        ),
        reason,
      );
    }

    const result = { converge, shared };
    results.set(gatewayId, result);
    if (converge !== undefined) {
      const list = converges.get(converge);
      if (list) list.push(gatewayId);
      else converges.set(converge, [gatewayId]);
    }
    return result;
  };

  for (const id of Object.keys(gateways)) {
    if (!distance.has(id)) {
      throw new GatewayMatchError(id, TEXT.noDistance, "the gateway cannot be reached from the start event");
    }
  }
  const order = Object.values(gateways)
    .filter(isDivergent)
    .map((g) => g.id)
    .sort((a, b) => dist(a) - dist(b));
  for (const id of order) match(id);

  const convergeOf = new Map<string, string>();
  for (const [id, result] of results) if (result.converge !== undefined) convergeOf.set(id, result.converge);
  return { convergeOf, converges };
}
