import type { Form, Rule, RuleInput } from "@bksops/api-types/control";
import type { Operation } from "../operations/index.js";
import { planAnswer } from "./forced-answer.js";
import { ScenarioError } from "./scenario-error.js";

export const FORMS: readonly Form[] = ["gateway", "esb"];

/** An HTTP header name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** What a rule can match a request on. The claimed values are read only when a rule needs them. */
export interface RequestFacts {
  operation: string;
  form: Form;
  claims?: Claims;
}

/** What the request says about itself (not verified: a rule may match a request that will fail). */
export interface Claims {
  templateId?: string;
  app?: string;
  user?: string;
}

/**
 * The rules set through the control API, newest first: the first that matches a request applies
 * to it. A rule with `times` is removed once it has applied that many times.
 */
export class RuleBook {
  private rules: Rule[] = [];
  private nextId = 1;
  /** Whether some rule matches on what the request claims (its body must then be read). */
  needsClaims = false;

  get size(): number {
    return this.rules.length;
  }

  /** Stores a rule already checked by `checkRule`. */
  add(input: RuleInput): Rule {
    const rule: Rule = {
      id: this.nextId++,
      ...(input.description === undefined ? {} : { description: input.description }),
      match: { ...input.match },
      ...(input.respond === undefined ? {} : { respond: input.respond }),
      ...(input.fault === undefined ? {} : { fault: input.fault }),
      ...(input.delay === undefined ? {} : { delay: input.delay }),
      ...(input.times === undefined ? {} : { times: input.times }),
      created_at: new Date().toISOString(),
      hits: 0,
      remaining: input.times ?? null,
    };
    if (rule.match.template_id !== undefined) rule.match.template_id = String(rule.match.template_id);
    this.rules.unshift(rule);
    this.refresh();
    return rule;
  }

  list(): Rule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  get(id: number): Rule | undefined {
    const rule = this.rules.find((r) => r.id === id);
    return rule && { ...rule };
  }

  delete(id: number): Rule | undefined {
    const index = this.rules.findIndex((r) => r.id === id);
    if (index === -1) return undefined;
    const [rule] = this.rules.splice(index, 1);
    this.refresh();
    return rule;
  }

  clear(): number {
    const count = this.rules.length;
    this.rules = [];
    this.refresh();
    return count;
  }

  /** The rule that applies to a request, counted as used (removed when used up), or undefined. */
  take(facts: RequestFacts): Rule | undefined {
    const index = this.rules.findIndex((rule) => matches(rule, facts));
    if (index === -1) return undefined;
    const rule = this.rules[index] as Rule;
    rule.hits += 1;
    if (rule.remaining !== null) {
      rule.remaining -= 1;
      if (rule.remaining === 0) {
        this.rules.splice(index, 1);
        this.refresh();
      }
    }
    return { ...rule };
  }

  private refresh(): void {
    this.needsClaims = this.rules.some(
      ({ match }) => match.template_id !== undefined || match.app !== undefined || match.user !== undefined,
    );
  }
}

function matches({ match }: Rule, facts: RequestFacts): boolean {
  if (match.operation !== undefined && match.operation !== facts.operation) return false;
  if (match.form !== undefined && match.form !== facts.form) return false;
  if (match.template_id !== undefined && match.template_id !== facts.claims?.templateId) return false;
  if (match.app !== undefined && match.app !== facts.claims?.app) return false;
  if (match.user !== undefined && match.user !== facts.claims?.user) return false;
  return true;
}

/**
 * What the schema cannot say about a rule: the operation exists, and a forced answer can be
 * played in every form the rule matches (the example exists there, the status can be answered).
 */
export function checkRule(input: RuleInput, operations: readonly Operation[]): void {
  const match = input.match ?? {};
  const delay = input.delay as { min_ms?: number; max_ms?: number } | undefined;
  if (delay?.min_ms !== undefined && delay.max_ms !== undefined && delay.min_ms > delay.max_ms) {
    throw new ScenarioError(`delay: min_ms (${delay.min_ms}) is greater than max_ms (${delay.max_ms})`);
  }
  const operation =
    match.operation === undefined ? undefined : operations.find((op) => op.name === match.operation);
  if (match.operation !== undefined && !operation) {
    throw new ScenarioError(
      `match.operation: the server has no operation ${JSON.stringify(match.operation)}; it has ${operations
        .map((op) => op.name)
        .join(", ")}`,
    );
  }
  if (operation && match.form !== undefined && !operation.operationIds[match.form]) {
    throw new ScenarioError(
      `match.form: ${operation.name} has no ${match.form === "esb" ? "ESB" : "gateway"} form`,
    );
  }
  const respond = input.respond;
  if (!respond) return;
  for (const [name, value] of Object.entries(respond.headers ?? {})) {
    // What the Fetch API would refuse when the answer is made, refused now with a reason.
    if (!HEADER_NAME.test(name))
      throw new ScenarioError(`respond.headers: ${JSON.stringify(name)} is not a header name`);
    if (/[\r\n\0]/.test(value))
      throw new ScenarioError(`respond.headers.${name}: a value cannot hold line breaks`);
  }
  if (respond.example !== undefined && !operation) {
    throw new ScenarioError("respond.example needs match.operation: example names belong to an operation");
  }
  const targets = operation ? operationIdsOf(operation, match.form) : [];
  for (const operationId of targets) {
    try {
      planAnswer(operationId, { code: respond.status, example: respond.example, body: respond.body });
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      const hint =
        match.form === undefined && targets.length > 1 ? " (set match.form to match one form)" : "";
      throw new ScenarioError(`respond: ${error.message}${hint}`);
    }
  }
  if (!operation && respond.body === undefined && respond.status !== undefined && respond.status < 400) {
    throw new ScenarioError(
      "respond.status below 400 without a body needs match.operation: the answer is that operation's example",
    );
  }
}

/** The operationIds a rule on `operation` can meet, given its `form`. */
export function operationIdsOf(operation: Operation, form: Form | undefined): string[] {
  return FORMS.filter((each) => form === undefined || each === form)
    .map((each) => operation.operationIds[each])
    .filter((id): id is string => id !== undefined);
}
