import type { Activity, PipelineTree } from "@bksops/domain";
import { STATE, type StateName } from "./states.js";

/**
 * The simulated execution of one task, in the shape bamboo keeps it in its database: one state
 * row per node reached (and one for the pipeline itself), the execution data of nodes, and the
 * processes that walk the tree (one per parallel branch). A Run is plain JSON: it is stored as is
 * and every change to it is made by the pure functions of `walk.ts` and `commands.ts`.
 */

/** bamboo's State row of a node (or of the pipeline). Times are epoch milliseconds. */
export interface NodeState {
  id: string;
  state: StateName;
  rootId: string;
  /** The pipeline the node runs in; `""` for the pipeline itself. */
  parentId: string;
  version: string;
  loop: number;
  innerLoop: number;
  retry: number;
  skip: boolean;
  errorIgnored: boolean;
  createdAt: number;
  startedAt: number | null;
  archivedAt: number | null;
}

/** bamboo's ExecutionData of a node: what it was given and what it gave. */
export interface Execution {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
}

/**
 * A bamboo process: walks from node to node. `running` processes are being driven; `scheduled`
 * ones wait for their activity to end at `wakeAt`; `joined` ones wait for `pending` child
 * processes to reach `node` (a converge gateway); `suspended` ones stopped at `node` because the
 * pipeline is paused; `sleeping` ones stopped at a failed node; `dead` ones are done.
 */
export interface Process {
  id: number;
  node: string;
  /**
   * bamboo's pipeline stack: the pipelines the process is in, the task's first, then each
   * subprocess node it entered (its id is its child pipeline's). Runs stored before subprocesses
   * ran node by node have none: theirs is the task's pipeline alone.
   */
  stack?: string[];
  /** Where a child process ends: the converge gateway of the gateway that forked it. */
  destination: string | null;
  parent: number | null;
  status: "running" | "scheduled" | "joined" | "suspended" | "sleeping" | "dead";
  wakeAt?: number;
  pending?: number;
}

export interface Run {
  pipelineId: string;
  /** The pipeline's state first, then every node's, in the order they were reached. */
  nodes: Record<string, NodeState>;
  executions: Record<string, Execution>;
  processes: Process[];
  nextProcessId: number;
  /**
   * Plain values written into each pipeline's context while it runs, by pipeline id: what a
   * subprocess node passed down to its child, what nodes gave out to the constants taking their
   * outputs. Absent until something is written.
   */
  contexts?: Record<string, Record<string, unknown>>;
}

/** What the pure transitions need from outside: the task's tree, the time, new state versions. */
export interface RunEnv {
  tree: PipelineTree;
  now: number;
  /** A new state version: `v` + 32 hex, as bamboo's `unique_id("v")`. */
  newVersion: () => string;
  /** How long an activity runs, in milliseconds of real time. */
  durationOf: (activity: Activity) => number;
}

/** A new node state, as bamboo's runtime creates the row. */
export function newState(
  env: RunEnv,
  id: string,
  state: StateName,
  parentId: string,
  rootId: string,
): NodeState {
  return {
    id,
    state,
    rootId,
    parentId,
    version: env.newVersion(),
    loop: 1,
    innerLoop: 1,
    retry: 0,
    skip: false,
    errorIgnored: false,
    createdAt: env.now,
    startedAt: null,
    archivedAt: null,
  };
}

/** The process's pipeline stack (see `Process.stack`). */
export const stackOf = (run: Run, process: Process): string[] => process.stack ?? [run.pipelineId];

/** The pipeline the process walks now: the innermost of its stack. */
export const topOf = (run: Run, process: Process): string => stackOf(run, process).at(-1) ?? run.pipelineId;

/** The plain values written into a pipeline's context, made empty when there are none yet. */
export function contextOf(run: Run, pipelineId: string): Record<string, unknown> {
  run.contexts ??= {};
  run.contexts[pipelineId] ??= {};
  return run.contexts[pipelineId];
}

/** The pipeline's own state row. */
export const rootOf = (run: Run): NodeState => run.nodes[run.pipelineId] as NodeState;

/** A process that can still move or be woken (the run needs timers or may resume). */
export const isLive = (process: Process): boolean =>
  process.status === "running" ||
  process.status === "scheduled" ||
  process.status === "joined" ||
  process.status === "suspended";

/** The earliest time a scheduled process wakes, or undefined when none waits. */
export function nextWake(run: Run): number | undefined {
  let next: number | undefined;
  for (const process of run.processes) {
    if (process.status === "scheduled" && process.wakeAt !== undefined) {
      if (next === undefined || process.wakeAt < next) next = process.wakeAt;
    }
  }
  return next;
}

/** Whether the pipeline has reached a state it never leaves on its own. */
export function isSettled(run: Run): boolean {
  const root = rootOf(run).state;
  return root === STATE.FINISHED || root === STATE.REVOKED;
}
