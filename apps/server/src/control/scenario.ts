import { setTimeout as sleep } from "node:timers/promises";
import type { Fault, Rule, ScenarioApplied } from "@bksops/api-types/control";
import type { Context } from "hono";
import type { AppEnv, RoutedOperation } from "../app-env.js";
import type { CredentialFields } from "../auth/caller.js";
import { text } from "../auth/caller.js";
import type { Store } from "../db/store.js";
import { HttpError, internalErrorBody } from "../errors.js";
import { encodeAnswer } from "../http/json.js";
import type { ConnectionFaults } from "./faults.js";
import { type AnswerChoice, type PlannedAnswer, personalise, planAnswer } from "./forced-answer.js";
import { parsePrefer } from "./prefer.js";
import type { Claims, RuleBook } from "./rules.js";
import { ScenarioError } from "./scenario-error.js";

/** What a request names about itself, as its front door reads it (nothing verified). */
export interface RawClaims {
  templateId?: string;
  credentials: CredentialFields;
}

/** A front door's reader of those claims (the body is read once and cached by Hono). */
export type ClaimsReader = (c: Context<AppEnv>) => Promise<RawClaims>;

interface Plan {
  answer?: PlannedAnswer;
  fault?: Fault;
  delayMs: number;
  applied: ScenarioApplied;
}

/**
 * Plays scenarios on the operations' routes: a request's own `Prefer`, else the first rule that
 * matches it. Front doors call `wanted` (cheap: a header lookup and a size check) before `play`.
 */
export class ScenarioPlayer {
  private readonly stopping = new AbortController();

  constructor(
    private readonly rules: RuleBook,
    private readonly faults: ConnectionFaults,
    private readonly store: Store,
  ) {}

  /** Whether the request may need a scenario: it has a `Prefer` header, or rules exist. */
  wanted(c: Context<AppEnv>): boolean {
    return this.rules.size > 0 || c.req.header("prefer") !== undefined;
  }

  async play(
    c: Context<AppEnv>,
    target: RoutedOperation,
    claims: ClaimsReader,
    run: () => Promise<Response>,
  ): Promise<Response> {
    const plan = this.fromPrefer(c, target) ?? (await this.fromRules(c, target, claims));
    if (!plan) return run();
    c.set("scenario", plan.applied);
    if (!plan.answer && !plan.fault) {
      // A delay alone: the operation runs now, its answer leaves late.
      const response = await run();
      await this.wait(plan.delayMs);
      return response;
    }
    // The operation does not run, but the journal shows what was sent.
    if (c.req.method !== "GET" && c.req.method !== "HEAD") c.set("requestText", await c.req.text());
    await this.wait(plan.delayMs);
    if (plan.fault) return this.fault(c, plan.fault);
    return send(c, plan.answer as PlannedAnswer);
  }

  /** Ends every delay and held request at once (the server is stopping). */
  close(): void {
    this.stopping.abort();
    this.faults.releaseAll();
  }

  private fromPrefer(c: Context<AppEnv>, target: RoutedOperation): Plan | undefined {
    const header = c.req.header("prefer");
    if (header === undefined) return undefined;
    try {
      const preferences = parsePrefer(header);
      if (!preferences) return undefined;
      const { code, example, delay = 0 } = preferences;
      const applied: ScenarioApplied = { source: "prefer" };
      if (delay > 0) applied.delay_ms = delay;
      if (code === undefined && example === undefined) return { delayMs: delay, applied };
      const answer = planAnswer(target.operationId, { code, example });
      applied.answer = answer.label;
      return { answer, delayMs: delay, applied };
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      const message = error.message.startsWith("Prefer:") ? error.message : `Prefer: ${error.message}`;
      throw new HttpError(400, message);
    }
  }

  private async fromRules(
    c: Context<AppEnv>,
    target: RoutedOperation,
    claims: ClaimsReader,
  ): Promise<Plan | undefined> {
    if (this.rules.size === 0) return undefined;
    const rule = this.rules.take({
      operation: target.name,
      form: target.form,
      claims: this.rules.needsClaims ? this.resolve(await claims(c)) : undefined,
    });
    if (!rule) return undefined;
    const delayMs = delayOf(rule);
    const applied: ScenarioApplied = { source: "rule", rule_id: rule.id };
    if (delayMs > 0) applied.delay_ms = delayMs;
    if (rule.fault) {
      applied.fault = rule.fault;
      return { fault: rule.fault, delayMs, applied };
    }
    if (!rule.respond) return { delayMs, applied };
    const choice: AnswerChoice = {
      code: rule.respond.status,
      example: rule.respond.example,
      body: rule.respond.body,
      headers: rule.respond.headers,
    };
    try {
      const answer = planAnswer(target.operationId, choice);
      applied.answer = answer.label;
      return { answer, delayMs, applied };
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      throw new HttpError(400, `rule ${rule.id}: ${error.message}`);
    }
  }

  /** The claimed user: `bk_username`, or the owner of the token. */
  private resolve(raw: RawClaims): Claims {
    const fields = raw.credentials;
    const token = text(fields.bk_token) || text(fields.access_token);
    return {
      templateId: raw.templateId,
      app: text(fields.bk_app_code) || undefined,
      user: text(fields.bk_username) || (token ? this.store.users.findByToken(token)?.username : undefined),
    };
  }

  private async wait(ms: number): Promise<void> {
    if (ms <= 0 || this.stopping.signal.aborted) return;
    await sleep(ms, undefined, { signal: this.stopping.signal }).catch(() => {});
  }

  private async fault(c: Context<AppEnv>, fault: Fault): Promise<Response> {
    const traceId = c.get("traceId");
    if (fault === "server_error") {
      const body = internalErrorBody(traceId);
      c.set("answer", body);
      return c.json(body, 500);
    }
    if (fault === "reset") this.faults.reset(c);
    else await this.faults.hold(c);
    c.set("unanswered", true);
    // Nobody reads this answer: the connection is gone.
    return c.body(null, 500);
  }
}

function delayOf(rule: Rule): number {
  const delay = rule.delay as { ms?: number; min_ms?: number; max_ms?: number } | undefined;
  if (!delay) return 0;
  if (delay.ms !== undefined) return delay.ms;
  const min = delay.min_ms ?? 0;
  const max = delay.max_ms ?? min;
  return min + Math.floor(Math.random() * (max - min + 1));
}

/** Statuses whose answers have no body (the Fetch API refuses one). */
const NULL_BODY = new Set([204, 205, 304]);

function send(c: Context<AppEnv>, answer: PlannedAnswer): Response {
  if (NULL_BODY.has(answer.status)) return c.body(null, answer.status as 204, answer.headers);
  const body = answer.verbatim ? answer.body : personalise(answer.body, c.get("traceId"));
  const json = encodeAnswer(body);
  c.set("answer", json);
  return c.body(json, answer.status as 200, { "Content-Type": "application/json", ...answer.headers });
}
