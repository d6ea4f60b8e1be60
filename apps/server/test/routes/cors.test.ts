import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/server.js";
import { createTestContext } from "../../src/testing.js";
import { DEMO_AUTH, gatewayPath } from "../helpers.js";

const FRONTEND = "http://localhost:5173";

/** Raw HTTP, so every header (Origin included) goes out as written. */
function raw(url: string, method: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>(
    (resolve, reject) => {
      const request = httpRequest(url, { method, headers }, (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
      });
      request.on("error", reject);
      request.end(body);
    },
  );
}

describe("CORS for a frontend on a listed origin, with cookies (over HTTP)", () => {
  const context = createTestContext({ corsOrigins: [FRONTEND, "http://127.0.0.1:3000"], controls: true });
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(context.app.fetch, { port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    context.controls?.close();
    await server.close();
  });

  it("a preflight gets the origin itself, credentials, and the headers the browser asks for", async () => {
    const answer = await raw(`${server.url}${gatewayPath()}`, "OPTIONS", {
      Origin: FRONTEND,
      "Access-Control-Request-Method": "POST",
      "Access-Control-Request-Headers": "x-bkapi-authorization, content-type, prefer, x-custom-thing",
    });
    expect(answer.status).toBe(204);
    expect(answer.headers).toMatchObject({
      "access-control-allow-origin": FRONTEND,
      "access-control-allow-credentials": "true",
      "access-control-allow-headers": "x-bkapi-authorization,content-type,prefer,x-custom-thing",
      "access-control-allow-methods": "GET,POST,PUT,DELETE,OPTIONS",
      "access-control-max-age": "600",
    });
    expect(answer.headers.vary).toMatch(/Origin/);
    expect(answer.headers.vary).toMatch(/Access-Control-Request-Headers/);
  });

  it("a request gets the origin, credentials and bk-sops' own headers exposed", async () => {
    const answer = await raw(
      `${server.url}${gatewayPath()}`,
      "POST",
      {
        Origin: FRONTEND,
        Cookie: "bk_token=xxx",
        "Content-Type": "application/json",
        "X-Bkapi-Authorization": JSON.stringify(DEMO_AUTH),
      },
      JSON.stringify({ name: "from the browser" }),
    );
    expect(answer.status).toBe(200);
    expect(answer.headers).toMatchObject({
      "access-control-allow-origin": FRONTEND,
      "access-control-allow-credentials": "true",
      "access-control-expose-headers": "Sops-Trace-Id,X-Bkapi-Error-Code,X-Bkapi-Error-Message",
    });
    expect(answer.headers.vary).toMatch(/Origin/);
  });

  it("the control API answers the same way (the frontend reads the journal and resets)", async () => {
    const preflight = await raw(`${server.url}/_bksops/reset`, "OPTIONS", {
      Origin: FRONTEND,
      "Access-Control-Request-Method": "POST",
      "Access-Control-Request-Headers": "content-type",
    });
    expect(preflight.headers["access-control-allow-origin"]).toBe(FRONTEND);
    const journal = await raw(`${server.url}/_bksops/journal`, "GET", { Origin: FRONTEND });
    expect(journal.status).toBe(200);
    expect(journal.headers["access-control-allow-credentials"]).toBe("true");
  });

  it("an origin not listed gets no CORS grant", async () => {
    const answer = await raw(`${server.url}${gatewayPath()}`, "OPTIONS", {
      Origin: "http://evil.test",
      "Access-Control-Request-Method": "POST",
    });
    expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
    expect(answer.headers["access-control-allow-credentials"]).toBeUndefined();
  });
});

describe("CORS with the default `*`", () => {
  const context = createTestContext();

  it("answers any origin with *, without credentials (browsers refuse both together)", async () => {
    const response = await context.app.request(gatewayPath(), {
      method: "OPTIONS",
      headers: {
        Origin: FRONTEND,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "X-Bkapi-Authorization, Prefer",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(response.headers.get("Access-Control-Allow-Credentials")).toBeNull();
    expect(response.headers.get("Access-Control-Allow-Headers")).toBe("X-Bkapi-Authorization,Prefer");
    expect(response.headers.get("Vary")).not.toMatch(/Origin/);
  });

  it("a listed origin next to * gets itself and credentials; others get *", async () => {
    const mixed = createTestContext({ corsOrigins: ["*", FRONTEND] });
    const listed = await mixed.app.request("/healthz", { headers: { Origin: FRONTEND } });
    expect(listed.headers.get("Access-Control-Allow-Origin")).toBe(FRONTEND);
    expect(listed.headers.get("Access-Control-Allow-Credentials")).toBe("true");
    const other = await mixed.app.request("/healthz", { headers: { Origin: "http://other.test" } });
    expect(other.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(other.headers.get("Access-Control-Allow-Credentials")).toBeNull();
  });
});
