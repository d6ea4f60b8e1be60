/**
 * bamboo's node states and the transitions its runtime allows (bamboo_engine/states.py): every
 * state change of the simulation goes through `transit`, so an operation bamboo refuses is
 * refused here with the same words.
 */
export const STATE = {
  CREATED: "CREATED",
  READY: "READY",
  RUNNING: "RUNNING",
  SUSPENDED: "SUSPENDED",
  BLOCKED: "BLOCKED",
  FINISHED: "FINISHED",
  FAILED: "FAILED",
  REVOKED: "REVOKED",
} as const;

export type StateName = (typeof STATE)[keyof typeof STATE];

const TRANSITIONS: Record<string, readonly string[]> = {
  READY: ["RUNNING", "SUSPENDED"],
  RUNNING: ["FINISHED", "FAILED", "REVOKED", "SUSPENDED", "ROLLING_BACK"],
  SUSPENDED: ["READY", "REVOKED", "RUNNING", "ROLLING_BACK"],
  BLOCKED: [],
  FINISHED: ["RUNNING", "FAILED", "ROLLING_BACK"],
  FAILED: ["READY", "FINISHED"],
  REVOKED: [],
};

/** States a node may be in when the flow arrives at it again (bamboo's INVERTED_TRANSITION[RUNNING]). */
export const REENTERABLE: readonly string[] = [STATE.READY, STATE.FINISHED];

export const canTransit = (from: string, to: string): boolean => TRANSITIONS[from]?.includes(to) ?? false;

// Each error's `name` is its class as a Python traceback prints it.

/** The runtime refused a state change: Python's `RuntimeError` raised by bamboo's `set_state`. */
export class TransitionError extends Error {
  override name = "RuntimeError";
  constructor(nodeId: string, from: string, to: string) {
    // "can't not" is bamboo's own wording.
    super(`can't not transit node(${nodeId}) state from ${from} to ${to}`);
  }
}

/** bamboo's `InvalidOperationError`, e.g. resuming a pipeline that is not paused. */
export class InvalidOperationError extends Error {
  override name = "bamboo_engine.exceptions.InvalidOperationError";
}

/**
 * The pipeline has no state row (a task marked started whose run is missing): bamboo's
 * `NotFoundError` (pause, revoke), or the ORM's DoesNotExist when resume reads the state.
 */
export class StateNotFoundError extends Error {
  constructor(exception: string, message: string) {
    super(message);
    this.name = exception;
  }
}

/** Checks a transition as bamboo's runtime does before writing it. */
export function assertTransit(nodeId: string, from: string, to: string): void {
  if (!canTransit(from, to)) throw new TransitionError(nodeId, from, to);
}
