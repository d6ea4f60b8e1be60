import type { ExamplePair, OpenApiDocument } from "@bksops/api-types";
import { type Outgoing, send } from "../http.js";
import type { SpecOperation } from "../operations.js";
import type { Target } from "../targets/target.js";
import type { Difference, Exchange, Form, Group, Identity, Preflight } from "../types.js";

/** Everything a check may read: the target, who to call as, the spec, what the preflight learned. */
export interface RunContext {
  target: Target;
  identity: Identity;
  /** The form semantics and negative checks use. */
  form: Form;
  allowWrites: boolean;
  /** Only the checks that create nothing run (`--read-only`). */
  readOnly: boolean;
  /** Examples may start tasks off loopback (`--allow-starts`): that runs the template's nodes. */
  allowStarts: boolean;
  timeoutMs: number;
  spec: OpenApiDocument;
  pairs: ExamplePair[];
  operations: Map<string, SpecOperation>;
  preflight: Preflight;
  /** At most this many optional nodes are excluded one by one (a bounded sample on big templates). */
  maxExclusions: number;
  /** Puts placeholders where secrets were in recorded requests. */
  mask: (text: string) => string;
  /** Every exchange of the run, in order (created tasks are read from it). */
  sent: Exchange[];
  /** The check running now, and the check each exchange was sent during (reports name it). */
  running?: string;
  sentDuring?: Map<Exchange, string>;
  /** Shared results (e.g. the creates every semantics check reads), computed once per run. */
  memo: Map<string, Promise<unknown>>;
}

/** Sends one request for the run and keeps it in `ctx.sent`. */
export async function sendFor(ctx: RunContext, out: Outgoing): Promise<Exchange> {
  const exchange = await send(ctx.target, out, ctx.timeoutMs, ctx.mask);
  ctx.sent.push(exchange);
  if (ctx.running) ctx.sentDuring?.set(exchange, ctx.running);
  return exchange;
}

export type Verdict =
  | { status: "passed" }
  | { status: "failed"; reason: string; differences?: Difference[] }
  | { status: "skipped"; reason: string };

/** Sends requests on behalf of one check and keeps them for its report. */
export interface Recorder {
  /** Sends a request; this check owns its answer (its schema is checked here). */
  send(out: Outgoing): Promise<Exchange>;
  /**
   * Shows an exchange made elsewhere (a shared create) in this check's report. `own` makes this
   * check the one that validates its answer against the spec's schema.
   */
  attach(exchange: Exchange, own?: boolean): void;
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
  return { status: "failed", reason: reason ?? headline(differences), differences };
}

// The decisive differences first: a wrong status or result matters more than a side field.
const PRIORITY: Record<string, number> = { status: 0, result: 1, code: 2, message: 3 };
const rank = (d: Difference) => PRIORITY[d.kind ?? ""] ?? 9;

/** Differences sorted so that the decisive one (status, result, code, message) comes first. */
export const byPriority = (differences: Difference[]): Difference[] =>
  differences
    .map((d, index) => ({ d, index }))
    .sort((a, b) => rank(a.d) - rank(b.d) || a.index - b.index)
    .map((x) => x.d);

/** A one-line summary naming the decisive difference first. */
export function headline(differences: Difference[]): string {
  const [first] = byPriority(differences);
  if (!first) return "no difference";
  const more = differences.length > 1 ? ` (and ${differences.length - 1} more)` : "";
  return `${first.path || "(body)"}: ${first.note}${more}`;
}

/** Computes `make()` once per run under `key`; later callers share the promise. */
export function once<T>(ctx: Pick<RunContext, "memo">, key: string, make: () => Promise<T>): Promise<T> {
  let found = ctx.memo.get(key) as Promise<T> | undefined;
  if (!found) {
    found = make();
    ctx.memo.set(key, found);
  }
  return found;
}

/** Prefix of the name of every task the suite creates, so they can be found and cleaned up. */
export const TASK_PREFIX = "bk-sops-contract ";
