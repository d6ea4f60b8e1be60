import { isPlainObject } from "@bksops/domain";
import type { Context } from "hono";
import type { AppEnv } from "../app-env.js";
import { type CredentialFields, text } from "../auth/caller.js";
import { verifyEsbCaller } from "../auth/esb.js";
import { verifyGatewayCaller } from "../auth/gateway.js";
import { ApiError, EsbError, GatewayError, requestId } from "../errors.js";
import { type CreateTaskDeps, createTask } from "../services/create-task.js";
import { type Body, parseBody } from "../services/parse-body.js";
import { asciiJson, successJson } from "./answer.js";

const MCP_APP_PREFIX = "v_mcp";

/** The gateway's caller: `X-Bkapi-Authorization`, else the credentials in the query or the body. */
function gatewayCaller(deps: CreateTaskDeps, c: Context<AppEnv>, body: Body) {
  const fallback: CredentialFields = {
    ...c.req.query(),
    ...(body.kind === "json" && isPlainObject(body.value) ? body.value : {}),
  };
  return verifyGatewayCaller(deps.store, c.req.header("X-Bkapi-Authorization"), fallback);
}

/** operationId createTask: `POST …/create_task/{template_id}/{bk_biz_id}/` behind the API gateway. */
export function gatewayCreateTask(deps: CreateTaskDeps) {
  return async (c: Context<AppEnv>) => {
    const body = parseBody(await c.req.text());
    const caller = gatewayCaller(deps, c, body);
    const created = await createTask(deps, {
      caller,
      templateId: c.req.param("template_id") ?? "",
      scopeId: c.req.param("bk_biz_id") ?? "",
      body,
      mcp: caller.app.code.startsWith(MCP_APP_PREFIX) || Boolean(c.req.header("X-Bkapi-Mcp-Server-Id")),
    });
    return json(c, successJson(created, c.get("traceId")));
  };
}

/**
 * `POST …/create_task/{template_id}/{bk_biz_id}/` with ids that are not digits: the gateway's
 * resource matches any segment, so it checks the credentials first (400 when they fail); only then
 * does bk-sops' router, which wants digits, refuse the path (404).
 */
export function gatewayNonNumericPath(deps: CreateTaskDeps) {
  return async (c: Context<AppEnv>) => {
    gatewayCaller(deps, c, parseBody(await c.req.text()));
    throw GatewayError.notFound();
  };
}

// The keys the ESB strips from the body before forwarding it (esb/component/base.py).
const ESB_STRIPPED = [
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
  "template_id",
  "bk_biz_id",
];

/**
 * operationId createTaskEsb: the 2019 ESB form. The ESB verifies the body's credentials, needs
 * `template_id` and `bk_biz_id`, forwards the rest to the same view, and then rewrites `code`
 * and adds `message`, `data` and `request_id` to whatever the view answered.
 */
export function esbCreateTask(deps: CreateTaskDeps) {
  return async (c: Context<AppEnv>) => {
    const parsed = parseBody(await c.req.text());
    const params = parsed.kind === "json" && isPlainObject(parsed.value) ? parsed.value : {};
    const pathParams = () => [pathParam(params, "template_id"), pathParam(params, "bk_biz_id")];
    // The path parameters are checked after the credentials but before the user is created.
    const caller = verifyEsbCaller(deps.store, params, pathParams);
    const [templateId, bizId] = pathParams() as [string, string];
    const forwarded: Body = {
      kind: "json",
      value: Object.fromEntries(Object.entries(params).filter(([key]) => !ESB_STRIPPED.includes(key))),
    };
    try {
      const created = await createTask(deps, {
        caller,
        templateId,
        scopeId: bizId,
        body: forwarded,
        mcp: caller.app.code.startsWith(MCP_APP_PREFIX),
      });
      return json(c, successJson(created, c.get("traceId"), { message: "", request_id: requestId() }));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const { body } = error.answer(c.get("traceId"));
      const rewritten = { ...body, code: 1306000, message: body.message ?? "", data: body.data ?? null };
      return json(c, asciiJson(JSON.stringify({ ...rewritten, request_id: requestId() })));
    }
  };
}

/** A path value the ESB fills from the body: required, and digits like the backend route. */
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

function json(c: Context<AppEnv>, body: string) {
  return c.body(body, 200, { "Content-Type": "application/json" });
}
