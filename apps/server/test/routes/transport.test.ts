import { MAX_BODY_BYTES } from "@bksops/domain";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestServerContext } from "../../src/testing.js";
import { DEMO_AUTH, ESB_PATH, freshContext, gatewayPath, send, tableCounts } from "../helpers.js";

const auth = { "X-Bkapi-Authorization": JSON.stringify(DEMO_AUTH) };

describe("bad requests get the documented envelope, never a crash", () => {
  let context: TestServerContext;
  beforeAll(() => {
    context = freshContext();
  });

  const bodyCases: Array<
    [string, { body: string; headers?: Record<string, string>; want: Record<string, unknown> }]
  > = [
    [
      "malformed JSON",
      { body: '{"name": ', want: { result: false, message: "invalid param format", code: 3540000 } },
    ],
    ["a JSON list", { body: "[1]", want: { result: false, message: "invalid param format", code: 3540000 } }],
    ["JSON null", { body: "null", want: { result: false, message: "invalid param format", code: 3540000 } }],
    [
      "a JSON string",
      { body: '"x"', want: { result: false, message: "invalid param format", code: 3540000 } },
    ],
    [
      "a form-encoded body",
      {
        body: "name=t",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        want: { result: false, message: "invalid param format", code: 3540000 },
      },
    ],
    [
      "an empty body",
      {
        body: "",
        want: {
          result: false,
          data: null,
          message: "非法请求: 数据错误, 请求不是合法的Json格式 | validate",
          code: 3540000,
        },
      },
    ],
  ];
  it.each(bodyCases)("%s", async (_name, { body, headers, want }) => {
    const before = tableCounts(context);
    const answer = await send(context, gatewayPath(), { body, headers: { ...auth, ...headers } });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(want);
    expect(tableCounts(context)).toEqual(before);
  });

  it("nesting deeper than Python's json.loads can read is an invalid body; 1,000 levels are fine", async () => {
    const nested = (depth: number) =>
      `{"name": "t", "description": ${"[".repeat(depth - 1)}${"]".repeat(depth - 1)}}`;
    const deepest = await send(context, gatewayPath(), { body: nested(1000), headers: auth });
    expect(deepest.json.result).toBe(true);
    const deeper = await send(context, gatewayPath(), { body: nested(1001), headers: auth });
    expect(deeper.json).toEqual({ result: false, message: "invalid param format", code: 3540000 });
  });

  it("a JSON body sent as text/plain is read like bk-sops reads it: as JSON", async () => {
    const answer = await send(context, gatewayPath(), {
      body: JSON.stringify({ name: "t" }),
      headers: { ...auth, "Content-Type": "text/plain" },
    });
    expect(answer.json.result).toBe(true);
  });

  it.each(["GET", "PUT", "DELETE", "PATCH"])(
    "%s on create_task is answered 405 with Allow: POST",
    async (method) => {
      for (const path of [gatewayPath(), ESB_PATH]) {
        const answer = await send(context, path, { method, body: method === "GET" ? undefined : "{}" });
        expect(answer.status).toBe(405);
        expect(answer.headers.get("Allow")).toBe("POST");
        expect(answer.json).toEqual({
          result: false,
          message: `method ${method} is not allowed, use POST`,
          code: 3540000,
        });
      }
    },
  );

  it.each([
    ["an unknown path", "/nope"],
    ["a template id that is not digits", "/api/bk-sops/prod/create_task/abc/2/"],
    ["a path without its trailing slash", "/api/bk-sops/prod/create_task/1/2"],
  ])("%s is answered 404 API_NOT_FOUND", async (_name, path) => {
    const answer = await send(context, path, { body: "{}", headers: auth });
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({
      code: 1640401,
      code_name: "API_NOT_FOUND",
      message: "API not found",
      result: false,
      data: null,
    });
  });

  it("ids that are not digits: the gateway checks the credentials first, then the path is refused", async () => {
    const path = "/api/bk-sops/prod/create_task/abc/2/";
    const bad = await send(context, path, { body: "{}", headers: { "X-Bkapi-Authorization": "{}" } });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toBe('Parameters error [reason="app code cannot be empty"]');
    const good = await send(context, path, { body: "{}", headers: auth });
    expect(good.status).toBe(404);
    expect(good.json.code).toBe(1640401);
  });

  it("a body over 1 MiB is refused with 413 and stores nothing", async () => {
    const before = tableCounts(context);
    const body = JSON.stringify({ name: "t", description: "x".repeat(MAX_BODY_BYTES) });
    const answer = await send(context, gatewayPath(), { body, headers: auth });
    expect(answer.status).toBe(413);
    expect(answer.json).toEqual({
      result: false,
      message: "request body is larger than 1048576 bytes (1 MiB)",
      code: 3540000,
    });
    expect(tableCounts(context)).toEqual(before);
  });

  it("answers CORS preflights for browser frontends", async () => {
    const response = await context.app.request(gatewayPath(), {
      method: "OPTIONS",
      headers: {
        Origin: "http://localhost:5173",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "X-Bkapi-Authorization, Content-Type",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(response.headers.get("Access-Control-Allow-Headers")).toContain("X-Bkapi-Authorization");
  });

  it("escapes non-ASCII in answers as Django's JsonResponse does", async () => {
    const answer = await send(context, gatewayPath(), { body: { name: "任务" }, headers: auth });
    expect(answer.text).not.toContain("任务");
    expect(answer.json.result).toBe(true);
    expect(context.store.tasks.find(answer.json.data.task_id)?.name).toBe("任务");
  });

  it("has a health route", async () => {
    const answer = await send(context, "/healthz", { method: "GET" });
    expect(answer.json).toMatchObject({ status: "ok" });
  });
});

describe("CORS with a list of allowed origins", () => {
  it("allows the listed origins and no other, on preflights and on answers", async () => {
    const { createApp } = await import("../../src/app.js");
    const { store, engine } = freshContext();
    const app = createApp({
      store,
      engine,
      bkSopsHost: "http://bk_sops_host/",
      corsOrigins: ["http://localhost:5173"],
    });
    const preflight = (origin: string) =>
      app.request(gatewayPath(), {
        method: "OPTIONS",
        headers: { Origin: origin, "Access-Control-Request-Method": "POST" },
      });
    expect((await preflight("http://localhost:5173")).headers.get("Access-Control-Allow-Origin")).toBe(
      "http://localhost:5173",
    );
    expect((await preflight("http://evil.test")).headers.get("Access-Control-Allow-Origin")).toBeNull();
    const post = (origin: string) =>
      app.request(gatewayPath(), {
        method: "POST",
        body: JSON.stringify({ name: "t" }),
        headers: { Origin: origin, ...auth },
      });
    const allowed = await post("http://localhost:5173");
    expect(allowed.headers.get("Access-Control-Allow-Origin")).toBe("http://localhost:5173");
    expect(allowed.headers.get("Access-Control-Expose-Headers")).toContain("Sops-Trace-Id");
    expect((await post("http://evil.test")).headers.get("Access-Control-Allow-Origin")).toBeNull();
  });
});
