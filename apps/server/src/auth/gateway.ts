import type { Store } from "../db/store.js";
import { GatewayError } from "../errors.js";
import { type Caller, type CredentialFields, text } from "./caller.js";

/**
 * The API gateway's checks (bk-auth-verify): the app, then the user. Credentials come from
 * the `X-Bkapi-Authorization` header (a JSON object) or, when it is absent, from the body
 * or the query string; a user's `bk_token` may also come from the `bk_token` cookie. Every
 * refusal is HTTP 400, code 1640001, with the gateway's reason.
 */
export function verifyGatewayCaller(
  store: Store,
  header: string | undefined,
  fallback: CredentialFields,
  /** The `bk_token` cookie (BlueKing's login cookie), read only when the parameters carry none. */
  cookieToken: () => string | undefined = () => undefined,
): Caller {
  // The gateway treats an empty header as no header (bk-auth-verify: `pl_types.is_empty`).
  const fields = header === undefined || header === "" ? fallback : parseHeader(header);
  const app = verifyApp(store, fields);
  // bk-apigateway's legacy user verifier: `bk_token` from the parameters, else from the cookie.
  const token = text(fields.bk_token) || text(fields.access_token) || (cookieToken() ?? "");
  if (token) {
    const user = store.users.findByToken(token);
    if (user) return { app, user };
    throw GatewayError.invalidArgs(NO_USER);
  }
  // `bk_username`, or its older name `username`.
  const username = text(fields.bk_username) || text(fields.username);
  if (username) {
    if (!app.userVerifyExempt) {
      throw GatewayError.invalidArgs(
        "user authentication failed, the user indicated by bk_username is not verified",
      );
    }
    return { app, user: store.users.getOrCreate(username) };
  }
  throw GatewayError.invalidArgs(NO_USER);
}

const NO_USER =
  "user authentication failed, please provide a valid user identity, such as bk_username, bk_token, access_token";

function parseHeader(header: string): CredentialFields {
  try {
    const parsed: unknown = JSON.parse(header);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as CredentialFields;
  } catch {
    // answered below
  }
  throw GatewayError.invalidArgs("request header X-Bkapi-Authorization is not a valid JSON");
}

function verifyApp(store: Store, fields: CredentialFields) {
  const code = text(fields.bk_app_code);
  const secret = text(fields.bk_app_secret);
  if (!code) throw GatewayError.invalidArgs("app code cannot be empty");
  if (code.length > 32) throw GatewayError.invalidArgs("app code cannot be longer than 32 characters");
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_-]*$/.test(code))
    throw GatewayError.invalidArgs("app code contains invalid characters");
  if (secret.length > 128) throw GatewayError.invalidArgs("app secret cannot be longer than 128 characters");
  if (!secret) throw GatewayError.invalidArgs("please provide bk_app_secret or bk_signature to verify app");
  const app = store.apps.find(code);
  if (!app) throw GatewayError.invalidArgs("app not found");
  if (app.secret !== secret) throw GatewayError.invalidArgs("bk_app_code or bk_app_secret is incorrect");
  return app;
}
