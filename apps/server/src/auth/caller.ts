import type { App } from "../db/repos/apps.js";
import type { User } from "../db/repos/users.js";

/** Who is calling, once the gateway or the ESB has verified the credentials. */
export interface Caller {
  app: App;
  user: User;
}

/** The credential keys both front doors read. */
export interface CredentialFields {
  bk_app_code?: unknown;
  bk_app_secret?: unknown;
  bk_signature?: unknown;
  bk_token?: unknown;
  bk_username?: unknown;
  /** The older name of `bk_username`, still read by the gateway. */
  username?: unknown;
  access_token?: unknown;
}

/** A credential as a string; anything else (a number, a list) counts as absent. */
export const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** bk-sops' `is_trust`: built-in BlueKing apps and APP_WHITELIST skip the IAM check. */
export const BUILTIN_TRUSTED_APPS = new Set([
  "bk_fta",
  "bk_bcs",
  "bk_datainstaller",
  "bk_dataadmin",
  "bk_sops",
  "bk_paas",
  "bk_monitorv3",
]);

export const isTrusted = (app: App) => app.trusted || BUILTIN_TRUSTED_APPS.has(app.code);
