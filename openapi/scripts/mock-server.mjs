// The Prism mock as users run it (`npm run mock`, the suite's `--target prism`): a small Node HTTP
// front on the public port, and Prism on a private loopback port behind it.
//
// Prism 5.16 never answers a JSON request whose body does not parse, and exits after a body nested
// some 5,000 levels deep; it reads bodies of any size. The front reads each body first (up to the
// reference server's limits, imported from @bksops/domain) and answers those itself, with the
// spec's documented answers; everything else, `Prefer` headers included, goes to Prism unchanged.
// When Prism dies anyway it is started again; requests meanwhile wait for it (`restartWaitMs`).
import { once } from "node:events";
import { Agent, createServer, request as httpRequest } from "node:http";
import { MAX_BODY_BYTES, MAX_JSON_DEPTH, nestingDepth } from "@bksops/domain";
import { bundleSpec, specPath } from "./bundle.mjs";
import { mockAnswers } from "./mock-answers.mjs";
import { supervisePrism } from "./prism-supervisor.mjs";

/** Headers that belong to one connection, not to the request or answer passed on. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
]);
/** Prism's own address in its log lines. */
const PRISM_URL = /http:\/\/127\.0\.0\.1:\d+/g;
/** Times a request that never reached Prism is sent again (a dead socket, then a dead Prism). */
const MAX_RESENDS = 2;
/** A client still sending an oversized body after its 413 is cut off past this much. */
const DISCARD_LIMIT_BYTES = 8 * MAX_BODY_BYTES;

/** Error thrown when the mock cannot start (its port is taken, or Prism does not start). */
export class MockStartError extends Error {
  /**
   * @param {string} message
   * @param {{ code?: string, cause?: unknown }} [details]
   */
  constructor(message, details = {}) {
    super(message, { cause: details.cause });
    this.name = "MockStartError";
    this.code = details.code;
  }
}

/**
 * The body as bk-sops would read it.
 * @param {Buffer} raw
 * @returns {"empty" | "json" | "unreadable"}
 */
function readability(raw) {
  if (raw.length === 0) return "empty";
  const text = raw.toString("utf8");
  if (nestingDepth(text) > MAX_JSON_DEPTH) return "unreadable";
  try {
    JSON.parse(text);
    return "json";
  } catch {
    return "unreadable";
  }
}

/** Prism answers every origin (its CORS defaults); the front's own answers do the same. */
function corsHeaders(requestHeaders) {
  return {
    "Access-Control-Allow-Origin": requestHeaders.origin ?? "*",
    "Access-Control-Allow-Credentials": "true",
    "Access-Control-Allow-Headers": "*",
    "Access-Control-Expose-Headers": "*",
  };
}

/** An answer of the front when Prism cannot give one: RFC 9457 problem details, as Prism's own. */
function problem(status, title, detail, extra = {}) {
  return {
    status,
    headers: { "Content-Type": "application/problem+json", ...extra },
    body: { type: "about:blank", title, status, detail },
  };
}

/**
 * Reads a request body up to `limit` bytes; stops reading at the first byte over it.
 * @param {import("node:http").IncomingMessage} req
 * @returns {Promise<Buffer | "too-large">}
 */
function readBody(req, limit) {
  const declared = Number(req.headers["content-length"]);
  if (req.headers["transfer-encoding"] === undefined && declared > limit) return Promise.resolve("too-large");
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        req.off("end", onEnd);
        req.pause();
        resolve("too-large");
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => resolve(Buffer.concat(chunks, size));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", reject);
  });
}

/**
 * Starts Prism behind the front and resolves once both answer.
 * @param {import("./mock-server.d.mts").StartMockOptions} [options]
 * @returns {Promise<import("./mock-server.d.mts").MockServer>}
 */
export async function startMock(options = {}) {
  const {
    port = 0,
    host = "127.0.0.1",
    spec = specPath,
    restartWaitMs = 15_000,
    upstreamTimeoutMs = 30_000,
    onEvent = () => {},
    prism: prismOptions = {},
  } = options;
  const answers = mockAnswers(bundleSpec(spec));
  // Connections to Prism are kept alive between requests.
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });

  /** @type {ReturnType<typeof supervisePrism>} set once the front listens */
  let supervisor;

  /** @param {import("node:http").ServerResponse} res */
  function send(req, res, { status, headers, body }, note) {
    if (res.headersSent || res.destroyed) return;
    const text = JSON.stringify(body);
    res.writeHead(status, {
      "Content-Type": "application/json",
      ...corsHeaders(req.headers),
      ...headers,
      "Content-Length": Buffer.byteLength(text),
    });
    res.end(text);
    if (note) onEvent(`${req.method} ${req.url} → ${status} (${note})`);
  }

  /**
   * Passes the request to Prism and its answer back. A request that never reached Prism (it had
   * died, or closed the kept-alive socket) is sent again, to its successor if it died: the mock
   * keeps no state, so a resend changes nothing.
   */
  async function forward(req, res, body, gone = undefined, resends = 0) {
    const prism = await supervisor.ready(restartWaitMs, gone);
    if (!prism) {
      send(
        req,
        res,
        problem(503, "Prism is restarting", `no Prism answered within ${restartWaitMs} ms; try again`, {
          "Retry-After": "1",
        }),
        "Prism down",
      );
      return;
    }
    const headers = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.has(name) && value !== undefined) headers[name] = value;
    }
    headers["content-length"] = String(body.length);
    const upstream = httpRequest({
      host: prism.host,
      port: prism.port,
      method: req.method,
      path: req.url,
      headers,
      agent,
    });
    upstream.setTimeout(upstreamTimeoutMs, () =>
      upstream.destroy(Object.assign(new Error("timeout"), { code: "ETIMEDOUT" })),
    );
    res.once("close", () => {
      if (!res.writableFinished) upstream.destroy();
    });
    upstream.on("response", (answer) => {
      const passed = {};
      for (const [name, value] of Object.entries(answer.headers)) {
        if (!HOP_BY_HOP.has(name) && value !== undefined) passed[name] = value;
      }
      res.writeHead(answer.statusCode ?? 502, passed);
      answer.pipe(res);
      answer.on("error", () => res.destroy());
    });
    upstream.on("error", async (error) => {
      if (res.destroyed) return; // the client left; nothing to answer
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const code = /** @type {NodeJS.ErrnoException} */ (error).code;
      // Nothing reached Prism: it was gone (refused), or it had closed an idle kept-alive socket.
      const unsent = code === "ECONNREFUSED" || (upstream.reusedSocket && code === "ECONNRESET");
      if (unsent && resends < MAX_RESENDS) {
        await forward(req, res, body, prism, resends + 1);
        return;
      }
      if (code === "ETIMEDOUT") {
        send(
          req,
          res,
          problem(504, "Prism did not answer", `no answer within ${upstreamTimeoutMs} ms`),
          "timeout",
        );
      } else {
        send(
          req,
          res,
          problem(
            502,
            "Prism dropped the request",
            `Prism closed the connection (${code ?? error.message}); if it died, it is being restarted: try again`,
            {
              "Retry-After": "1",
            },
          ),
          "Prism dropped it",
        );
      }
    });
    upstream.end(body);
  }

  async function handle(req, res) {
    const pathname = new URL(req.url ?? "/", "http://mock").pathname;
    const route = answers.route(req.method ?? "GET", pathname);
    // As the reference server: a GET's or HEAD's body is never read, so never limited.
    if (req.method === "GET" || req.method === "HEAD") {
      req.resume();
      await forward(req, res, Buffer.alloc(0));
      return;
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === "too-large") {
      // Whatever the client still sends is read and dropped (up to a bound), so it sees the 413
      // instead of a reset; then the connection is closed.
      let discarded = 0;
      req.on("data", (chunk) => {
        discarded += chunk.length;
        if (discarded > DISCARD_LIMIT_BYTES) req.socket.destroy();
      });
      req.resume();
      const answer = answers.tooLarge(route);
      send(
        req,
        res,
        { ...answer, headers: { ...answer.headers, Connection: "close" } },
        `body over ${MAX_BODY_BYTES} bytes`,
      );
      return;
    }
    if (readability(body) === "unreadable") {
      if (route?.takesBody) {
        send(req, res, answers.unreadableBody(route, req.headers), "body is not readable JSON");
        return;
      }
      // Prism would wait for this body forever even where it reads none (no route, no request
      // body): let it answer the request without it (its 404, 405, …).
      await forward(req, res, Buffer.alloc(0));
      return;
    }
    await forward(req, res, body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      onEvent(`front error on ${req.method} ${req.url}: ${error?.stack ?? error}`);
      if (!res.headersSent) send(req, res, problem(500, "Mock front error", String(error?.message ?? error)));
      else res.destroy();
    });
  });
  // Listen first: a taken public port is reported at once, before Prism's slow start.
  server.listen(port, host);
  try {
    await Promise.race([
      once(server, "listening"),
      once(server, "error").then(([error]) => Promise.reject(error)),
    ]);
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code;
    throw new MockStartError(
      code === "EADDRINUSE"
        ? `port ${port} on ${host} is in use`
        : `cannot listen on ${host}:${port}: ${error}`,
      { code, cause: error },
    );
  }
  const address = server.address();
  const publicPort = typeof address === "object" && address ? address.port : port;

  async function closeFront() {
    server.close();
    server.closeIdleConnections();
    const timer = setTimeout(() => server.closeAllConnections(), 2_000);
    await once(server, "close").catch(() => undefined);
    clearTimeout(timer);
    agent.destroy();
  }

  const urlHost = host.includes(":") ? `[${host}]` : host;
  const url = `http://${urlHost}:${publicPort}`;
  const { onOutput } = prismOptions;
  supervisor = supervisePrism({
    timeoutMs: 45_000,
    ...prismOptions,
    // Prism names its private address in its log; users are to call the front's.
    onOutput: onOutput && ((chunk, stream) => onOutput(chunk.replace(PRISM_URL, url), stream)),
    spec,
    host: "127.0.0.1",
    port: undefined,
    onEvent,
  });
  try {
    await supervisor.start();
  } catch (error) {
    await closeFront();
    throw new MockStartError(`Prism did not start: ${String(error?.message ?? error)}`, { cause: error });
  }

  let stopping;
  return {
    url,
    host,
    port: publicPort,
    get prism() {
      return supervisor.current;
    },
    get restarts() {
      return supervisor.restarts;
    },
    gaveUp: supervisor.gaveUp.then((error) => (error instanceof Error ? error : new Error(String(error)))),
    stop() {
      stopping ??= (async () => {
        await closeFront();
        await supervisor.stop();
      })();
      return stopping;
    },
  };
}
