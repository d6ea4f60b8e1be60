import { isPlainObject } from "@bksops/domain";
import { type Context, Hono } from "hono";
import type { AppEnv } from "../app-env.js";
import { text } from "../auth/caller.js";
import { verifyEsbCaller } from "../auth/esb.js";
import type { RawClaims } from "../control/scenario.js";
import { ApiError, EsbError, HttpError, requestId } from "../errors.js";
import type { Body } from "../http/parse-body.js";
import type { Operation, OperationDeps } from "../operations/index.js";
import {
  errorAnswer,
  type FrontDoorDeps,
  internalError,
  isMcpApp,
  jsonAnswer,
  lastQueryValues,
  operationRoute,
  readBody,
  requireMethod,
} from "./common.js";

export const ESB_PREFIX = "/api/c/compapi/v2/sops";

// The keys the ESB strips from the parameters before forwarding them (esb/component/base.py).
const ESB_STRIPPED = new Set([
  "bk_app_code",
  "bk_app_secret",
  "bk_token",
  "bk_username",
  "app_code",
  "app_secret",
  "username",
  "signature",
  "bk_signature",
  "bk_nonce",
  "bk_timestamp",
  "bk_supplier_account",
]);

/** A path value the ESB fills from the parameters: required, and digits like the backend route. */
function pathParam(params: Record<string, unknown>, name: string): string {
  const value = params[name];
  if (value === undefined || value === null || value === "") {
    throw new EsbError(`Parameters error, param ${name} is required`, 1306406);
  }
  const digits = typeof value === "number" ? String(value) : text(value);
  if (!/^[0-9]+$/.test(digits)) {
    throw new EsbError(`Parameters error, param ${name} must be a string of digits`, 1306406);
  }
  return digits;
}

/** The ESB's rewrite of a backend answer: `code` 0 or 1306000, `message`, `data`, `request_id`. */
function rewrite(body: Record<string, unknown>): Record<string, unknown> {
  return {
    ...body,
    code: body.result === true ? 0 : 1306000,
    message: body.message ?? "",
    data: body.data ?? null,
    request_id: requestId(),
  };
}

/** The parameters the ESB reads: the query (GET), or the JSON body when it is an object (POST). */
function fieldsOf(c: Context<AppEnv>, operation: Operation, parsed: Body): Record<string, unknown> {
  if (operation.method === "GET") return lastQueryValues(c);
  return parsed.kind === "json" && isPlainObject(parsed.value) ? parsed.value : {};
}

/** What an ESB request claims, for the scenario rules that match on it. */
async function claimsOf(c: Context<AppEnv>, operation: Operation): Promise<RawClaims> {
  const fields = fieldsOf(c, operation, await readBody(c, operation));
  const templateId = fields.template_id;
  return {
    templateId:
      typeof templateId === "string" || typeof templateId === "number" ? String(templateId) : undefined,
    credentials: fields,
  };
}

/**
 * The 2019 ESB front door (`/api/c/compapi/v2/sops/<name>/`): credentials and the path parameters
 * travel with the other parameters (JSON body for POST, query for GET). The ESB checks the
 * credentials, strips them, forwards the rest to bk-sops' view and rewrites whatever the view
 * answers (this sub-app's error handler rewrites the refusals).
 */
export function esbFrontDoor(deps: OperationDeps & FrontDoorDeps, operations: readonly Operation[]) {
  const app = new Hono<AppEnv>();
  for (const operation of operations) {
    if (!operation.operationIds.esb) continue;
    const claims = (c: Context<AppEnv>) => claimsOf(c, operation);
    const route = operationRoute(deps, operation, "esb", claims, async (c) => {
      requireMethod(c, operation);
      const parsed = await readBody(c, operation);
      const fields = fieldsOf(c, operation, parsed);
      const pathParams = () => Object.fromEntries(operation.pathParams.map((p) => [p, pathParam(fields, p)]));
      // The path parameters are checked after the credentials but before the user is created.
      const caller = verifyEsbCaller(deps.store, fields, pathParams);
      const params = pathParams();
      const forwarded = Object.fromEntries(
        Object.entries(fields).filter(([key]) => !ESB_STRIPPED.has(key) && !(key in params)),
      );
      const body: Body = operation.method === "POST" ? { kind: "json", value: forwarded } : parsed;
      const result = await operation.handle(deps, {
        caller,
        params,
        body,
        query: operation.method === "GET" ? (forwarded as Record<string, string>) : {},
        mcp: isMcpApp(caller.app.code),
      });
      return jsonAnswer(c, rewrite({ ...result, trace_id: c.get("traceId") }));
    });
    app.all(`/${operation.name}/`, route);
  }
  app.onError((error, c) => {
    if (!(error instanceof ApiError)) return internalError(c, error, deps);
    const { status, body, headers } = error.answer(c.get("traceId"));
    // The ESB's own refusals and this server's transport refusals are answered as they are;
    // bk-sops' refusals went through the ESB, which rewrote them.
    if (error instanceof EsbError || error instanceof HttpError) return errorAnswer(c, status, body, headers);
    return jsonAnswer(c, rewrite(body));
  });
  return app;
}
