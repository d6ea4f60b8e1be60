import { type ExamplePair, listExamplePairs, loadSpec, type OpenApiDocument } from "@bksops/api-types";
import type { CheckDef, Recorder, RunContext, Verdict } from "./checks/check.js";
import { allChecks, schemaIdOf } from "./checks/index.js";
import { schemaDifferences } from "./checks/schema.js";
import { send } from "./http.js";
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
  only?: string[];
  skip?: string[];
  /** Per request; default 10 000 ms. */
  timeoutMs?: number;
  /** Called as each check finishes (live progress). */
  onResult?: (result: CheckResult) => void;
  spec?: OpenApiDocument;
}

/** Every check id with its title, in run order (for `--list`). */
export function listChecks(spec: OpenApiDocument = loadSpec()): Array<{ id: string; title: string }> {
  return allChecks(listExamplePairs(spec)).flatMap((check) => [
    { id: check.id, title: check.title },
    { id: schemaIdOf(check.id), title: `answers of ${check.id} match the spec` },
  ]);
}

async function runCheck(check: CheckDef, ctx: RunContext): Promise<CheckResult> {
  const exchanges: Exchange[] = [];
  const recorder: Recorder = {
    send: async (out) => {
      const exchange = await send(ctx.target, out, ctx.timeoutMs);
      exchanges.push(exchange);
      return exchange;
    },
    attach: (exchange) => void (exchanges.includes(exchange) || exchanges.push(exchange)),
  };
  const started = performance.now();
  let verdict: Verdict;
  if (check.createsTasks && !ctx.target.loopback && !ctx.allowWrites) {
    verdict = {
      status: "skipped",
      reason: "creates tasks on a host that is not loopback; pass --allow-writes to run it",
    };
  } else {
    try {
      verdict = await check.run(ctx, recorder);
    } catch (error) {
      verdict = { status: "failed", reason: `the check crashed: ${(error as Error).stack ?? error}` };
    }
  }
  const { id, title, verifies, group } = check;
  const operationId = typeof check.operationId === "string" ? check.operationId : check.operationId[ctx.form];
  const differences = verdict.status === "failed" ? (verdict.differences ?? []) : [];
  const reason = verdict.status === "passed" ? undefined : verdict.reason;
  return {
    id,
    operationId,
    title,
    verifies,
    group,
    status: verdict.status,
    reason,
    differences,
    exchanges,
    ms: performance.now() - started,
  };
}

function schemaResult(ctx: RunContext, source: CheckResult): CheckResult {
  const base = {
    id: schemaIdOf(source.id),
    operationId: source.operationId,
    title: `Answers of ${source.id} have a documented status, content type and body schema`,
    verifies: `openapi.yaml responses of ${source.operationId}`,
    group: "schema" as const,
    exchanges: source.exchanges,
    ms: 0,
  };
  if (source.status === "skipped")
    return {
      ...base,
      status: "skipped",
      reason: `${source.id} was skipped: ${source.reason}`,
      differences: [],
    };
  const differences: Difference[] = [];
  source.exchanges.forEach((exchange, index) => {
    const prefix = source.exchanges.length > 1 ? `answer ${index + 1} ` : "";
    for (const d of schemaDifferences(ctx.spec, exchange)) {
      const path = `${prefix}${d.path}`;
      if (!differences.some((seen) => seen.path === path && seen.note === d.note))
        differences.push({ ...d, path });
    }
  });
  if (source.exchanges.length === 0)
    return { ...base, status: "skipped", reason: "the check sent no request", differences };
  if (differences.length === 0) return { ...base, status: "passed", differences };
  const first = differences[0];
  return {
    ...base,
    status: "failed",
    reason: `${differences.length} schema error(s); first: ${first?.path} ${first?.note}`,
    differences,
  };
}

/** Runs the suite against an open target and returns every check's result (no process needed). */
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
  const ctx: RunContext = {
    target,
    identity,
    form,
    spec,
    pairs,
    allowWrites: options.allowWrites ?? false,
    timeoutMs: options.timeoutMs ?? 10_000,
    memo: new Map(),
  };
  const [only, skip] = [options.only ?? [], options.skip ?? []];
  const startedAt = new Date();
  const results: CheckResult[] = [];
  const emit = (result: CheckResult) => {
    results.push(result);
    options.onResult?.(result);
  };
  for (const check of allChecks(pairs)) {
    const [wantSelf, wantSchema] = [
      isSelected(check.id, only, skip),
      isSelected(schemaIdOf(check.id), only, skip),
    ];
    if (!wantSelf && !wantSchema) continue;
    const result = await runCheck(check, ctx);
    if (wantSelf) emit(result);
    if (wantSchema) emit(schemaResult(ctx, result));
  }
  const count = (status: string) => results.filter((r) => r.status === status).length;
  return {
    target: target.label,
    spec: { title: spec.info.title, version: spec.info.version },
    form,
    startedAt: startedAt.toISOString(),
    ms: Date.now() - startedAt.getTime(),
    summary: { passed: count("passed"), failed: count("failed"), skipped: count("skipped") },
    checks: results,
  };
}
