import type { Context } from "hono";
import type { AppEnv } from "./app-env.js";

/** Headers of bk-sops and its gateway a browser frontend may read (`Access-Control-Expose-Headers`). */
export const EXPOSED_HEADERS = ["Sops-Trace-Id", "X-Bkapi-Error-Code", "X-Bkapi-Error-Message"];
/** Methods of the operations (GET, POST) and of the control API (PUT, DELETE). */
export const ALLOWED_METHODS = ["GET", "POST", "PUT", "DELETE", "OPTIONS"];
const MAX_AGE_SECONDS = "600";

/**
 * CORS over `CORS_ORIGINS`. A listed origin is answered with itself and
 * `Access-Control-Allow-Credentials: true`, so a frontend can send its cookies
 * (`credentials: 'include'`); `*` answers any other origin with `*`, without credentials (browsers
 * refuse credentials with `*`). Preflights allow the headers the browser asks for.
 */
export function corsHeaders(origins: readonly string[]) {
  const anyOrigin = origins.includes("*");
  const listed = new Set(origins.filter((origin) => origin !== "*"));
  const exposed = EXPOSED_HEADERS.join(",");
  const methods = ALLOWED_METHODS.join(",");

  /** Sets the origin headers for this request's `Origin`; the answer depends on it when a list is set. */
  function allowOrigin(c: Context<AppEnv>): void {
    if (listed.size > 0) {
      c.header("Vary", "Origin", { append: true });
      const origin = c.req.header("origin");
      if (origin !== undefined && listed.has(origin)) {
        c.header("Access-Control-Allow-Origin", origin);
        c.header("Access-Control-Allow-Credentials", "true");
        return;
      }
    }
    if (anyOrigin) c.header("Access-Control-Allow-Origin", "*");
  }

  return {
    /** The headers of an answer other than a preflight. */
    apply(c: Context<AppEnv>): void {
      allowOrigin(c);
      c.header("Access-Control-Expose-Headers", exposed);
    },
    /** The answer to an `OPTIONS` request (a preflight). */
    preflight(c: Context<AppEnv>): Response {
      allowOrigin(c);
      c.header("Access-Control-Allow-Methods", methods);
      const asked = c.req.header("Access-Control-Request-Headers");
      if (asked) {
        c.header(
          "Access-Control-Allow-Headers",
          asked
            .split(",")
            .map((name) => name.trim())
            .filter(Boolean)
            .join(","),
        );
        c.header("Vary", "Access-Control-Request-Headers", { append: true });
      }
      c.header("Access-Control-Max-Age", MAX_AGE_SECONDS);
      return c.body(null, 204);
    },
  };
}
