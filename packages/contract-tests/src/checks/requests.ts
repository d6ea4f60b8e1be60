import { AUTH_HEADER, ESB_PATH, gatewayPath, type Outgoing } from "../http.js";
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
  ctx: RunContext,
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
