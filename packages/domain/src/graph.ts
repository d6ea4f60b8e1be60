import type { Activity, EndEvent, Gateway, PipelineTree } from "./types.js";

/** A record's own entry; ids like "constructor" must not find Object.prototype members. */
export function own<T>(record: Record<string, T>, key: unknown): T | undefined {
  return typeof key === "string" && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The node a flow leads to, looked up as bk-sops does: activities, then gateways, else the end event. */
export function nextNodeOf(tree: PipelineTree, targetId: string): Activity | Gateway | EndEvent {
  return own(tree.activities, targetId) ?? own(tree.gateways, targetId) ?? tree.end_event;
}

/**
 * Longest distance of every node from the start event, walking flows forward and ignoring the flows
 * that close a loop (bamboo orders gateway matching by this distance).
 */
export function distancesFromStart(tree: PipelineTree): Map<string, number> {
  const successors = new Map<string, string[]>();
  for (const flow of Object.values(tree.flows)) {
    const list = successors.get(flow.source);
    if (list) list.push(flow.target);
    else successors.set(flow.source, [flow.target]);
  }
  // Iterative DFS: a flow into a node still on the DFS path closes a loop and is left out.
  const state = new Map<string, 1 | 2>();
  const order: string[] = [];
  const forward = new Map<string, string[]>();
  const stack: Array<{ id: string; next: number }> = [{ id: tree.start_event.id, next: 0 }];
  state.set(tree.start_event.id, 1);
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { id: string; next: number };
    const succ = successors.get(top.id) ?? [];
    if (top.next < succ.length) {
      const target = succ[top.next++] as string;
      const seen = state.get(target);
      if (seen === 1) continue;
      const fwd = forward.get(top.id);
      if (fwd) fwd.push(target);
      else forward.set(top.id, [target]);
      if (seen === undefined) {
        state.set(target, 1);
        stack.push({ id: target, next: 0 });
      }
    } else {
      state.set(top.id, 2);
      order.push(top.id);
      stack.pop();
    }
  }
  // Reverse post-order is a topological order of the loop-free graph.
  const distance = new Map<string, number>([[tree.start_event.id, 0]]);
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i] as string;
    const d = distance.get(id) ?? 0;
    for (const target of forward.get(id) ?? []) {
      if ((distance.get(target) ?? -1) < d + 1) distance.set(target, d + 1);
    }
  }
  return distance;
}
