import { request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { request as httpsRequest } from "node:https";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";

/** What the proxy saw of one exchange, bodies as sent on the wire (capped, see MAX_CAPTURE). */
export interface Captured {
  method: string;
  /** The path and query the client asked for. */
  path: string;
  /** Where it was forwarded. */
  upstreamUrl: string;
  requestHeaders: Record<string, string>;
  requestBody: Buffer;
  response?: {
    status: number;
    headers: Record<string, string>;
    /** Decoded when the upstream compressed it (the client got the compressed bytes). */
    body: Buffer;
  };
  /** A body was longer than MAX_CAPTURE: it was forwarded whole, but only its start was kept. */
  truncated: boolean;
  /** Why no (complete) answer came. */
  error?: string;
  ms: number;
}

/** How much of each body the proxy keeps to check; longer bodies are forwarded but not checked. */
export const MAX_CAPTURE = 16 * 1024 * 1024;

// Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and are never forwarded.
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "proxy-authenticate",
  "proxy-authorization",
]);

/** Raw header pairs without the hop-by-hop ones (and those `Connection` names). */
function endToEnd(raw: string[], drop: string[] = []): string[] {
  const named = new Set(drop);
  for (let i = 0; i < raw.length; i += 2) {
    if ((raw[i] as string).toLowerCase() === "connection")
      for (const token of (raw[i + 1] as string).split(",")) named.add(token.trim().toLowerCase());
  }
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const key = (raw[i] as string).toLowerCase();
    if (!HOP_BY_HOP.has(key) && !named.has(key)) out.push(raw[i] as string, raw[i + 1] as string);
  }
  return out;
}

/** Raw pairs as a lower-cased record (repeated headers joined as Node joins them). */
function recordOf(raw: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < raw.length; i += 2) {
    const key = (raw[i] as string).toLowerCase();
    const value = raw[i + 1] as string;
    out[key] = out[key] === undefined ? value : `${out[key]}${key === "cookie" ? "; " : ", "}${value}`;
  }
  return out;
}

/** Collects the start of a stream's chunks, up to MAX_CAPTURE bytes. */
class Tee {
  private chunks: Buffer[] = [];
  private size = 0;
  truncated = false;
  add(chunk: Buffer): void {
    if (this.size >= MAX_CAPTURE) {
      this.truncated = true;
      return;
    }
    const room = MAX_CAPTURE - this.size;
    const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
    if (kept.length < chunk.length) this.truncated = true;
    this.chunks.push(kept);
    this.size += kept.length;
  }
  get body(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** The body as the client reads it: bytes the upstream compressed are decompressed for checking. */
function decoded(body: Buffer, encoding: string | undefined): Buffer {
  try {
    switch ((encoding ?? "").trim().toLowerCase()) {
      case "gzip":
      case "x-gzip":
        return gunzipSync(body);
      case "deflate":
        return inflateSync(body);
      case "br":
        return brotliDecompressSync(body);
      default:
        return body;
    }
  } catch {
    return body;
  }
}

/** The proxy's own answer when the upstream gave none: bk-sops' envelope, marked as the proxy's. */
function answerWithoutUpstream(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ result: false, code: status, message: `bk-sops-contract proxy: ${message}` });
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    "X-Bksops-Proxy-Error": "1",
  });
  res.end(body);
}

export interface ForwardOptions {
  /** The deployment's base URL; the request's path is appended to its path. */
  upstream: URL;
  /** How long to wait for the upstream's answer to begin. */
  timeoutMs: number;
}

/**
 * Forwards one request to the upstream and streams its answer back unchanged (status, headers but
 * the hop-by-hop ones, body bytes), keeping a copy of both bodies to check. Resolves when the
 * exchange is over, with what was seen.
 */
export function forward(
  req: IncomingMessage,
  res: ServerResponse,
  options: ForwardOptions,
): Promise<Captured> {
  const started = performance.now();
  const base = options.upstream;
  const path = req.url ?? "/";
  const target = new URL(`${base.pathname.replace(/\/+$/, "")}${path}`, base);
  const requestRaw = endToEnd(req.rawHeaders, ["host"]);
  const requestHeaders = recordOf(requestRaw);
  const sent = new Tee();
  const received = new Tee();
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;

  return new Promise<Captured>((resolve) => {
    let settled = false;
    const finish = (extra: Partial<Captured>) => {
      if (settled) return;
      settled = true;
      resolve({
        method: req.method ?? "GET",
        path,
        upstreamUrl: target.href,
        requestHeaders,
        requestBody: sent.body,
        truncated: sent.truncated || received.truncated,
        ms: performance.now() - started,
        ...extra,
      });
    };
    const upstream = send(target, {
      method: req.method,
      headers: { ...requestHeaders, host: target.host },
      timeout: options.timeoutMs,
    });
    upstream.on("timeout", () => upstream.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    upstream.on("error", (error: NodeJS.ErrnoException) => {
      const reason = error.code ?? error.message;
      answerWithoutUpstream(
        res,
        error.message.startsWith("no answer") ? 504 : 502,
        `no answer from ${base.origin}: ${reason}`,
      );
      finish({ error: reason });
    });
    upstream.on("response", (answer) => {
      const status = answer.statusCode ?? 502;
      res.writeHead(status, answer.statusMessage, endToEnd(answer.rawHeaders));
      answer.on("data", (chunk: Buffer) => {
        received.add(chunk);
        // A slow client slows the upstream down instead of filling the proxy's memory.
        if (!res.write(chunk)) {
          answer.pause();
          res.once("drain", () => answer.resume());
        }
      });
      answer.on("end", () => {
        res.end();
        const headers = recordOf(endToEnd(answer.rawHeaders));
        finish({ response: { status, headers, body: decoded(received.body, headers["content-encoding"]) } });
      });
      answer.on("error", (error) => {
        res.destroy();
        finish({ error: `the answer broke off: ${error.message}` });
      });
    });
    req.on("data", (chunk: Buffer) => sent.add(chunk));
    req.on("error", () => upstream.destroy());
    res.on("close", () => {
      // The client went away before the answer was complete: stop the upstream too.
      if (!res.writableFinished) {
        upstream.destroy();
        finish({ error: "the client closed the connection" });
      }
    });
    req.pipe(upstream);
  });
}
