import type { ExamplePair, OpenApiDocument } from "@bksops/api-types";
import type { Outgoing } from "../http.js";
import type { Target } from "../targets/target.js";
import type { Difference, Exchange, Form, Group, Identity } from "../types.js";

/** Everything a check may read: the target, who to call as, the spec. */
export interface RunContext {
  target: Target;
  identity: Identity;
  /** The form semantics and negative checks use. */
  form: Form;
  allowWrites: boolean;
  timeoutMs: number;
  spec: OpenApiDocument;
  pairs: ExamplePair[];
  /** Shared results (e.g. the discovery create), computed once per run. */
  memo: Map<string, Promise<unknown>>;
}

export type Verdict =
  | { status: "passed" }
  | { status: "failed"; reason: string; differences?: Difference[] }
  | { status: "skipped"; reason: string };

/** Sends requests on behalf of one check and keeps them for its report. */
export interface Recorder {
  send(out: Outgoing): Promise<Exchange>;
  /** Shows an exchange made elsewhere (e.g. the shared discovery create) in this check's report. */
  attach(exchange: Exchange): void;
}

/** One check: a stable id, what it verifies, and how. */
export interface CheckDef {
  id: string;
  /** The spec's operationId it verifies: one, or one per form (the run's form picks it). */
  operationId: string | Record<Form, string>;
  title: string;
  verifies: string;
  group: Group;
  /** It creates tasks when the target behaves (so it needs `--allow-writes` off loopback). */
  createsTasks?: boolean;
  run(ctx: RunContext, recorder: Recorder): Promise<Verdict>;
}

export const passed = (): Verdict => ({ status: "passed" });
export const skipped = (reason: string): Verdict => ({ status: "skipped", reason });
/** Failed with the given differences, or passed when there are none. */
export function verdictOf(differences: Difference[], reason?: string): Verdict {
  if (differences.length === 0) return passed();
  const first = differences[0];
  return {
    status: "failed",
    reason: reason ?? `${differences.length} difference(s); first at ${first?.path}: ${first?.note}`,
    differences,
  };
}

/** Computes `make()` once per run under `key`; later callers share the promise. */
export function once<T>(ctx: RunContext, key: string, make: () => Promise<T>): Promise<T> {
  let found = ctx.memo.get(key) as Promise<T> | undefined;
  if (!found) {
    found = make();
    ctx.memo.set(key, found);
  }
  return found;
}

/** Prefix of the name of every task the suite creates, so they can be found and cleaned up. */
export const TASK_PREFIX = "bk-sops-contract ";
