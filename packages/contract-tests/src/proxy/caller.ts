import { isPlainObject, SECRET_KEYS } from "@bksops/domain";
import { AUTH_HEADER } from "../http.js";
import type { Credentials } from "../types.js";
import type { Route } from "./routes.js";

type Json = Record<string, unknown>;

/** What a request says about who calls, on what, and asks what. */
export interface Call {
  /** The caller's credentials, when the suite can call with them too (app, secret, token or user). */
  credentials?: Credentials;
  app?: string;
  user?: string;
  bizId?: string;
  templateId?: string;
  templateSource?: string;
  /** The operation's own parameters: the JSON body (or the query) without credentials and ids. */
  params: Json;
  /** Every secret value the request carries (to mask it wherever the exchange is written). */
  secrets: string[];
}

const CREDENTIAL_KEYS = new Set([
  "bk_app_code",
  "bk_app_secret",
  "bk_token",
  "bk_username",
  "username",
  "access_token",
  "app_code",
  "app_secret",
]);
const ID_KEYS = new Set(["bk_biz_id", "template_id"]);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Values of secret keys at any depth of a JSON value. */
function secretsIn(value: unknown, into: string[]): void {
  if (Array.isArray(value)) for (const item of value) secretsIn(item, into);
  else if (isPlainObject(value))
    for (const [key, item] of Object.entries(value)) {
      if (SECRET_KEYS.has(key) && typeof item === "string" && item) into.push(item);
      else secretsIn(item, into);
    }
}

const text = (value: unknown) =>
  typeof value === "string" || typeof value === "number" ? String(value) : undefined;

/**
 * Reads a request as bk-sops does: the gateway's credentials from `X-Bkapi-Authorization` and its
 * ids from the path; the ESB's credentials and ids from the body (POST) or the query (GET).
 */
export function callOf(
  route: Route | undefined,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string,
): Call {
  const query = Object.fromEntries(new URLSearchParams(path.split("?")[1] ?? ""));
  const json = parseJson(body);
  const bodyObject = isPlainObject(json) ? json : {};
  const header = parseJson(headers[AUTH_HEADER.toLowerCase()] ?? "");
  const auth: Json = isPlainObject(header) ? header : {};
  const secrets: string[] = [];
  secretsIn(auth, secrets);
  secretsIn(bodyObject, secrets);
  secretsIn(query, secrets);
  const cookies: Record<string, string> = {};
  for (const part of (headers.cookie ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (!key || !rest.join("=")) continue;
    cookies[key] = rest.join("=");
    if (SECRET_KEYS.has(key)) secrets.push(cookies[key]);
  }
  const esb = route?.form === "esb";
  const source: Json = esb ? (method === "GET" ? query : bodyObject) : auth;
  const idsFrom: Json = esb ? source : (route?.params ?? {});
  const params: Json = Object.fromEntries(
    Object.entries(method === "GET" ? query : bodyObject).filter(
      ([key]) => !CREDENTIAL_KEYS.has(key) && !(esb && ID_KEYS.has(key)),
    ),
  );
  const app = text(source.bk_app_code ?? source.app_code);
  const secret = text(source.bk_app_secret ?? source.app_secret);
  // The gateway also takes the user's bk_token from its cookie, and `username` for bk_username.
  const bkToken = text(source.bk_token) ?? (esb ? undefined : cookies.bk_token);
  const username = text(source.bk_username ?? source.username);
  return {
    credentials:
      app && secret && (bkToken || username)
        ? { appCode: app, appSecret: secret, bkToken, username }
        : undefined,
    app,
    user: username,
    bizId: text(idsFrom.bk_biz_id),
    templateId: text(idsFrom.template_id),
    templateSource: text(bodyObject.template_source ?? query.template_source),
    params,
    secrets: [...new Set(secrets)],
  };
}
