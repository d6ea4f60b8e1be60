import { once } from "node:events";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Captured, forward } from "../../src/proxy/forward.js";
import { closedPort } from "./helpers.js";

async function listen(server: Server): Promise<string> {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A raw HTTP exchange, so the test sees the bytes and headers exactly as the client gets them. */
function raw(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  }>((resolve, reject) => {
    const req = request(url, { method: options.method ?? "GET", headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

describe("the proxy's forwarding", () => {
  let upstream: Server;
  let upstreamUrl: string;
  let proxy: Server;
  let proxyUrl: string;
  const seen: Array<{ url: string; headers: Record<string, unknown>; body: string }> = [];
  const captured: Captured[] = [];
  let target = "";

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => {
        seen.push({ url: req.url ?? "", headers: req.headers, body });
        if (req.url?.includes("gzip")) {
          const zipped = gzipSync(JSON.stringify({ result: true, data: "compressed" }));
          res.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip" });
          res.end(zipped);
          return;
        }
        res.writeHead(418, "I'm a teapot", [
          "Content-Type",
          "application/json; charset=utf-8",
          "Set-Cookie",
          "a=1",
          "Set-Cookie",
          "b=2",
          "X-Bkapi-Error-Code",
          "1640001",
          "Connection",
          "close, X-Hop",
          "X-Hop",
          "1",
        ]);
        // Written in two chunks: the proxy streams them.
        res.write('{"result": false, ');
        res.end(`"echo": ${JSON.stringify(body)}}`);
      });
    });
    upstreamUrl = await listen(upstream);
    target = `${upstreamUrl}/api/bk-sops/prod`;
    proxy = createServer((req, res) => {
      void forward(req, res, { upstream: new URL(target), timeoutMs: 2000 }).then((c) => captured.push(c));
    });
    proxyUrl = await listen(proxy);
  });
  afterAll(() => {
    proxy.close();
    upstream.close();
  });

  it("passes status, reason, headers (repeated ones too) and body back unchanged; keeps the upstream's path", async () => {
    const answer = await raw(`${proxyUrl}/create_task/1/2/?x=1`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-Bkapi-Authorization": '{"bk_app_code":"a"}',
        Connection: "keep-alive",
      },
      body: '{"name":"t"}',
    });
    expect(answer.status).toBe(418);
    expect(answer.headers["set-cookie"]).toEqual(["a=1", "b=2"]);
    expect(answer.headers["x-bkapi-error-code"]).toBe("1640001");
    expect(answer.headers["content-type"]).toBe("application/json; charset=utf-8");
    // Hop-by-hop headers are the connection's own and are not passed on.
    expect(answer.headers["x-hop"]).toBeUndefined();
    expect(JSON.parse(answer.body.toString())).toEqual({ result: false, echo: '{"name":"t"}' });
    const request_ = seen.at(-1);
    expect(request_?.url).toBe("/api/bk-sops/prod/create_task/1/2/?x=1");
    expect(request_?.headers["x-bkapi-authorization"]).toBe('{"bk_app_code":"a"}');
    expect(request_?.headers.host).toBe(new URL(upstreamUrl).host);
  });

  it("records what it forwarded: the request, the answer, and how long it took", async () => {
    await raw(`${proxyUrl}/get_template_list/2/`, { headers: { Cookie: "bk_token=t" } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const last = captured.at(-1) as Captured;
    expect(last.method).toBe("GET");
    expect(last.path).toBe("/get_template_list/2/");
    expect(last.upstreamUrl).toBe(`${target}/get_template_list/2/`);
    expect(last.requestHeaders.cookie).toBe("bk_token=t");
    expect(last.response?.status).toBe(418);
    expect(last.response?.body.toString()).toContain('"result": false');
    expect(last.ms).toBeGreaterThan(0);
  });

  it("hands compressed answers on compressed, and keeps them decompressed to check", async () => {
    const answer = await raw(`${proxyUrl}/gzip/`, { headers: { "Accept-Encoding": "gzip" } });
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(answer.body.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(JSON.parse((captured.at(-1) as Captured).response?.body.toString() ?? "")).toEqual({
      result: true,
      data: "compressed",
    });
  });

  it("answers 502 in bk-sops' envelope, marked as its own, when the upstream does not answer", async () => {
    const down = createServer((req, res) => {
      void forward(req, res, { upstream: new URL(`http://127.0.0.1:${port}`), timeoutMs: 2000 }).then((c) =>
        captured.push(c),
      );
    });
    const port = await closedPort();
    const url = await listen(down);
    const answer = await raw(`${url}/create_task/1/2/`, { method: "POST", body: "{}" });
    down.close();
    expect(answer.status).toBe(502);
    expect(answer.headers["x-bksops-proxy-error"]).toBe("1");
    expect(JSON.parse(answer.body.toString())).toMatchObject({ result: false, code: 502 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((captured.at(-1) as Captured).error).toBe("ECONNREFUSED");
  });
});
