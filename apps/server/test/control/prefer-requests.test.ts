import { describe, expect, it } from "vitest";
import { createTestContext } from "../../src/testing.js";
import { controlledContext, DEMO_AUTH, ESB_PATH, gatewayPath, send, tableCounts } from "../helpers.js";

const auth = { "X-Bkapi-Authorization": JSON.stringify(DEMO_AUTH) };
const esbBody = { ...DEMO_AUTH, bk_biz_id: "2", template_id: "1", name: "tasktest" };

/** A create_task through `form` with `Prefer: prefer` and a valid request. */
function withPrefer(context: ReturnType<typeof controlledContext>, form: "gateway" | "esb", prefer: string) {
  return form === "gateway"
    ? send(context, gatewayPath(), { body: { name: "tasktest" }, headers: { ...auth, Prefer: prefer } })
    : send(context, ESB_PATH, { body: esbBody, headers: { Prefer: prefer } });
}

describe("Prefer forces the answer of an operation, without code", () => {
  const context = controlledContext();

  const cases: Array<
    [string, { form: "gateway" | "esb"; prefer: string; status: number; body: Record<string, unknown> }]
  > = [
    [
      "example alone: that named example",
      {
        form: "gateway",
        prefer: "example=template_not_found",
        status: 200,
        body: { result: false, code: 3540400, data: null },
      },
    ],
    [
      "example alone, at the status that documents it (not 200)",
      {
        form: "gateway",
        prefer: "example=gateway_wrong_secret",
        status: 400,
        body: { code: 1640001, code_name: "INVALID_ARGS" },
      },
    ],
    [
      "code + example, as Prism reads them",
      {
        form: "gateway",
        prefer: "code=400, example=gateway_missing_app_code",
        status: 400,
        body: { message: 'Parameters error [reason="app code cannot be empty"]' },
      },
    ],
    [
      "code alone: the status's documented example (permission denied)",
      {
        form: "gateway",
        prefer: "code=403",
        status: 403,
        body: { code: 1640301, code_name: "APP_NO_PERMISSION" },
      },
    ],
    [
      "code alone: not found",
      { form: "gateway", prefer: "code=404", status: 404, body: { code: 1640401, message: "API not found" } },
    ],
    [
      "an error status the operation does not document: the server's error envelope",
      {
        form: "gateway",
        prefer: "code=500",
        status: 500,
        body: {
          result: false,
          code: 3599999,
          message: "HTTP 500 forced by scenario control (createTask does not document this status)",
        },
      },
    ],
    [
      "503 on the ESB form",
      { form: "esb", prefer: "code=503", status: 503, body: { result: false, code: 3599999 } },
    ],
    [
      "an ESB example",
      {
        form: "esb",
        prefer: "example=esb_wrong_secret",
        status: 200,
        body: { result: false, code: 1306000, data: null },
      },
    ],
  ];
  it.each(cases)("%s", async (_name, { form, prefer, status, body }) => {
    const before = tableCounts(context);
    const answer = await withPrefer(context, form, prefer);
    expect(answer.status).toBe(status);
    expect(answer.json).toMatchObject(body);
    // A forced answer skips the operation: nothing is created.
    expect(tableCounts(context)).toEqual(before);
  });

  it("gives a forced answer the request's trace id, and a fresh ESB request_id", async () => {
    const gateway = await send(context, gatewayPath(), {
      body: { name: "t" },
      headers: { ...auth, Prefer: "example=missing_name", Traceparent: "trace-me" },
    });
    // The spec's example carries another trace id.
    expect(gateway.json).toMatchObject({ result: false, code: 3540000, trace_id: "trace-me" });
    expect(gateway.headers.get("Sops-Trace-Id")).toBe("trace-me");
    const first = await withPrefer(context, "esb", "example=esb_wrong_secret");
    const second = await withPrefer(context, "esb", "example=esb_wrong_secret");
    expect(first.json.request_id).toMatch(/^[0-9a-f]{32}$/);
    expect(first.json.request_id).not.toBe(second.json.request_id);
  });

  it("repeats a gateway error in the X-Bkapi-Error headers, as the gateway does", async () => {
    const answer = await withPrefer(context, "gateway", "code=403");
    expect(answer.headers.get("X-Bkapi-Error-Code")).toBe("1640301");
    expect(answer.headers.get("X-Bkapi-Error-Message")).toBe("App has no permission to the resource");
  });

  it("needs no valid credentials to force an answer", async () => {
    const answer = await send(context, gatewayPath(), { body: "{}", headers: { Prefer: "code=404" } });
    expect(answer.status).toBe(404);
  });

  it("delay alone: the operation runs and its answer leaves at least that late", async () => {
    const before = context.store.tasks.total();
    const started = performance.now();
    const answer = await withPrefer(context, "gateway", "delay=150");
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    expect(answer.json.result).toBe(true);
    expect(context.store.tasks.total()).toBe(before + 1);
  });

  it("delay with a forced answer delays that answer", async () => {
    const started = performance.now();
    const answer = await withPrefer(context, "gateway", "code=500, delay=120");
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    expect(answer.status).toBe(500);
  });

  it("ignores preferences that are not ours", async () => {
    const answer = await withPrefer(context, "gateway", "return=minimal, dynamic=true");
    expect(answer.status).toBe(200);
    expect(answer.json.result).toBe(true);
  });

  const misuse: Array<[string, { form: "gateway" | "esb"; prefer: string; message: RegExp }]> = [
    [
      "an unknown example name, listing the operation's examples",
      {
        form: "gateway",
        prefer: "example=nope",
        message:
          /^Prefer: createTask has no example named "nope"; its examples: documented, with_constants, /,
      },
    ],
    [
      "an example of the other form",
      {
        form: "esb",
        prefer: "example=gateway_wrong_secret",
        message:
          /^Prefer: createTaskEsb has no example named "gateway_wrong_secret"; its examples: documented, esb_/,
      },
    ],
    [
      "code + an example documented under another status",
      {
        form: "gateway",
        prefer: "code=200, example=gateway_wrong_secret",
        message: /^Prefer: createTask's example "gateway_wrong_secret" is documented for HTTP 400, not 200$/,
      },
    ],
    [
      "a success status the operation does not document",
      {
        form: "gateway",
        prefer: "code=201",
        message:
          /^Prefer: createTask documents no example for HTTP 201 \(documented: 200, 400, 403, 404, 405, 413\)/,
      },
    ],
    [
      "a code that is not a number",
      { form: "esb", prefer: "code=abc", message: /^Prefer: code must be an integer/ },
    ],
    [
      "a negative delay",
      { form: "gateway", prefer: "delay=-5", message: /^Prefer: delay must be an integer/ },
    ],
  ];
  it.each(misuse)("answers misuse with 400 in the envelope: %s", async (_name, { form, prefer, message }) => {
    const before = tableCounts(context);
    const answer = await withPrefer(context, form, prefer);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ result: false, message: expect.stringMatching(message), code: 3540000 });
    expect(tableCounts(context)).toEqual(before);
  });
});

describe("with the controls off", () => {
  const context = createTestContext();

  it("Prefer is ignored: the operation answers as usual", async () => {
    const answer = await send(context, gatewayPath(), {
      body: { name: "t" },
      headers: { ...auth, Prefer: "code=500, example=nope" },
    });
    expect(answer.status).toBe(200);
    expect(answer.json.result).toBe(true);
  });

  it("the control API is not served: an unknown path", async () => {
    for (const [method, path] of [
      ["GET", "/_bksops/status"],
      ["POST", "/_bksops/reset"],
      ["GET", "/_bksops/journal"],
    ] as const) {
      const answer = await send(context, path, { method });
      expect(answer.status).toBe(404);
      expect(answer.json).toMatchObject({ code: 1640401, message: "API not found" });
    }
  });
});
