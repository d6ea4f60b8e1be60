import type { Activity } from "@bksops/domain";

/**
 * How long simulated plugin nodes run. Events and gateways take no time, as in bamboo; a plugin
 * node runs for its component's duration, divided by the speed factor. A subprocess node takes
 * the time its child's nodes take (one without a child tree, from a task stored before
 * subprocesses were unfolded, runs for `nodeMs` as one step).
 */
export interface EngineTiming {
  /** Every duration is divided by this (10: ten times faster). */
  speed: number;
  /** A plugin node's duration at speed 1, in milliseconds. */
  nodeMs: number;
  /** Durations by component code at speed 1, in milliseconds; others take `nodeMs`. */
  componentMs: Record<string, number>;
}

/** Short enough that the demo templates finish within a few seconds. */
export const DEFAULT_TIMING: EngineTiming = { speed: 1, nodeMs: 1000, componentMs: {} };

/** The real time, in milliseconds, an activity runs for. */
export function durationOf(timing: EngineTiming, activity: Activity): number {
  const code = activity.type === "ServiceActivity" ? activity.component?.code : undefined;
  const base =
    code !== undefined && Object.hasOwn(timing.componentMs, code)
      ? (timing.componentMs[code] as number)
      : timing.nodeMs;
  return base / timing.speed;
}
