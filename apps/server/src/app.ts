import { loadSpec, validatorFor } from "@bksops/api-types";
import { MAX_BODY_BYTES } from "@bksops/domain";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "./app-env.js";
import { controlApi } from "./control/api.js";
import { CONTROL_PREFIX, type Controls } from "./control/index.js";
import { type Journal, shownHeaders } from "./control/journal.js";
import { corsHeaders } from "./cors.js";
import type { Store } from "./db/store.js";
import { docsSite } from "./docs/site.js";
import type { Engine } from "./engine/engine.js";
import { ApiError, GatewayError, HttpError } from "./errors.js";
import { errorAnswer, internalError } from "./front-doors/common.js";
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
   * The folder of the built docs site (index.html, favicon.ico, conformance/), served at /docs/;
   * read when asked for, so a server nobody reads docs on keeps its memory.
   */
  docsDir?: string;
  /** The operations served; default every one the server implements. */
  operations?: readonly Operation[];
  /**
   * Scenario control (`Prefer`, rules, journal, reset, snapshots, uploads under `/_bksops`);
   * absent, the server has none of it (`CONTROL_API=off`, or a non-loopback `HOST`).
   */
  controls?: Controls;
}

/** Paths the journal leaves out: the controls' own, and the server's pages (the docs site included). */
const UNJOURNALED = new Set(["/healthz", "/openapi.json", "/favicon.ico"]);
const journaled = (path: string) =>
  !UNJOURNALED.has(path) && !path.startsWith("/docs") && !path.startsWith(CONTROL_PREFIX);

/** The reference server's Hono app over `deps.store`; no process state, so tests build many. */
export function createApp(deps: AppDeps) {
  const logger = deps.logger ?? silentLogger;
  // Compile the request schema now rather than on the first request: once the server listens,
  // it answers at full speed (about a second of compiling on a busy machine).
  validatorFor("CreateTaskParams", { allErrors: true });
  const app = new Hono<AppEnv>();

  // Headers every answer carries are set before the handler runs, so they go into its response
  // as it is made: a header added to a finished response makes Hono copy the response, and on
  // @hono/node-server that copy turns its lightweight response into a full web Response (~10% of
  // create_task's CPU time).

  // bk-sops' TraceIDInjectMiddleware: the Traceparent header, or a fresh uuid4 hex. It also logs
  // the request and records it in the journal, once answered.
  const journal: Journal | undefined = deps.controls?.journal.capacity ? deps.controls.journal : undefined;
  app.use(async (c, next) => {
    const started = performance.now();
    const traceId = c.req.header("Traceparent") || crypto.randomUUID().replace(/-/g, "");
    c.set("traceId", traceId);
    c.header("Sops-Trace-Id", traceId);
    await next();
    const ms = performance.now() - started;
    const status = c.get("unanswered") ? null : c.res.status;
    logger.info(
      `${c.req.method} ${c.req.path} ${status ?? "unanswered"} ${ms.toFixed(1)}ms trace_id=${traceId}`,
    );
    if (journal && journaled(c.req.path)) {
      // References only: masking, parsing and copying wait until someone reads the journal.
      const url = c.req.url;
      const mark = url.indexOf("?");
      journal.append({
        at: Date.now() - ms,
        method: c.req.method,
        path: c.req.path,
        query: mark === -1 ? "" : url.slice(mark + 1),
        operation: c.get("operation"),
        status,
        ms,
        traceId,
        headers: shownHeaders((name) => c.req.header(name)),
        requestText: c.get("requestText"),
        answer: c.get("answer"),
        scenario: c.get("scenario"),
      });
    }
  });
  const cors = corsHeaders(deps.corsOrigins ?? ["*"]);
  // Preflights are answered here; other requests get the CORS headers before the handler runs.
  app.use(async (c, next) => {
    if (c.req.method === "OPTIONS") return cors.preflight(c);
    cors.apply(c);
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
  app.route("/", docsSite(deps.docsDir));

  // One sub-app per front door, each with its own error handling; the gateway's resources answer
  // at the root and under `/api/bk-sops/{stage}`.
  const operations = deps.operations ?? OPERATIONS;
  if (deps.controls) {
    app.route(CONTROL_PREFIX, controlApi(deps.controls, { store: deps.store, operations, logger }));
  }
  const doorDeps = {
    store: deps.store,
    bkSopsHost: deps.bkSopsHost,
    engine: deps.engine,
    logger,
    scenarios: deps.controls?.scenarios,
  };
  const gateway = gatewayFrontDoor(doorDeps, operations);
  app.route(ESB_PREFIX, esbFrontDoor(doorDeps, operations));
  app.route("/api/bk-sops/:stage", gateway);
  app.route("/", gateway);

  app.notFound((c) => {
    const { status, body, headers } = GatewayError.notFound().answer();
    return errorAnswer(c, status, body, headers);
  });

  // Failures outside the front doors (middleware: body too large, …) become answers here.
  app.onError((error, c) => {
    if (!(error instanceof ApiError)) return internalError(c, error, { logger });
    const { status, body, headers } = error.answer(c.get("traceId") ?? "");
    return errorAnswer(c, status, body, headers);
  });
  return app;
}
