import type { Store } from "../db/store.js";
import { EsbError } from "../errors.js";
import { type Caller, type CredentialFields, text } from "./caller.js";

/**
 * The 2019 ESB's checks, on the credentials in the JSON body: the app (code, secret), then
 * the user (`bk_token`, or `bk_username` for login-exempt apps). HTTP 200, code 1306000.
 */
export function verifyEsbCaller(
  store: Store,
  fields: CredentialFields,
  /** The ESB's own checks after the credentials (may throw); run before a user row is created. */
  beforeForwarding: () => void = () => {},
): Caller {
  const code = text(fields.bk_app_code);
  const secret = text(fields.bk_app_secret);
  if (!code) throw new EsbError("APP Code [bk_app_code] cannot be empty");
  if (!secret) {
    throw new EsbError(
      text(fields.bk_signature)
        ? "Signature [bk_signature] and APP Secret [bk_app_secret] cannot be empty at the same time"
        : "APP Secret [bk_app_secret] cannot be empty",
    );
  }
  const app = store.apps.find(code);
  if (!app) {
    throw new EsbError(
      `Invalid APP Code [bk_app_code=${code}], please confirm if the APP Code has been registered`,
    );
  }
  if (app.secret !== secret) {
    // "pelase" is the ESB's own spelling.
    throw new EsbError(
      `APP Secret verification failed, pelase confirm if the APP Secret and APP Code [bk_app_code=${code}] match`,
    );
  }
  const token = text(fields.bk_token);
  if (token) {
    const user = store.users.findByToken(token);
    if (!user) throw new EsbError("User authentication failed, please check if the bk_token is valid");
    beforeForwarding();
    return { app, user };
  }
  const username = text(fields.bk_username);
  if (username && app.userVerifyExempt) {
    // bk-sops get_or_creates the user only once the ESB has forwarded the request.
    beforeForwarding();
    return { app, user: store.users.getOrCreate(username) };
  }
  throw new EsbError(
    "User authentication failed, please provide a valid user identity, such as bk_token, bk_username",
  );
}
