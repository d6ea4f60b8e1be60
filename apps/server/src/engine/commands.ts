import { newState, type Process, type Run, type RunEnv, rootOf } from "./run.js";
import { assertTransit, InvalidOperationError, STATE } from "./states.js";
import { drive, wake } from "./walk.js";

/**
 * What can be done to a run from outside, as bamboo's engine API does it: start the pipeline,
 * pause, resume or revoke it, and let a waiting activity end. Each changes the Run in place and
 * throws the error bamboo raises when the pipeline's state does not allow it.
 */

/** bamboo's `run_pipeline`: the pipeline's state is RUNNING and a first process leaves the start. */
export function startRun(env: RunEnv, pipelineId: string): Run {
  const run: Run = { pipelineId, nodes: {}, executions: {}, processes: [], nextProcessId: 1 };
  const root = newState(env, pipelineId, STATE.RUNNING, "", pipelineId);
  root.startedAt = env.now;
  run.nodes[pipelineId] = root;
  const first: Process = {
    id: run.nextProcessId++,
    node: env.tree.start_event.id,
    stack: [pipelineId],
    destination: null,
    parent: null,
    status: "running",
  };
  run.processes.push(first);
  drive(run, env, first);
  return run;
}

/**
 * bamboo's `pause_pipeline`: only the pipeline's state changes. Activities already running go on
 * to their end; each process stops before its next node, in the task's pipeline or in any
 * subprocess (the task's pipeline is at the bottom of every process's stack).
 */
export function pauseRun(run: Run): void {
  const root = rootOf(run);
  assertTransit(root.id, root.state, STATE.SUSPENDED);
  root.state = STATE.SUSPENDED;
}

/** bamboo's `resume_pipeline`: the pipeline runs again and every stopped process goes on. */
export function resumeRun(run: Run, env: RunEnv): void {
  const root = rootOf(run);
  if (root.state !== STATE.SUSPENDED) {
    throw new InvalidOperationError(`pipeline(${root.id}) state is: ${root.state}`);
  }
  root.state = STATE.RUNNING;
  for (const process of run.processes.filter((p) => p.status === "suspended")) {
    process.status = "running";
    drive(run, env, process);
  }
}

/**
 * bamboo's `revoke_pipeline`: the pipeline's state becomes REVOKED (with no finish time of its
 * own); running activities end, and no process goes on to another node, in any subprocess
 * either (their nodes and the subprocess nodes keep the states they had).
 */
export function revokeRun(run: Run): void {
  const root = rootOf(run);
  assertTransit(root.id, root.state, STATE.REVOKED);
  root.state = STATE.REVOKED;
  for (const process of run.processes) if (process.status === "suspended") process.status = "dead";
}

/** Every process whose activity has run its time by `env.now` finishes it and moves on. */
export function wakeDue(run: Run, env: RunEnv): void {
  for (;;) {
    const due = run.processes
      .filter((p) => p.status === "scheduled" && p.wakeAt !== undefined && p.wakeAt <= env.now)
      .sort((a, b) => (a.wakeAt as number) - (b.wakeAt as number) || a.id - b.id)[0];
    if (!due) return;
    wake(run, env, due);
  }
}
