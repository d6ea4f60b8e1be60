import { loadSpec, validatorFor } from "@bksops/api-types";
import { MAX_BODY_BYTES } from "@bksops/domain";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import type { AppEnv } from "./app-env.js";
import type { Store } from "./db/store.js";
import type { Engine } from "./engine/engine.js";
import { ApiError, GatewayError, HttpError } from "./errors.js";
import { internalError } from "./front-doors/common.js";
import { ESB_PREFIX, esbFrontDoor } from "./front-doors/esb.js";
import { gatewayFrontDoor } from "./front-doors/gateway.js";
import { type Logger, silentLogger } from "./logger.js";
import { OPERATIONS, type Operation } from "./operations/index.js";

export interface AppDeps {
  store: Store;
  /** The simulated engine that runs started tasks (its lifecycle belongs to the caller). */
  engine: Engine;
  /** The base of `task_url`, ending with `/`. */
  bkSopsHost: string;
  corsOrigins?: string[];
  logger?: Logger;
  /**
   * The docs site page served at /docs, when it has been built; a function is called on the first
   * request for it (the page is 2.6 MB, 5.5 MB on the heap: a server nobody reads docs on keeps
   * its memory).
   */
  docsHtml?: string | (() => string | undefined);
  /** The operations served; default every one the server implements. */
  operations?: readonly Operation[];
}

/** The reference server's Hono app over `deps.store`; no process state, so tests build many. */
export function createApp(deps: AppDeps) {
  const logger = deps.logger ?? silentLogger;
  // Compile the request schema now rather than on the first request.
  validatorFor("CreateTaskParams", { allErrors: true });
  const app = new Hono<AppEnv>();
  const origins = deps.corsOrigins ?? ["*"];

  // Headers every answer carries are set before the handler runs, so they go into its response
  // as it is made: a header added to a finished response makes Hono copy the response, and on
  // @hono/node-server that copy turns its lightweight response into a full web Response (~10% of
  // create_task's CPU time).

  // bk-sops' TraceIDInjectMiddleware: the Traceparent header, or a fresh uuid4 hex.
  app.use(async (c, next) => {
    const started = performance.now();
    const traceId = c.req.header("Traceparent") || crypto.randomUUID().replace(/-/g, "");
    c.set("traceId", traceId);
    c.header("Sops-Trace-Id", traceId);
    await next();
    const ms = (performance.now() - started).toFixed(1);
    logger.info(`${c.req.method} ${c.req.path} ${c.res.status} ${ms}ms trace_id=${traceId}`);
  });
  const anyOrigin = origins.includes("*");
  const exposeHeaders = ["Sops-Trace-Id", "X-Bkapi-Error-Code", "X-Bkapi-Error-Message"];
  const preflight = cors({
    origin: anyOrigin ? "*" : origins,
    allowMethods: ["POST", "GET", "OPTIONS"],
    allowHeaders: ["Content-Type", "X-Bkapi-Authorization", "Traceparent", "X-Bkapi-Mcp-Server-Id"],
    exposeHeaders,
    maxAge: 600,
  });
  // Hono's cors() answers preflights; on other requests, the same headers it would add.
  app.use(async (c, next) => {
    if (c.req.method === "OPTIONS") return preflight(c, next);
    const origin = c.req.header("origin") ?? "";
    const allowed = anyOrigin ? "*" : origins.includes(origin) ? origin : null;
    if (allowed) c.header("Access-Control-Allow-Origin", allowed);
    c.header("Access-Control-Expose-Headers", exposeHeaders.join(","));
    if (!anyOrigin) c.header("Vary", "Origin", { append: true });
    await next();
  });
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new HttpError(413, `request body is larger than ${MAX_BODY_BYTES} bytes (1 MiB)`);
    },
  });
  // A declared length is checked without touching the body (bodyLimit() reads `req.raw.body`,
  // which builds a web stream over it); chunked bodies are counted by bodyLimit() as they arrive.
  app.use((c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next(); // no body, as bodyLimit() sees it
    const length = c.req.header("content-length");
    if (length === undefined || c.req.header("transfer-encoding") !== undefined) return limitBody(c, next);
    if (Number.parseInt(length, 10) > MAX_BODY_BYTES) {
      throw new HttpError(413, `request body is larger than ${MAX_BODY_BYTES} bytes (1 MiB)`);
    }
    return next();
  });

  app.get("/healthz", (c) => c.json({ status: "ok", tasks: deps.store.tasks.total() }));
  app.get("/openapi.json", (c) => c.json(loadSpec()));
  let docsHtml = typeof deps.docsHtml === "function" ? undefined : deps.docsHtml;
  app.get("/docs", (c) => {
    if (docsHtml === undefined && typeof deps.docsHtml === "function") docsHtml = deps.docsHtml();
    return docsHtml
      ? c.html(docsHtml)
      : c.text("The docs site is not built: run `pnpm docs`, then restart the server.", 404);
  });

  // One sub-app per front door, each with its own error handling; the gateway's resources answer
  // at the root and under `/api/bk-sops/{stage}`.
  const operations = deps.operations ?? OPERATIONS;
  const doorDeps = { store: deps.store, bkSopsHost: deps.bkSopsHost, engine: deps.engine, logger };
  const gateway = gatewayFrontDoor(doorDeps, operations);
  app.route(ESB_PREFIX, esbFrontDoor(doorDeps, operations));
  app.route("/api/bk-sops/:stage", gateway);
  app.route("/", gateway);

  app.notFound((c) => {
    const { status, body, headers } = GatewayError.notFound().answer();
    return c.json(body, status as 404, headers);
  });

  // Failures outside the front doors (middleware: body too large, …) become answers here.
  app.onError((error, c) => {
    if (!(error instanceof ApiError)) return internalError(c, error, { logger });
    const { status, body, headers } = error.answer(c.get("traceId") ?? "");
    return c.json(body, status as 200, headers);
  });
  return app;
}
