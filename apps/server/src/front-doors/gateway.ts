import { isPlainObject } from "@bksops/domain";
import { type Context, Hono } from "hono";
import { getCookie } from "hono/cookie";
import type { AppEnv } from "../app-env.js";
import type { CredentialFields } from "../auth/caller.js";
import { verifyGatewayCaller } from "../auth/gateway.js";
import type { RawClaims } from "../control/scenario.js";
import type { Store } from "../db/store.js";
import { ApiError, GatewayError } from "../errors.js";
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

/** The gateway's caller: `X-Bkapi-Authorization`, else the credentials in the query or the body. */
function gatewayCaller(store: Store, c: Context<AppEnv>, body: Body) {
  const fallback: CredentialFields = {
    ...c.req.query(),
    ...(body.kind === "json" && isPlainObject(body.value) ? body.value : {}),
  };
  return verifyGatewayCaller(store, c.req.header("X-Bkapi-Authorization"), fallback, () =>
    getCookie(c, "bk_token"),
  );
}

/** The credentials as `gatewayCaller` reads them, unverified (a header that is not JSON: none). */
function credentialFields(c: Context<AppEnv>, body: Body): CredentialFields {
  const header = c.req.header("X-Bkapi-Authorization");
  if (header === undefined) {
    return { ...c.req.query(), ...(body.kind === "json" && isPlainObject(body.value) ? body.value : {}) };
  }
  try {
    const parsed: unknown = JSON.parse(header);
    return isPlainObject(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

/** What a gateway request claims, for the scenario rules that match on it. */
async function claimsOf(c: Context<AppEnv>, operation: Operation): Promise<RawClaims> {
  const body = await readBody(c, operation);
  return { templateId: c.req.param("template_id"), credentials: credentialFields(c, body) };
}

/** `/<name>/<p1>/<p2>/`, with each parameter limited to digits or not. */
const pathOf = (operation: Operation, digitsOnly: boolean) =>
  `/${[operation.name, ...operation.pathParams.map((p) => (digitsOnly ? `:${p}{[0-9]+}` : `:${p}`))].join("/")}/`;

/**
 * The API-gateway front door (`{host}/api/bk-sops/{stage}/…`): credentials from
 * `X-Bkapi-Authorization` (or the query, or the body), then bk-sops' view, whose dict is answered
 * with the request's `trace_id`. Refusals are the gateway's (HTTP 400/404) or bk-sops' (HTTP 200).
 */
export function gatewayFrontDoor(deps: OperationDeps & FrontDoorDeps, operations: readonly Operation[]) {
  const app = new Hono<AppEnv>();
  for (const operation of operations) {
    if (!operation.operationIds.gateway) continue;
    const claims = (c: Context<AppEnv>) => claimsOf(c, operation);
    app.all(
      pathOf(operation, true),
      operationRoute(deps, operation, "gateway", claims, async (c) => {
        requireMethod(c, operation);
        const body = await readBody(c, operation);
        const caller = gatewayCaller(deps.store, c, body);
        const mcp = isMcpApp(caller.app.code) || Boolean(c.req.header("X-Bkapi-Mcp-Server-Id"));
        const result = await operation.handle(deps, {
          caller,
          params: c.req.param() as Record<string, string>,
          body,
          query: lastQueryValues(c),
          mcp,
        });
        return jsonAnswer(c, { ...result, trace_id: c.get("traceId") });
      }),
    );
    if (operation.pathParams.length === 0) continue;
    // Registered after the digit-only route, so it sees only the paths that one refuses: the
    // gateway's resource matches any segment, so it checks the credentials first (400 when they
    // fail); only then does bk-sops' router, which wants digits, refuse the path (404).
    app.all(pathOf(operation, false), async (c) => {
      requireMethod(c, operation);
      gatewayCaller(deps.store, c, await readBody(c, operation));
      throw GatewayError.notFound();
    });
  }
  app.onError((error, c) => {
    if (!(error instanceof ApiError)) return internalError(c, error, deps);
    const { status, body, headers } = error.answer(c.get("traceId"));
    return errorAnswer(c, status, body, headers);
  });
  return app;
}
