import { randomUUID } from "node:crypto";
import type { PipelineTree } from "@bksops/domain";
import type { StoredTask } from "../db/repos/tasks.js";
import type { Store } from "../db/store.js";
import { type Logger, silentLogger } from "../logger.js";
import { type Clock, systemClock } from "./clock.js";
import { pauseRun, resumeRun, revokeRun, startRun, wakeDue } from "./commands.js";
import { isLive, nextWake, type Run, type RunEnv, rootOf } from "./run.js";
import { STATE, StateNotFoundError } from "./states.js";
import { DEFAULT_TIMING, durationOf, type EngineTiming } from "./timing.js";

export interface EngineDeps {
  store: Store;
  clock?: Clock;
  timing?: EngineTiming;
  logger?: Logger;
  /** New state versions; default `v` + a random uuid4 hex, as bamboo. */
  newVersion?: () => string;
}

/** The pipeline commands of operate_task. */
export type PipelineCommand = "pause" | "resume" | "revoke";

/** A started task's run, with the tree it runs on. */
export interface RunView {
  run: Run;
  tree: PipelineTree;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** How many parsed task trees the engine keeps (the tasks a UI is watching). */
const TREE_CACHE_SIZE = 256;

/**
 * The simulated bamboo engine of the reference server. Runs live in SQLite (`task_runs`), one
 * JSON row per started task, written in the same transaction as every change, so what a request
 * reads is what a restart finds. Timers only say when to look again: each task with a running
 * activity has one timer, armed for its earliest end; `reload()` re-arms them from the database
 * (at start, and after the database was reset or restored), `close()` disarms them.
 */
export class Engine {
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly timing: EngineTiming;
  private readonly logger: Logger;
  private readonly newVersion: () => string;
  private readonly timers = new Map<number, unknown>();
  /** Parsed trees of recent tasks (a task's tree never changes): status polls do not re-parse it. */
  private readonly trees = new Map<number, { pipelineId: string; tree: PipelineTree }>();
  private closed = false;

  constructor(deps: EngineDeps) {
    this.store = deps.store;
    this.clock = deps.clock ?? systemClock;
    this.timing = deps.timing ?? DEFAULT_TIMING;
    this.logger = deps.logger ?? silentLogger;
    this.newVersion = deps.newVersion ?? (() => `v${randomUUID().replace(/-/g, "")}`);
  }

  private env(tree: PipelineTree, now: number): RunEnv {
    return {
      tree,
      now,
      newVersion: this.newVersion,
      durationOf: (activity) => durationOf(this.timing, activity),
    };
  }

  /**
   * Starts the task's pipeline as `executor` (bk-sops' start: mark the task started, then run it).
   * False when the task was already started, or its tree cannot be run (the task is then left
   * not started, as bk-sops does when its engine refuses a pipeline).
   */
  start(task: StoredTask, executor: string): boolean {
    const now = this.clock.now();
    const started = this.store.db.transaction((): Run | undefined => {
      if (!this.store.tasks.markStarted(task.id, executor, iso(now))) return undefined;
      try {
        const run = startRun(this.env(this.treeOf(task), now), task.pipelineInstanceId);
        this.save(task.id, run, STATE.RUNNING, now);
        return run;
      } catch (error) {
        this.logger.error(
          `task ${task.id}: the engine could not start its pipeline: ${(error as Error).stack}`,
        );
        this.store.tasks.unmarkStarted(task.id);
        return undefined;
      }
    })();
    if (!started) return false;
    this.arm(task.id, nextWake(started));
    return true;
  }

  /**
   * Pauses, resumes or revokes a started task's pipeline. Throws the engine's refusal
   * (TransitionError, InvalidOperationError) when the pipeline's state does not allow it.
   */
  command(taskId: number, command: PipelineCommand): void {
    const changed = this.store.db.transaction((): Run => {
      const view = this.view(taskId);
      if (!view) throw this.noState(taskId, command);
      const now = this.clock.now();
      const before = rootOf(view.run).state;
      if (command === "pause") pauseRun(view.run);
      else if (command === "resume") resumeRun(view.run, this.env(view.tree, now));
      else revokeRun(view.run);
      this.save(taskId, view.run, before, now);
      return view.run;
    })();
    this.arm(taskId, nextWake(changed));
  }

  private noState(taskId: number, command: PipelineCommand): StateNotFoundError {
    if (command === "resume") {
      return new StateNotFoundError(
        "pipeline.eri.models.State.DoesNotExist",
        "State matching query does not exist.",
      );
    }
    const pipelineId = this.store.tasks.find(taskId)?.pipelineInstanceId ?? "";
    return new StateNotFoundError(
      "bamboo_engine.exceptions.NotFoundError",
      `node(${pipelineId}) does not exist`,
    );
  }

  /** The run of a started task, read from the database; undefined when it was never started. */
  view(taskId: number): RunView | undefined {
    const stored = this.store.runs.find(taskId);
    const task = stored && this.store.tasks.find(taskId);
    if (!stored || !task) return undefined;
    return { run: JSON.parse(stored.runJson) as Run, tree: this.treeOf(task) };
  }

  /** The task's tree, parsed once for the last tasks asked about; treat it as read-only. */
  treeOf(task: StoredTask): PipelineTree {
    const cached = this.trees.get(task.id);
    // The pipeline id tells a restored or reset database's task of the same id apart.
    if (cached && cached.pipelineId === task.pipelineInstanceId) {
      this.trees.delete(task.id);
      this.trees.set(task.id, cached);
      return cached.tree;
    }
    const tree = JSON.parse(task.pipelineTreeJson) as PipelineTree;
    this.trees.set(task.id, { pipelineId: task.pipelineInstanceId, tree });
    if (this.trees.size > TREE_CACHE_SIZE) this.trees.delete(this.trees.keys().next().value as number);
    return tree;
  }

  /** The time the engine reads state at (answers compute elapsed times with it). */
  now(): number {
    return this.clock.now();
  }

  /** Re-arms the timers of every live run from the database; what was armed before is dropped. */
  reload(): void {
    this.disarmAll();
    this.closed = false;
    for (const stored of this.store.runs.live()) this.arm(stored.taskId, stored.nextWakeAt ?? undefined);
  }

  /** Stops every timer; nothing runs until `reload()`. */
  close(): void {
    this.closed = true;
    this.disarmAll();
  }

  private disarmAll(): void {
    for (const handle of this.timers.values()) this.clock.clearTimer(handle);
    this.timers.clear();
  }

  private arm(taskId: number, wakeAt: number | undefined): void {
    const armed = this.timers.get(taskId);
    if (armed !== undefined) this.clock.clearTimer(armed);
    this.timers.delete(taskId);
    if (wakeAt === undefined || this.closed) return;
    const handle = this.clock.setTimer(wakeAt - this.clock.now(), () => this.fire(taskId, handle));
    this.timers.set(taskId, handle);
  }

  /** A task's timer fired: the activities whose time has come end, and the walk goes on. */
  private fire(taskId: number, handle: unknown): void {
    if (this.timers.get(taskId) !== handle) return;
    this.timers.delete(taskId);
    // A test (or a shutdown) may have closed the database under a pending timer.
    if (this.closed || !this.store.db.open) return;
    try {
      const changed = this.store.db.transaction((): Run | undefined => {
        const view = this.view(taskId);
        if (!view) return undefined;
        const now = this.clock.now();
        const before = rootOf(view.run).state;
        wakeDue(view.run, this.env(view.tree, now));
        this.save(taskId, view.run, before, now);
        return view.run;
      })();
      if (changed) this.arm(taskId, nextWake(changed));
    } catch (error) {
      this.logger.error(`task ${taskId}: the engine failed to move on: ${(error as Error).stack}`);
    }
  }

  /** Stores the run; when its pipeline has just ended, the task is marked finished or revoked. */
  private save(taskId: number, run: Run, before: string, now: number): void {
    const root = rootOf(run);
    this.store.runs.save({
      taskId,
      runJson: JSON.stringify(run),
      live: run.processes.some(isLive),
      nextWakeAt: nextWake(run) ?? null,
    });
    if (root.state === before) return;
    if (root.state === STATE.FINISHED)
      this.store.tasks.markEnded(taskId, iso(root.archivedAt ?? now), "finished");
    if (root.state === STATE.REVOKED) this.store.tasks.markEnded(taskId, iso(now), "revoked");
  }
}
