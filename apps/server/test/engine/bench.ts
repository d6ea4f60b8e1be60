import type { PipelineTree } from "@bksops/domain";
import { normalizeInPlace } from "@bksops/domain";
import { startRun, wakeDue } from "../../src/engine/commands.js";
import { nextWake, type RunEnv } from "../../src/engine/run.js";

export const T0 = Date.UTC(2024, 4, 1, 4, 0, 0);

/** A pure test bench: a tree, a clock that moves by hand, versions v1, v2, … */
export function bench(tree: PipelineTree, durations: Record<string, number> = {}) {
  normalizeInPlace(tree);
  let now = T0;
  let version = 0;
  const env = (): RunEnv => ({
    tree,
    now,
    newVersion: () => `v${++version}`,
    durationOf: (activity) => durations[activity.id] ?? 1000,
  });
  const run = startRun(env(), "pipeline");
  return {
    run,
    env,
    /** Moves time to `ms` after the start, waking what falls due on the way, in order. */
    at(ms: number) {
      for (;;) {
        const wake = nextWake(run);
        if (wake === undefined || wake > T0 + ms) break;
        now = wake;
        wakeDue(run, env());
      }
      now = T0 + ms;
    },
    /** The state of each node reached, in the order reached. */
    states: () => Object.fromEntries(Object.values(run.nodes).map((node) => [node.id, node.state])),
    times: (id: string) => {
      const node = run.nodes[id];
      return (
        node && [
          node.startedAt === null ? null : node.startedAt - T0,
          node.archivedAt === null ? null : node.archivedAt - T0,
        ]
      );
    },
  };
}
