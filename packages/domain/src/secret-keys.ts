/**
 * Request keys whose values are secrets, wherever bk-sops' callers put them (a JSON body, the
 * query, the `X-Bkapi-Authorization` header's JSON, cookies). Whatever records traffic (the
 * reference server's journal, the suite's validating proxy) masks their values.
 */
export const SECRET_KEYS: ReadonlySet<string> = new Set([
  "bk_app_secret",
  "app_secret",
  "bk_token",
  "access_token",
  "bk_signature",
  "bk_ticket",
]);
