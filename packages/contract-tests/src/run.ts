import { type ExamplePair, listExamplePairs, loadSpec, type OpenApiDocument } from "@bksops/api-types";
import { type CheckDef, type Recorder, type RunContext, sendFor, type Verdict } from "./checks/check.js";
import { allChecks } from "./checks/index.js";
import { schemaDifferences } from "./checks/schema.js";
import { revokeStartedTasks } from "./cleanup.js";
import { placeholderMasker, secretPlaceholders } from "./mask.js";
import { specOperations } from "./operations.js";
import { runPreflight } from "./preflight.js";
import { createdTasksOf, latencyOf } from "./report/facts.js";
import { isSelected } from "./select.js";
import type { Target } from "./targets/target.js";
import type { CheckResult, Difference, Exchange, Form, Identity, SuiteResult } from "./types.js";

/** What to run, against what. */
export interface SuiteOptions {
  target: Target;
  /** Credentials and ids; default: the target's own (demo data). */
  identity?: Identity;
  /** The form semantics and negative checks use; default `esb` (or the only form the target has). */
  form?: Form;
  allowWrites?: boolean;
  /** Run only the checks that create nothing (then a remote target needs no `--allow-writes`). */
  readOnly?: boolean;
  /** Let examples start tasks on a host that is not loopback (they run the template's nodes). */
  allowStarts?: boolean;
  only?: string[];
  skip?: string[];
  /** Per request; default 10 000 ms. */
  timeoutMs?: number;
  /** How many optional nodes the semantics exclude one by one at most; default 8. */
  maxExclusions?: number;
  /** Called as each check finishes (live progress). */
  onResult?: (result: CheckResult) => void;
  spec?: OpenApiDocument;
}

/** The run would create tasks on a host that is not loopback, and neither flag allows or avoids it. */
export class WritesRefusedError extends Error {
  override name = "WritesRefusedError";
}

/** `--only`/`--skip` left no check to run. */
export class NothingSelectedError extends Error {
  override name = "NothingSelectedError";
}

/** Every check id with its title, in run order (for `--list`). */
export function listChecks(spec: OpenApiDocument = loadSpec()): Array<{ id: string; title: string }> {
  return allChecks(listExamplePairs(spec)).map((check) => ({ id: check.id, title: check.title }));
}

/** The exchanges whose answers some check validated already (each answer is validated once). */
type Validated = Set<Exchange>;

async function runCheck(check: CheckDef, ctx: RunContext, validated: Validated): Promise<CheckResult> {
  const exchanges: Exchange[] = [];
  const owned: Exchange[] = [];
  const recorder: Recorder = {
    send: async (out) => {
      const exchange = await sendFor(ctx, out);
      exchanges.push(exchange);
      owned.push(exchange);
      return exchange;
    },
    attach: (exchange, own = false) => {
      if (!exchanges.includes(exchange)) exchanges.push(exchange);
      if (own && !owned.includes(exchange)) owned.push(exchange);
    },
  };
  const started = performance.now();
  let verdict: Verdict;
  if (check.createsTasks && ctx.readOnly) {
    verdict = { status: "skipped", reason: "read-only run (--read-only): this check creates tasks" };
  } else {
    try {
      verdict = await check.run(ctx, recorder);
    } catch (error) {
      verdict = { status: "failed", reason: `the check crashed: ${(error as Error).stack ?? error}` };
    }
  }
  const schema =
    verdict.status === "skipped"
      ? []
      : schemaOf(
          ctx,
          owned.filter((x) => !validated.has(x)),
        );
  for (const exchange of owned) validated.add(exchange);
  const { id, title, verifies, group } = check;
  const operationId = typeof check.operationId === "string" ? check.operationId : check.operationId[ctx.form];
  let { status } = verdict;
  let reason = verdict.status === "passed" ? undefined : verdict.reason;
  const differences = verdict.status === "failed" ? [...(verdict.differences ?? [])] : [];
  if (schema.length > 0) {
    differences.push(...schema);
    if (status === "passed") {
      status = "failed";
      reason = `the answer breaks the spec's schema: ${schema[0]?.path} ${schema[0]?.note}`;
    }
  }
  const ownsAnswers = owned.some((exchange) => exchange.response);
  return {
    id,
    operationId,
    title,
    verifies,
    group,
    status,
    reason,
    differences,
    exchanges,
    schema: verdict.status === "skipped" || !ownsAnswers ? "none" : schema.length > 0 ? "failed" : "passed",
    ms: performance.now() - started,
  };
}

/** Schema problems of the answers a check owns, each path prefixed with its answer when there are several. */
function schemaOf(ctx: RunContext, exchanges: Exchange[]): Difference[] {
  const differences: Difference[] = [];
  exchanges.forEach((exchange, index) => {
    if (!exchange.response) return;
    const prefix = exchanges.length > 1 ? `answer ${index + 1} ` : "";
    for (const d of schemaDifferences(ctx.spec, exchange)) {
      const path = `schema: ${prefix}${d.path}`;
      if (!differences.some((seen) => seen.path === path && seen.note === d.note))
        differences.push({ ...d, path, kind: "schema" });
    }
  });
  return differences;
}

/**
 * Runs the suite against an open target and returns every check's result (no process needed).
 * Throws WritesRefusedError or NothingSelectedError before sending anything; a preflight problem
 * ends the run with no check run (`preflight.problems`).
 */
export async function runSuite(options: SuiteOptions): Promise<SuiteResult> {
  const { target } = options;
  const identity = options.identity ?? target.defaults;
  if (!identity)
    throw new Error(
      "no credentials: give app code, app secret, bk_token or username, business id and template id",
    );
  const form = options.form ?? (target.bases.esb ? "esb" : "gateway");
  if (!target.bases[form]) throw new Error(`the target is not reached through the ${form} form`);
  const spec = options.spec ?? loadSpec();
  const pairs: ExamplePair[] = listExamplePairs(spec);
  const [only, skip] = [options.only ?? [], options.skip ?? []];
  const selected = allChecks(pairs).filter((check) => isSelected(check.id, only, skip));
  if (selected.length === 0)
    throw new NothingSelectedError(
      `no check matches --only ${only.join(",") || "(all)"} --skip ${skip.join(",") || "(none)"}`,
    );
  const readOnly = options.readOnly ?? false;
  const allowWrites = options.allowWrites ?? false;
  if (!target.loopback && !allowWrites && !readOnly && selected.some((check) => check.createsTasks)) {
    throw new WritesRefusedError(
      `${target.label} is not loopback and the checks create tasks there: pass --allow-writes to let them, or --read-only to run only the checks that create nothing`,
    );
  }
  const ctx: RunContext = {
    target,
    identity,
    form,
    spec,
    pairs,
    operations: specOperations(spec),
    preflight: { problems: [], exchanges: [] },
    allowWrites,
    readOnly,
    allowStarts: options.allowStarts ?? false,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxExclusions: options.maxExclusions ?? 8,
    mask: placeholderMasker(secretPlaceholders(identity)),
    sent: [],
    memo: new Map(),
    sentDuring: new Map(),
  };
  const startedAt = new Date();
  ctx.preflight = await runPreflight(ctx);
  const results: CheckResult[] = [];
  if (ctx.preflight.problems.length === 0) {
    const validated: Validated = new Set();
    for (const check of selected) {
      ctx.running = check.id;
      const result = await runCheck(check, ctx, validated);
      ctx.running = undefined;
      results.push(result);
      options.onResult?.(result);
    }
  }
  // Nothing the run started keeps running (tasks never started stay: the API cannot delete them).
  const started = await revokeStartedTasks(ctx);
  const createdTasks = createdTasksOf(ctx.sent, results, ctx.preflight, ctx.sentDuring);
  for (const task of createdTasks) task.cleanup = started.find((s) => s.taskId === task.taskId)?.cleanup;
  const count = (status: string) => results.filter((r) => r.status === status).length;
  const forms = (["esb", "gateway"] as const).filter((f) => target.bases[f]);
  return {
    target: target.label,
    spec: { title: spec.info.title, version: spec.info.version },
    form,
    forms,
    startedAt: startedAt.toISOString(),
    ms: Date.now() - startedAt.getTime(),
    summary: { passed: count("passed"), failed: count("failed"), skipped: count("skipped") },
    schema: {
      checked: results.filter((r) => r.schema !== "none").length,
      failed: results.filter((r) => r.schema === "failed").length,
    },
    preflight: ctx.preflight,
    checks: results,
    createdTasks,
    latency: latencyOf(results, ctx.preflight),
  };
}
