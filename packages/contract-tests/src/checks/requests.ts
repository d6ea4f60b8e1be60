import { AUTH_HEADER, ESB_PATH, ESB_PREFIX, gatewayPath, type Outgoing } from "../http.js";
import type { Credentials, Form } from "../types.js";
import type { RunContext } from "./check.js";

/** Credentials as body/header keys: `bk_app_code`, `bk_app_secret`, `bk_token` or `bk_username`. */
export function credentialKeys(credentials: Credentials): Record<string, string> {
  const keys: Record<string, string> = {
    bk_app_code: credentials.appCode,
    bk_app_secret: credentials.appSecret,
  };
  if (credentials.bkToken) keys.bk_token = credentials.bkToken;
  else if (credentials.username) keys.bk_username = credentials.username;
  return keys;
}

export interface CreateOptions {
  form?: Form;
  /** Credential keys to send instead of the target's (e.g. a wrong secret, or none). */
  credentials?: Record<string, string>;
  templateId?: string;
}

/** A create_task call with the target's credentials and ids in the given form; `params` is the task. */
export function createRequest(
  ctx: Pick<RunContext, "identity" | "form">,
  params: Record<string, unknown>,
  options: CreateOptions = {},
): Outgoing {
  const form = options.form ?? ctx.form;
  const { identity } = ctx;
  const credentials = options.credentials ?? credentialKeys(identity.credentials);
  const templateId = options.templateId ?? identity.templateId;
  const task = identity.templateSource ? { template_source: identity.templateSource, ...params } : params;
  if (form === "esb") {
    return {
      form,
      path: ESB_PATH,
      body: { ...credentials, bk_biz_id: identity.bizId, template_id: templateId, ...task },
    };
  }
  return {
    form,
    path: gatewayPath(templateId, identity.bizId),
    headers: { [AUTH_HEADER]: JSON.stringify(credentials) },
    body: task,
  };
}

/** The same call with a raw (possibly malformed) body; ESB credentials cannot travel then. */
export function rawRequest(ctx: RunContext, raw: string, method = "POST"): Outgoing {
  const base = createRequest(ctx, {});
  return { ...base, body: undefined, raw, method };
}

/** A read (GET) of bk-sops operation `name`, in either form. */
export interface ReadCall {
  form: Form;
  /** bk-sops' name, e.g. `get_template_info`. */
  name: string;
  operationId: string;
  /** Path parameters in the gateway path's order, by name. */
  pathParams: Array<[string, string]>;
  query?: Record<string, string>;
  credentials: Credentials;
}

/** A call of an operation bk-sops answers to POSTs (a preview): `body` is its JSON body. */
export interface PostCall extends ReadCall {
  body: Record<string, unknown>;
}

/**
 * The request of a POST operation other than create_task: the gateway puts the path parameters in
 * the path and the credentials in `X-Bkapi-Authorization`; the ESB puts both in the body.
 */
export function postRequest(call: PostCall): Outgoing {
  const query = new URLSearchParams(call.query ?? {});
  const search = query.size > 0 ? `?${query}` : "";
  if (call.form === "esb") {
    return {
      form: "esb",
      operationId: call.operationId,
      path: `${ESB_PREFIX}/${call.name}/${search}`,
      body: { ...credentialKeys(call.credentials), ...Object.fromEntries(call.pathParams), ...call.body },
    };
  }
  const segments = call.pathParams.map(([, value]) => `${encodeURIComponent(value)}/`).join("");
  return {
    form: "gateway",
    operationId: call.operationId,
    path: `/${call.name}/${segments}${search}`,
    headers: { [AUTH_HEADER]: JSON.stringify(credentialKeys(call.credentials)) },
    body: call.body,
  };
}

/**
 * The request of a read: the gateway puts the path parameters in the path and the credentials in
 * `X-Bkapi-Authorization`; the ESB puts both in the query string with the options.
 */
export function readRequest(call: ReadCall): Outgoing {
  const query = new URLSearchParams(call.query ?? {});
  if (call.form === "esb") {
    const all = new URLSearchParams({
      ...credentialKeys(call.credentials),
      ...Object.fromEntries(call.pathParams),
    });
    for (const [key, value] of query) all.set(key, value);
    return {
      form: "esb",
      operationId: call.operationId,
      method: "GET",
      path: `${ESB_PREFIX}/${call.name}/?${all}`,
    };
  }
  const segments = call.pathParams.map(([, value]) => `${encodeURIComponent(value)}/`).join("");
  const search = query.size > 0 ? `?${query}` : "";
  return {
    form: "gateway",
    operationId: call.operationId,
    method: "GET",
    path: `/${call.name}/${segments}${search}`,
    headers: { [AUTH_HEADER]: JSON.stringify(credentialKeys(call.credentials)) },
  };
}
