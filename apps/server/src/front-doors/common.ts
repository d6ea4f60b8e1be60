import type { Context } from "hono";
import type { AppEnv } from "../app-env.js";
import { HttpError } from "../errors.js";
import { encodeAnswer } from "../http/json.js";
import { type Body, parseBody } from "../http/parse-body.js";
import type { Operation } from "../operations/index.js";

/** What both front doors need from the app. */
export interface FrontDoorDeps {
  logger: { error(message: string): void };
}

export const EMPTY_BODY: Body = { kind: "empty" };

/** bk-sops' `require_POST` / `require_GET`: any other method is answered 405. */
export function requireMethod(c: Context<AppEnv>, operation: Operation): void {
  if (c.req.method !== operation.method) {
    const allowed = operation.method;
    throw new HttpError(405, `method ${c.req.method} is not allowed, use ${allowed}`, { Allow: allowed });
  }
}

/** The body of a POST operation (a GET's body is not read). */
export async function readBody(c: Context<AppEnv>, operation: Operation): Promise<Body> {
  return operation.method === "POST" ? parseBody(await c.req.text()) : EMPTY_BODY;
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
  return c.body(encodeAnswer(result), 200, { "Content-Type": "application/json" });
}

/** A failure no documented answer covers: logged with its stack, answered without it. */
export function internalError(c: Context<AppEnv>, error: Error, deps: FrontDoorDeps) {
  const traceId = c.get("traceId") ?? "";
  deps.logger.error(
    `unexpected error on ${c.req.method} ${c.req.path} trace_id=${traceId}: ${error.stack ?? error}`,
  );
  return c.json(
    { result: false, message: `internal error, trace_id=${traceId}`, code: 3599999, trace_id: traceId },
    500,
  );
}
