// The Prism mock survives hostile input (scripts/mock-server.mjs): bodies over the size limit, not
// JSON, or nested too deep get the spec's documented answers from the front, in time; Prism keeps
// answering after them, and is started again when it dies.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { MAX_BODY_BYTES, MAX_JSON_DEPTH, nestingDepth } from "@bksops/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deref, listExamplePairs } from "../../packages/api-types/src/examples.js";
import type { OpenApiDocument } from "../../packages/api-types/src/spec.js";
import { bundleSpec } from "../scripts/bundle.mjs";
import { type MockServer, startMock } from "../scripts/mock-server.mjs";

const spec = bundleSpec() as OpenApiDocument;
const pairs = listExamplePairs(spec);
const AUTH = JSON.stringify({ bk_app_code: "esb_test", bk_app_secret: "xxx", bk_token: "xxx" });
const GATEWAY = "/create_task/1/2/";
const ESB = "/api/c/compapi/v2/sops/create_task/";
const ESB_CREDENTIALS = {
  bk_app_code: "esb_test",
  bk_app_secret: "xxx",
  bk_token: "xxx",
  bk_biz_id: "2",
  template_id: "1",
};
/** Without the front, Prism answers this and then exits (Prism 5.16). */
const PRISM_KILLING_DEPTH = 5_000;

/** A shared example of openapi.yaml, by component name. */
function example(name: string): unknown {
  const value = (spec.components?.examples as Record<string, { value: unknown }> | undefined)?.[name]?.value;
  if (value === undefined) throw new Error(`openapi.yaml has no example ${name}`);
  return value;
}
const TOO_LARGE = deref<{ content: { "application/json": { example: unknown } } }>(spec, {
  $ref: "#/components/responses/PayloadTooLarge",
}).content["application/json"].example;

function documented(operationId: string) {
  const pair = pairs.find((p) => p.operationId === operationId && p.name === "documented");
  if (!pair?.request) throw new Error(`no documented pair for ${operationId}`);
  return pair;
}

/** A valid ESB body whose `constants` nest `depth` levels deep in all. */
function nestedEsbBody(depth: number): string {
  const inner = depth - 1; // the body is the first level, `constants` the second
  return `${JSON.stringify({ ...ESB_CREDENTIALS, name: "deep" }).slice(0, -1)},"constants":${'{"a":'.repeat(inner)}1${"}".repeat(inner)}}`;
}

let mock: MockServer;

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * Sends a request; a mock that does not answer within `timeoutMs` fails the test (Prism's hang):
 * 10 s by default, more where Prism is being restarted (seconds on a busy machine).
 */
async function send(
  path: string,
  body: string | ReadableStream<Uint8Array> | undefined,
  headers: Record<string, string> = {},
  method = "POST",
  timeoutMs = 10_000,
): Promise<Answer> {
  const response = await fetch(`${mock.url}${path}`, {
    method,
    body,
    headers: { "content-type": "application/json", ...headers },
    signal: AbortSignal.timeout(timeoutMs),
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // keep the text for the assertion message
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/** The documented requests of both forms still get the documented answers. */
async function expectDocumentedAnswers(timeoutMs?: number) {
  const gateway = documented("createTask");
  const gatewayAnswer = await send(
    GATEWAY,
    JSON.stringify(gateway.request?.value),
    { "X-Bkapi-Authorization": AUTH },
    "POST",
    timeoutMs,
  );
  expect(gatewayAnswer.status).toBe(200);
  expect(gatewayAnswer.body).toEqual(gateway.response.value);
  const esb = documented("createTaskEsb");
  const esbAnswer = await send(ESB, JSON.stringify(esb.request?.value), {}, "POST", timeoutMs);
  expect(esbAnswer.status).toBe(200);
  expect(esbAnswer.body).toEqual(esb.response.value);
}

beforeAll(async () => {
  // Generous waits: Prism takes seconds to start again on a busy 2-core machine.
  mock = await startMock({ restartWaitMs: 45_000, prism: { timeoutMs: 45_000 } });
}, 60_000);

afterAll(async () => {
  await mock?.stop();
});

describe("bodies over the limit get the spec's 413 PayloadTooLarge", () => {
  it.each([
    ["gateway", GATEWAY, { "X-Bkapi-Authorization": AUTH }],
    ["ESB", ESB, {}],
  ])("%s form: a declared length of MAX_BODY_BYTES + 1", async (_form, path, headers) => {
    const answer = await send(path, "x".repeat(MAX_BODY_BYTES + 1), headers);
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual(TOO_LARGE);
  });

  it("a chunked body is cut off once it passes the limit, not read to its end", async () => {
    const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        // Far past the limit and the front's discard bound: the front must stop reading first.
        if (sent > 64 * MAX_BODY_BYTES) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const answer = await send(ESB, endless);
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual(TOO_LARGE);
    expect(sent).toBeLessThan(64 * MAX_BODY_BYTES);
  });

  it("a body of exactly MAX_BODY_BYTES is passed on to Prism", async () => {
    const esb = documented("createTaskEsb");
    const body = JSON.stringify(esb.request?.value).padEnd(MAX_BODY_BYTES, " ");
    const answer = await send(ESB, body);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(esb.response.value);
  });
});

describe("bodies nested deeper than the reference server reads get its answer", () => {
  it("the bodies below nest exactly as deep as they say", () => {
    expect(nestingDepth(nestedEsbBody(MAX_JSON_DEPTH))).toBe(MAX_JSON_DEPTH);
    expect(JSON.parse(nestedEsbBody(MAX_JSON_DEPTH))).toMatchObject({ name: "deep" });
  });

  it("MAX_JSON_DEPTH levels are passed on to Prism", async () => {
    const answer = await send(ESB, nestedEsbBody(MAX_JSON_DEPTH));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(documented("createTaskEsb").response.value);
  });

  it.each([MAX_JSON_DEPTH + 1, PRISM_KILLING_DEPTH])(
    "%i levels: the ESB's answer to a body without credentials, and the same Prism answers on",
    async (depth) => {
      const pid = mock.prism?.pid;
      const answer = await send(ESB, nestedEsbBody(depth));
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(example("EsbMissingAppCodeResponse"));
      await expectDocumentedAnswers();
      expect(mock.prism?.pid).toBe(pid);
      expect(mock.restarts).toBe(0);
    },
  );

  it("gateway form with credentials: bk-sops' `invalid param format`", async () => {
    const deep = "[".repeat(PRISM_KILLING_DEPTH) + "]".repeat(PRISM_KILLING_DEPTH);
    const answer = await send(GATEWAY, deep, { "X-Bkapi-Authorization": AUTH });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(example("NonObjectBodyResponse"));
  });
});

describe("a body that is not JSON gets the documented answer of its form, not a hang", () => {
  it("gateway form with credentials: bk-sops' `invalid param format` (HTTP 200), with a trace id", async () => {
    const answer = await send(GATEWAY, '{"name": "tasktest",', {
      "X-Bkapi-Authorization": AUTH,
      Traceparent: "trace-of-the-test",
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(example("NonObjectBodyResponse"));
    expect(answer.headers.get("sops-trace-id")).toBe("trace-of-the-test");
  });

  it("gateway form without credentials: the gateway's 400, `app code cannot be empty`, in body and headers", async () => {
    const answer = await send(GATEWAY, "name=tasktest");
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(example("GatewayMissingAppCodeResponse"));
    expect(answer.headers.get("x-bkapi-error-code")).toBe("1640001");
    expect(answer.headers.get("x-bkapi-error-message")).toBe(
      (example("GatewayMissingAppCodeResponse") as { message: string }).message,
    );
  });

  it("ESB form: the credentials are in the body, so `APP Code [bk_app_code] cannot be empty`", async () => {
    const answer = await send(ESB, "{bk_app_code: esb_test}", { "content-type": "text/plain" });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(example("EsbMissingAppCodeResponse"));
  });

  it("every operation that takes a body answers one of those documented answers", async () => {
    const known = [
      example("NonObjectBodyResponse"),
      example("GatewayMissingAppCodeResponse"),
      example("EsbMissingAppCodeResponse"),
    ];
    const operations = Object.entries(spec.paths ?? {}).flatMap(([path, item]) =>
      Object.entries(deref<Record<string, { requestBody?: unknown; operationId?: string }>>(spec, item))
        .filter(([, operation]) => operation?.requestBody)
        .map(([method, operation]) => ({ path, method, operationId: operation.operationId })),
    );
    expect(operations.length).toBeGreaterThan(0);
    for (const { path, method, operationId } of operations) {
      // Any value fits a path parameter here: the mock matches templates, not values.
      const concrete = path.replace(/\{[^}]+\}/g, "1");
      const answer = await send(concrete, "{", { "X-Bkapi-Authorization": AUTH }, method.toUpperCase());
      expect(known, `${operationId} answered ${JSON.stringify(answer.body)}`).toContainEqual(answer.body);
    }
  });

  it.each([
    ["a path the spec does not have", "/no/such/path/", "POST", 404],
    ["a method the path does not have", ESB, "PUT", 405],
  ])("%s: Prism's own answer (%s %s), not a hang", async (_label, path, method, status) => {
    const answer = await send(path, "{not json", {}, method);
    expect(answer.status).toBe(status);
  });

  it("afterwards, Prism still answers the documented requests, and was never restarted", async () => {
    await expectDocumentedAnswers();
    expect(mock.restarts).toBe(0);
  });
});

describe("Prefer works through the front", () => {
  it("`Prefer: code=…, example=…` selects a named error example", async () => {
    const answer = await send(ESB, JSON.stringify({ ...ESB_CREDENTIALS, name: "tasktest" }), {
      Prefer: "example=esb_wrong_secret",
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(example("EsbWrongSecretResponse"));
  });
});

describe("Prism is started again when it dies", () => {
  it("a request sent while Prism is down waits for the new Prism and gets the documented answer", async () => {
    const before = mock.prism;
    if (!before) throw new Error("Prism is not running");
    process.kill(before.pid, "SIGKILL");
    // The front holds the requests until the new Prism answers (restartWaitMs above).
    await expectDocumentedAnswers(50_000);
    expect(mock.restarts).toBe(1);
    expect(mock.prism?.pid).not.toBe(before.pid);
  }, 120_000);
});

describe("a mock that cannot wait for Prism says so", () => {
  let impatient: MockServer;
  beforeAll(async () => {
    impatient = await startMock({ restartWaitMs: 1, prism: { timeoutMs: 45_000 } });
  }, 60_000);
  afterAll(async () => {
    await impatient?.stop();
  });

  it("while Prism restarts: 503 problem+json with Retry-After; then answers again", async () => {
    const before = impatient.prism;
    if (!before) throw new Error("Prism is not running");
    process.kill(before.pid, "SIGKILL");
    await before.exited;
    const response = await fetch(`${impatient.url}${ESB}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(documented("createTaskEsb").request?.value),
      signal: AbortSignal.timeout(10_000),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(await response.json()).toMatchObject({ status: 503, title: "Prism is restarting" });

    // The restart goes on in the background: the mock answers again once it is done.
    const deadline = Date.now() + 45_000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const retry = await fetch(`${impatient.url}${ESB}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(documented("createTaskEsb").request?.value),
      });
      status = retry.status;
      await retry.arrayBuffer();
    }
    expect(status).toBe(200);
    expect(impatient.restarts).toBe(1);
  }, 60_000);
});

describe("npm run mock", () => {
  it("reports a port in use at once, naming --port and MOCK_PORT, and exits 1", async () => {
    const taken = createServer();
    taken.listen(0, "127.0.0.1");
    await once(taken, "listening");
    const address = taken.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const child = spawn(process.execPath, ["scripts/mock.mjs", "--port", String(port)], {
        cwd: new URL("..", import.meta.url),
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
      const started = Date.now();
      const [code] = await once(child, "exit");
      expect(code).toBe(1);
      expect(output).toMatch(new RegExp(`port ${port} .*in use.*--port N or set MOCK_PORT`));
      // Before Prism's start (seconds): the front's port is tried first.
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      taken.close();
    }
  });
});
