import { MAX_BODY_BYTES } from "@bksops/domain";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServerContext } from "../../src/testing.js";
import { DEMO_AUTH, ESB_PATH, freshContext, gatewayPath, send, tableCounts } from "../helpers.js";

// Property-based hostile input. CI runs a few hundred cases per property; the long mode
// (`FUZZ_RUNS=10000 pnpm --filter @bksops/server run test:fuzz`) runs at least 10,000.
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
// Generous limits: the long mode runs for minutes on a 2-core machine.
const TIMEOUT = RUNS > 1000 ? 900_000 : 30_000;
const auth = { "X-Bkapi-Authorization": JSON.stringify(DEMO_AUTH) };
const KNOWN_STATUSES = new Set([200, 400, 404, 405, 413]);
const BK_SOPS_CODES = new Set([0, 3540000, 3540400, 3599999]);
let cases = 0;

/** What every answer must be: a documented status, a JSON envelope, and no change when refused. */
async function expectEnvelope(
  context: TestServerContext,
  request: () => Promise<{ status: number; text: string }>,
) {
  cases += 1;
  const before = tableCounts(context);
  const { status, text } = await request();
  expect(KNOWN_STATUSES.has(status), `status ${status}: ${text.slice(0, 200)}`).toBe(true);
  const body = JSON.parse(text);
  expect(typeof body.result).toBe("boolean");
  if (body.result === false) {
    expect(typeof body.message).toBe("string");
    expect(tableCounts(context)).toEqual(before);
    if (status === 200 && body.code !== undefined && !String(body.code).startsWith("1306")) {
      expect(BK_SOPS_CODES.has(body.code), `code ${body.code}`).toBe(true);
    }
  } else {
    expect(Number.isInteger(body.data.task_id)).toBe(true);
    expect(tableCounts(context).tasks).toBe((before.tasks ?? 0) + 1);
  }
}

const anyField = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.constantFrom(
    "'; DROP TABLE tasks; --",
    "\u0000",
    "\uD800",
    "🧨".repeat(60),
    "${__proto__}",
    "a".repeat(5000),
  ),
);

const hostileParams = fc.record(
  {
    name: anyField,
    flow_type: anyField,
    template_source: anyField,
    constants: fc.oneof(
      anyField,
      fc.dictionary(
        fc.oneof(
          fc.constantFrom("__proto__", "constructor", "prototype", "${__proto__}", "${content}"),
          fc.string(),
        ),
        anyField,
      ),
    ),
    exclude_task_nodes_id: fc.oneof(anyField, fc.array(anyField, { maxLength: 5 })),
    execute_task_nodes_id: fc.oneof(anyField, fc.array(anyField, { maxLength: 3 })),
    template_schemes_id: anyField,
    simplify_vars: anyField,
    callback_url: anyField,
    scope: anyField,
    pipeline_tree: fc.oneof(anyField, fc.dictionary(fc.string(), anyField)),
  },
  { requiredKeys: [] },
);

describe("hostile input never crashes the server or changes anything when refused", {
  timeout: TIMEOUT,
}, () => {
  let context: TestServerContext;
  beforeAll(() => {
    context = freshContext();
  });
  afterAll(() => {
    console.log(`hostile-input cases run: ${cases}`);
  });

  it("random JSON bodies", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        await expectEnvelope(context, () =>
          send(context, gatewayPath(), { body: JSON.stringify(value), headers: auth }),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it("random bytes and malformed JSON", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.json().map((json) => json.slice(0, -1)),
        ),
        async (text) => {
          await expectEnvelope(context, () => send(context, gatewayPath(), { body: text, headers: auth }));
          await expectEnvelope(context, () => send(context, ESB_PATH, { body: text }));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("wrong types, SQL fragments, odd Unicode and prototype keys in every field", async () => {
    await fc.assert(
      fc.asyncProperty(hostileParams, fc.constantFrom(1, 2, 3, 4, 100, 999), async (params, templateId) => {
        await expectEnvelope(context, () =>
          send(context, gatewayPath(templateId), { body: JSON.stringify(params), headers: auth }),
        );
        await expectEnvelope(context, () =>
          send(context, ESB_PATH, {
            body: JSON.stringify({ ...DEMO_AUTH, bk_biz_id: "2", template_id: templateId, ...params }),
          }),
        );
      }),
      { numRuns: RUNS },
    );
  });

  it("random credentials in the gateway header", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ bk_app_code: v })),
        ),
        async (header) => {
          await expectEnvelope(context, () =>
            send(context, gatewayPath(), { body: "{}", headers: { "X-Bkapi-Authorization": header } }),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("random methods and paths", async () => {
    const method = fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");
    const path = fc.oneof(
      fc.webPath(),
      fc.constantFrom(
        gatewayPath(),
        ESB_PATH,
        "/create_task/1/2/",
        "/create_task/x/2/",
        "/api/bk-sops/prod/create_task/",
      ),
    );
    await fc.assert(
      fc.asyncProperty(method, path, async (verb, target) => {
        // Not API routes: the health check, the spec, and the docs site (a redirect, a page, files).
        if (["/healthz", "/openapi.json", "/favicon.ico"].includes(target) || target.startsWith("/docs"))
          return;
        await expectEnvelope(context, async () => {
          const answer = await send(context, target.startsWith("/") ? target : `/${target}`, {
            method: verb,
            body: verb === "GET" || verb === "HEAD" ? undefined : "{}",
            headers: auth,
          });
          // HEAD answers carry no body; check the status alone.
          return verb === "HEAD"
            ? { status: answer.status, text: '{"result": false, "message": ""}' }
            : answer;
        });
      }),
      { numRuns: RUNS },
    );
  });

  it("huge strings and deeply nested values", async () => {
    const deep = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
    const bodies = [
      `{"name": "t", "constants": {"\${x}": ${deep(50_000)}}}`,
      `{"name": "t", "description": ${deep(100_000)}}`,
      `{"name": ${deep(200_000)}}`,
      JSON.stringify({ name: "n".repeat(MAX_BODY_BYTES - 100) }),
      JSON.stringify({ name: "t", description: "d".repeat(MAX_BODY_BYTES + 1) }),
      `{"name": "t", "exclude_task_nodes_id": [${Array(20_000).fill('"x"').join(",")}]}`,
    ];
    for (const body of bodies) {
      await expectEnvelope(context, () => send(context, gatewayPath(), { body, headers: auth }));
    }
  });
});
