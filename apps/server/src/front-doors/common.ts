import type { Form } from "@bksops/api-types/control";
import type { Context } from "hono";
import type { AppEnv, RoutedOperation } from "../app-env.js";
import type { ClaimsReader, ScenarioPlayer } from "../control/scenario.js";
import { HttpError, internalErrorBody } from "../errors.js";
import { encodeAnswer } from "../http/json.js";
import { type Body, parseBody } from "../http/parse-body.js";
import type { Operation } from "../operations/index.js";

/** What both front doors need from the app. */
export interface FrontDoorDeps {
  logger: { error(message: string): void };
  /** Scenario control (`Prefer`, rules), when the controls are on. */
  scenarios?: ScenarioPlayer;
}

export const EMPTY_BODY: Body = { kind: "empty" };

/**
 * The one place where a front door's route of an operation is wrapped: it names the operation for
 * the journal and gives scenario control its chance. A request without `Prefer`, while no rule
 * is set, pays a header lookup and a size check, nothing more.
 */
export function operationRoute(
  deps: FrontDoorDeps,
  operation: Operation,
  form: Form,
  claims: ClaimsReader,
  handler: (c: Context<AppEnv>) => Promise<Response>,
): (c: Context<AppEnv>) => Promise<Response> {
  const target: RoutedOperation = {
    name: operation.name,
    operationId: operation.operationIds[form] ?? "",
    form,
  };
  const scenarios = deps.scenarios;
  if (!scenarios) return handler;
  return (c) => {
    c.set("operation", target);
    if (!scenarios.wanted(c)) return handler(c);
    return scenarios.play(c, target, claims, () => handler(c));
  };
}

/** bk-sops' MCP callers: the apps whose code starts with `v_mcp` get some answers trimmed. */
export function isMcpApp(appCode: string): boolean {
  return appCode.startsWith("v_mcp");
}

/** bk-sops' `require_POST` / `require_GET`: any other method is answered 405. */
export function requireMethod(c: Context<AppEnv>, operation: Operation): void {
  if (c.req.method !== operation.method) {
    const allowed = operation.method;
    throw new HttpError(405, `method ${c.req.method} is not allowed, use ${allowed}`, { Allow: allowed });
  }
}

/** The body of a POST operation (a GET's body is not read). */
export async function readBody(c: Context<AppEnv>, operation: Operation): Promise<Body> {
  if (operation.method !== "POST") return EMPTY_BODY;
  const text = await c.req.text();
  c.set("requestText", text);
  return parseBody(text);
}

/** The query as Django's `request.GET.get` reads it: the last value of a repeated key. */
export function lastQueryValues(c: Context<AppEnv>): Record<string, string> {
  const all = c.req.queries();
  const last: Record<string, string> = {};
  for (const [key, values] of Object.entries(all)) {
    const value = values[values.length - 1];
    if (value !== undefined) last[key] = value;
  }
  return last;
}

/** An HTTP 200 JSON answer of `result` as Django writes it. */
export function jsonAnswer(c: Context<AppEnv>, result: Record<string, unknown>) {
  const json = encodeAnswer(result);
  c.set("answer", json);
  return c.body(json, 200, { "Content-Type": "application/json" });
}

/** A JSON answer of an error envelope (kept for the journal). */
export function errorAnswer(
  c: Context<AppEnv>,
  status: number,
  body: Record<string, unknown>,
  headers?: Record<string, string>,
) {
  c.set("answer", body);
  return c.json(body, status as 200, headers);
}

/** A failure no documented answer covers: logged with its stack, answered without it. */
export function internalError(c: Context<AppEnv>, error: Error, deps: FrontDoorDeps) {
  const traceId = c.get("traceId") ?? "";
  deps.logger.error(
    `unexpected error on ${c.req.method} ${c.req.path} trace_id=${traceId}: ${error.stack ?? error}`,
  );
  return errorAnswer(c, 500, internalErrorBody(traceId));
}
