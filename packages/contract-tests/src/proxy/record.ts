import { readFileSync } from "node:fs";
import type { Call } from "./caller.js";
import type { Route } from "./routes.js";

type Json = Record<string, unknown>;

/** A scenario rule of the reference server's control API (`RuleInput` of openapi/control/openapi.yaml). */
export interface RecordedRule {
  description: string;
  match: { operation: string; form: "esb" | "gateway"; template_id?: string; app?: string };
  respond: { status: number; body: unknown; headers?: Record<string, string> };
  times: 1;
}

// bk-sops' own headers of an answer that a client may read (the gateway's error headers); trace
// ids and transport headers are the server's own and are not replayed.
const REPLAYED_HEADERS = /^x-bkapi-error-/i;

/**
 * The rule that makes the reference server answer this exchange again: the same operation, form,
 * template and app, once, with the recorded status, body and bk-sops' error headers. Answers that
 * are not JSON cannot be forced (a rule's body is JSON) and give no rule.
 */
export function ruleOf(
  route: Route,
  call: Call,
  request: { method: string; path: string },
  answer: { status: number; headers: Record<string, string>; json?: unknown },
  at: Date,
): RecordedRule | undefined {
  if (answer.json === undefined) return undefined;
  const headers = Object.fromEntries(
    Object.entries(answer.headers).filter(([key]) => REPLAYED_HEADERS.test(key)),
  );
  const match: RecordedRule["match"] = { operation: route.name, form: route.form };
  if (call.templateId) match.template_id = call.templateId;
  if (call.app) match.app = call.app;
  const description = `recorded ${at.toISOString()}: ${request.method} ${request.path.split("?")[0]} → ${answer.status}`;
  return {
    description: description.slice(0, 200),
    match,
    respond: {
      status: answer.status,
      body: answer.json,
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
    },
    times: 1,
  };
}

/**
 * The recording as the lines of a JSONL file, in the order to POST them to `/_bksops/rules`: the
 * newest rule that matches applies first, so the last exchange is posted first and the first
 * exchange last (then a replayed client gets the answers in the order they were recorded).
 */
export function rulesFile(rules: RecordedRule[]): string {
  return rules
    .slice()
    .reverse()
    .map((rule) => `${JSON.stringify(rule)}\n`)
    .join("");
}

/** Reads a rules file (JSONL, or one JSON list) into the rules to post, in order. */
export function readRules(path: string): Json[] {
  const text = readFileSync(path, "utf8").trim();
  if (text.startsWith("[")) return JSON.parse(text) as Json[];
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Json);
}

/**
 * Posts recorded rules to a reference server's control API, in the file's order. Resolves to how
 * many were added; rejects with the server's answer on the first refusal.
 */
export async function replayRules(
  rules: Json[],
  server: string,
  post: typeof fetch = fetch,
): Promise<{ added: number }> {
  const url = `${server.replace(/\/+$/, "")}/_bksops/rules`;
  let added = 0;
  for (const [index, rule] of rules.entries()) {
    const answer = await post(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(rule),
    });
    if (answer.status !== 201) {
      throw new Error(
        `rule ${index + 1} of ${rules.length} refused by ${url}: HTTP ${answer.status} ${(await answer.text()).slice(0, 300)}`,
      );
    }
    added += 1;
  }
  return { added };
}
