import type { RuleInput } from "@bksops/api-types/control";
import { describe, expect, it } from "vitest";
import { type Claims, type RequestFacts, RuleBook } from "../../src/control/rules.js";
import {
  control,
  controlledContext,
  DEMO_AUTH,
  ESB_PATH,
  gatewayPath,
  send,
  tableCounts,
} from "../helpers.js";

const facts = (operation: string, form: "gateway" | "esb", claims: Claims = {}): RequestFacts => ({
  operation,
  form,
  claims,
});

describe("which rule applies to a request", () => {
  const cases: Array<[string, RuleInput["match"], RequestFacts, boolean]> = [
    ["no match fields: every request", {}, facts("create_task", "esb"), true],
    ["operation", { operation: "create_task" }, facts("create_task", "gateway"), true],
    ["another operation", { operation: "get_task_status" }, facts("create_task", "gateway"), false],
    ["form", { form: "esb" }, facts("create_task", "esb"), true],
    ["the other form", { form: "esb" }, facts("create_task", "gateway"), false],
    ["template", { template_id: "1" }, facts("create_task", "gateway", { templateId: "1" }), true],
    [
      "template given as a number",
      { template_id: 1 },
      facts("create_task", "esb", { templateId: "1" }),
      true,
    ],
    ["another template", { template_id: "2" }, facts("create_task", "gateway", { templateId: "1" }), false],
    ["no template in the request", { template_id: "1" }, facts("create_task", "gateway", {}), false],
    ["app", { app: "esb_test" }, facts("create_task", "gateway", { app: "esb_test" }), true],
    ["another app", { app: "esb_test" }, facts("create_task", "gateway", { app: "other" }), false],
    ["user", { user: "guest" }, facts("create_task", "gateway", { user: "guest" }), true],
    ["another user", { user: "guest" }, facts("create_task", "gateway", { user: "admin" }), false],
    [
      "every field must hold",
      { operation: "create_task", form: "gateway", user: "admin" },
      facts("create_task", "esb", { user: "admin" }),
      false,
    ],
  ];
  it.each(cases)("%s", (_name, match, request, applies) => {
    const book = new RuleBook();
    book.add({ match, fault: "server_error" });
    expect(book.take(request) !== undefined).toBe(applies);
  });

  it("tries the newest rule first", () => {
    const book = new RuleBook();
    const older = book.add({ fault: "server_error" });
    const newer = book.add({ match: { operation: "create_task" }, fault: "reset" });
    expect(book.take(facts("create_task", "gateway"))?.id).toBe(newer.id);
    expect(book.take(facts("get_task_status", "gateway"))?.id).toBe(older.id);
    expect(book.list().map((rule) => rule.id)).toEqual([newer.id, older.id]);
  });

  it("applies once, N times, or always", () => {
    const book = new RuleBook();
    const always = book.add({ fault: "server_error" });
    const twice = book.add({ fault: "reset", times: 2 });
    const once = book.add({ fault: "no_answer", times: 1 });
    const request = facts("create_task", "gateway");
    const taken = Array.from({ length: 5 }, () => book.take(request)?.id);
    expect(taken).toEqual([once.id, twice.id, twice.id, always.id, always.id]);
    expect(book.list()).toEqual([expect.objectContaining({ id: always.id, hits: 2, remaining: null })]);
  });

  it("reads the request's claims only while a rule needs them", () => {
    const book = new RuleBook();
    book.add({ match: { operation: "create_task" }, fault: "reset" });
    expect(book.needsClaims).toBe(false);
    const byUser = book.add({ match: { user: "guest" }, fault: "reset" });
    expect(book.needsClaims).toBe(true);
    book.delete(byUser.id);
    expect(book.needsClaims).toBe(false);
  });
});

describe("rules through the control API", () => {
  const auth = { "X-Bkapi-Authorization": JSON.stringify(DEMO_AUTH) };
  const guestAuth = { "X-Bkapi-Authorization": JSON.stringify({ ...DEMO_AUTH, bk_token: "guest-token" }) };

  it("are created, listed, read, deleted and cleared", async () => {
    const context = controlledContext();
    const created = await control(context, "POST", "/rules", {
      description: "refuse once",
      match: { operation: "create_task", form: "gateway" },
      respond: { status: 403 },
      times: 1,
    });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      result: true,
      data: {
        id: 1,
        description: "refuse once",
        match: { operation: "create_task", form: "gateway" },
        respond: { status: 403 },
        times: 1,
        created_at: expect.any(String),
        hits: 0,
        remaining: 1,
      },
    });
    await control(context, "POST", "/rules", { delay: { ms: 5 } });
    expect((await control(context, "GET", "/rules")).json.data.map((r: { id: number }) => r.id)).toEqual([
      2, 1,
    ]);
    expect((await control(context, "GET", "/rules/1")).json.data.id).toBe(1);
    expect((await control(context, "DELETE", "/rules/1")).json.data.id).toBe(1);
    const gone = await control(context, "GET", "/rules/1");
    expect(gone.status).toBe(404);
    expect(gone.json).toEqual({ result: false, message: "there is no rule 1", code: 3540400 });
    expect((await control(context, "DELETE", "/rules")).json).toEqual({ result: true, data: { deleted: 1 } });
    expect((await control(context, "GET", "/rules")).json.data).toEqual([]);
  });

  it("force answers, named examples and statuses, to matching requests only", async () => {
    const context = controlledContext();
    await control(context, "POST", "/rules", {
      match: { operation: "create_task", form: "esb", app: "esb_test" },
      respond: { example: "esb_template_not_found" },
      times: 2,
    });
    await control(context, "POST", "/rules", { match: { user: "guest" }, respond: { status: 403 } });
    const before = tableCounts(context);
    const esb = { ...DEMO_AUTH, bk_biz_id: "2", template_id: "1", name: "t" };
    const first = await send(context, ESB_PATH, { body: esb });
    expect(first.json).toMatchObject({
      result: false,
      code: 1306000,
      message: expect.stringContaining("999"),
    });
    await send(context, ESB_PATH, { body: esb });
    // Used up: the third ESB request runs for real.
    expect((await send(context, ESB_PATH, { body: esb })).json.result).toBe(true);
    // The user rule matches the guest's token, through the gateway's header.
    const guest = await send(context, gatewayPath(), { body: { name: "t" }, headers: guestAuth });
    expect(guest.status).toBe(403);
    expect(guest.json.code).toBe(1640301);
    expect((await send(context, gatewayPath(), { body: { name: "t" }, headers: auth })).json.result).toBe(
      true,
    );
    expect(tableCounts(context).tasks).toBe(before.tasks + 2);
  });

  it("match templates named in the path (gateway) or the body (ESB)", async () => {
    const context = controlledContext();
    await control(context, "POST", "/rules", { match: { template_id: "2" }, respond: { status: 502 } });
    const two = await send(context, gatewayPath(2), { body: { name: "t" }, headers: auth });
    expect(two.status).toBe(502);
    const esbTwo = await send(context, ESB_PATH, {
      body: { ...DEMO_AUTH, bk_biz_id: "2", template_id: 2, name: "t" },
    });
    expect(esbTwo.status).toBe(502);
    expect((await send(context, gatewayPath(1), { body: { name: "t" }, headers: auth })).status).toBe(200);
  });

  it("answer a given status and body as they are, with extra headers", async () => {
    const context = controlledContext();
    await control(context, "POST", "/rules", {
      match: { operation: "create_task" },
      respond: {
        status: 429,
        body: { result: false, message: "slow down" },
        headers: { "Retry-After": "1" },
      },
    });
    const answer = await send(context, gatewayPath(), { body: { name: "t" }, headers: auth });
    expect(answer.status).toBe(429);
    expect(answer.json).toEqual({ result: false, message: "slow down" });
    expect(answer.headers.get("Retry-After")).toBe("1");
  });

  it("inject a 500 with the server's internal-error envelope", async () => {
    const context = controlledContext();
    await control(context, "POST", "/rules", { fault: "server_error", times: 1 });
    const answer = await send(context, gatewayPath(), {
      body: { name: "t" },
      headers: { ...auth, Traceparent: "t-500" },
    });
    expect(answer.status).toBe(500);
    expect(answer.json).toEqual({
      result: false,
      message: "internal error, trace_id=t-500",
      code: 3599999,
      trace_id: "t-500",
    });
  });

  it("delay the real answer by a random amount within the bounds", async () => {
    const context = controlledContext();
    await control(context, "POST", "/rules", { delay: { min_ms: 60, max_ms: 90 }, times: 1 });
    const started = performance.now();
    const answer = await send(context, gatewayPath(), { body: { name: "t" }, headers: auth });
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    expect(answer.json.result).toBe(true);
    const entry = context.controls.journal.read({ operation: "create_task" }).at(-1);
    expect(entry?.scenario?.delay_ms).toBeGreaterThanOrEqual(60);
    expect(entry?.scenario?.delay_ms).toBeLessThanOrEqual(90);
  });

  it("lose to a request's own Prefer, which uses none of them", async () => {
    const context = controlledContext();
    await control(context, "POST", "/rules", { fault: "server_error", times: 1 });
    const preferred = await send(context, gatewayPath(), {
      body: { name: "t" },
      headers: { ...auth, Prefer: "code=404" },
    });
    expect(preferred.status).toBe(404);
    expect((await control(context, "GET", "/rules")).json.data[0].remaining).toBe(1);
  });

  const refused: Array<[string, unknown, RegExp]> = [
    ["a body that is not JSON", "{", /^the body must be a JSON object$/],
    ["a list", [], /^a rule is a JSON object$/],
    ["a rule that changes nothing", { match: { operation: "create_task" } }, /needs respond, fault or delay/],
    ["respond and fault together", { respond: { status: 500 }, fault: "reset" }, /not both/],
    [
      "an unknown fault",
      { fault: "explode" },
      /^request body: \/fault must be equal to one of the allowed values/,
    ],
    ["an unknown key", { fault: "reset", when: "now" }, /must NOT have additional properties/],
    ["times 0", { fault: "reset", times: 0 }, /\/times must be >= 1/],
    ["a status out of range", { respond: { status: 700 } }, /\/respond\/status must be <= 599/],
    ["a delay out of range", { delay: { ms: 60001 } }, /^request body: \/delay\/ms must be <= 60000/],
    [
      "a delay with one bound",
      { delay: { min_ms: 1 } },
      /^delay is either \{"ms": N\} or \{"min_ms": N, "max_ms": M\}$/,
    ],
    ["a fixed and a random delay", { delay: { ms: 1, min_ms: 0, max_ms: 2 } }, /^delay is either/],
    [
      "a header name with a space",
      { respond: { status: 500, headers: { "Retry After": "1" } } },
      /^respond.headers: "Retry After" is not a header name$/,
    ],
    [
      "a header value with a line break",
      { respond: { status: 500, headers: { "X-A": "1\r\nSet-Cookie: x=1" } } },
      /^respond.headers.X-A: a value cannot hold line breaks$/,
    ],
    [
      "min above max",
      { delay: { min_ms: 10, max_ms: 5 } },
      /^delay: min_ms \(10\) is greater than max_ms \(5\)$/,
    ],
    [
      "an unknown operation",
      { match: { operation: "make_coffee" }, fault: "reset" },
      /^match.operation: the server has no operation "make_coffee"; it has (\w+, )*create_task(, \w+)*$/,
    ],
    [
      "an example without an operation",
      { respond: { example: "documented" } },
      /^respond.example needs match.operation/,
    ],
    [
      "an example only one form has, without a form",
      { match: { operation: "create_task" }, respond: { example: "esb_wrong_secret" } },
      /^respond: createTask has no example named "esb_wrong_secret".*\(set match.form to match one form\)$/,
    ],
    [
      "an unknown example",
      { match: { operation: "create_task", form: "gateway" }, respond: { example: "nope" } },
      /^respond: createTask has no example named "nope"; its examples: documented/,
    ],
    [
      "a success status without example or body",
      { match: { operation: "create_task", form: "gateway" }, respond: { status: 204 } },
      /^respond: createTask documents no example for HTTP 204/,
    ],
    [
      "a success status without an operation",
      { respond: { status: 200 } },
      /^respond.status below 400 without a body needs match.operation/,
    ],
  ];
  it.each(refused)("refuse %s, saying why (400)", async (_name, body, message) => {
    const context = controlledContext();
    const answer = await control(context, "POST", "/rules", body);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ result: false, message: expect.stringMatching(message), code: 3540000 });
    expect(context.controls.rules.size).toBe(0);
  });
});
