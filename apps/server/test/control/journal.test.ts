import { describe, expect, it } from "vitest";
import { Journal, MAX_KEPT_BODY } from "../../src/control/journal.js";
import { maskHeader, maskText } from "../../src/control/mask.js";
import { control, controlledContext, DEMO_AUTH, ESB_PATH, gatewayPath, send } from "../helpers.js";

describe("masking secrets", () => {
  it.each([
    [
      "a JSON body, at any depth",
      '{"bk_app_code":"a","bk_app_secret":"s","nested":{"bk_token":"t","list":[{"access_token":"x"}]}}',
      {
        bk_app_code: "a",
        bk_app_secret: "***",
        nested: { bk_token: "***", list: [{ access_token: "***" }] },
      },
    ],
    [
      "malformed JSON",
      '{"bk_app_secret": "s e c", "bk_token":"t\\"q", "name": ',
      '{"bk_app_secret": "***", "bk_token":"***", "name": ',
    ],
    [
      "a form body",
      "bk_app_code=a&bk_app_secret=s&bk_token=t",
      "bk_app_code=a&bk_app_secret=***&bk_token=***",
    ],
    ["text without secrets", "hello", "hello"],
  ])("%s", (_name, text, want) => {
    expect(maskText(text)).toEqual(want);
  });

  it.each([
    [
      "X-Bkapi-Authorization",
      '{"bk_app_code":"a","bk_app_secret":"s","bk_token":"t"}',
      '{"bk_app_code":"a","bk_app_secret":"***","bk_token":"***"}',
    ],
    ["a header that is not JSON", '{"bk_app_secret": "s"', '{"bk_app_secret": "***"'],
    ["cookies", "lang=zh; bk_token=abc; bk_ticket=def", "lang=zh; bk_token=***; bk_ticket=***"],
  ])("%s", (_name, value, want) => {
    expect(maskHeader(value)).toBe(want);
  });
});

describe("the journal ring", () => {
  const record = (path: string, status = 200) => ({
    at: Date.now(),
    method: "POST",
    path,
    query: "",
    status,
    ms: 1,
    traceId: path,
    headers: {},
  });

  it("keeps the last N requests, oldest first, with increasing seq", () => {
    const journal = new Journal(3);
    for (const path of ["/a", "/b", "/c", "/d", "/e"]) journal.append(record(path));
    expect(journal.kept).toBe(3);
    expect(journal.read().map((entry) => [entry.seq, entry.path])).toEqual([
      [3, "/c"],
      [4, "/d"],
      [5, "/e"],
    ]);
  });

  it("reads the newest `limit` entries that pass the filters", () => {
    const journal = new Journal(10);
    for (const [path, status] of [
      ["/a", 200],
      ["/b", 500],
      ["/c", 503],
      ["/d", 200],
      ["/e", 502],
    ] as const) {
      journal.append(record(path, status));
    }
    expect(journal.read({ status: "5xx" }).map((e) => e.path)).toEqual(["/b", "/c", "/e"]);
    expect(journal.read({ status: "5xx", limit: 2 }).map((e) => e.path)).toEqual(["/c", "/e"]);
    expect(journal.read({ status: "200" }).map((e) => e.path)).toEqual(["/a", "/d"]);
    expect(journal.read({ after: 3 }).map((e) => e.path)).toEqual(["/d", "/e"]);
    expect(journal.read({ traceId: "/c" }).map((e) => e.path)).toEqual(["/c"]);
    expect(journal.read({ since: Date.now() + 60_000 })).toEqual([]);
  });

  it("keeps no body longer than 64 KiB, only its length", () => {
    const journal = new Journal(2);
    journal.append({
      ...record("/big"),
      requestText: "x".repeat(MAX_KEPT_BODY + 1),
      answer: "y".repeat(MAX_KEPT_BODY + 2),
    });
    const [entry] = journal.read();
    expect(entry?.request?.body).toBe(`(${MAX_KEPT_BODY + 1} characters, not kept)`);
    expect(entry?.response?.body).toBe(`(${MAX_KEPT_BODY + 2} characters, not kept)`);
  });

  it("with size 0 keeps nothing", () => {
    const journal = new Journal(0);
    journal.append(record("/a"));
    expect(journal.read()).toEqual([]);
  });
});

describe("the journal through the control API", () => {
  const auth = JSON.stringify(DEMO_AUTH);

  it("records each request and answer: operation, form, status, timing, trace id, secrets masked", async () => {
    const context = controlledContext();
    await send(context, `${gatewayPath()}?bk_app_secret=in-query`, {
      body: { name: "journaled", bk_token: "in-body" },
      headers: {
        "X-Bkapi-Authorization": auth,
        Traceparent: "trace-1",
        Cookie: "bk_token=cookie-token; lang=en",
      },
    });
    await send(context, ESB_PATH, { body: { ...DEMO_AUTH, bk_biz_id: "2", template_id: "999", name: "t" } });
    const answer = await control(context, "GET", "/journal");
    expect(answer.status).toBe(200);
    const { entries, kept, capacity } = answer.json.data;
    expect([kept, capacity]).toEqual([2, 100]);
    expect(entries[0]).toEqual({
      seq: 1,
      received_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      method: "POST",
      path: "/api/bk-sops/prod/create_task/1/2/",
      query: { bk_app_secret: "***" },
      operation: "create_task",
      operation_id: "createTask",
      form: "gateway",
      status: 200,
      duration_ms: expect.any(Number),
      trace_id: "trace-1",
      scenario: null,
      request: {
        headers: {
          "content-type": "application/json",
          traceparent: "trace-1",
          "x-bkapi-authorization": '{"bk_app_code":"esb_test","bk_app_secret":"***","bk_token":"***"}',
          cookie: "bk_token=***; lang=en",
        },
        body: { name: "journaled", bk_token: "***" },
      },
      response: { body: expect.objectContaining({ result: true, trace_id: "trace-1" }) },
    });
    expect(entries[1]).toMatchObject({
      operation_id: "createTaskEsb",
      form: "esb",
      request: { body: { bk_app_secret: "***", bk_token: "***", template_id: "999" } },
      response: { body: { result: false, code: 1306000 } },
    });
    expect(JSON.stringify(entries)).not.toMatch(/in-query|in-body|cookie-token|"xxx"/);
  });

  it("records unknown paths and forced answers, but not its own requests, /healthz or /docs", async () => {
    const context = controlledContext();
    await send(context, "/nope", { method: "GET" });
    await send(context, "/healthz", { method: "GET" });
    await send(context, "/docs", { method: "GET" });
    await control(context, "GET", "/status");
    await send(context, gatewayPath(), { body: { name: "t" }, headers: { Prefer: "code=503" } });
    const { entries } = (await control(context, "GET", "/journal")).json.data;
    expect(entries.map((e: { path: string; status: number }) => [e.path, e.status])).toEqual([
      ["/nope", 404],
      ["/api/bk-sops/prod/create_task/1/2/", 503],
    ]);
    expect(entries[1]).toMatchObject({
      scenario: { source: "prefer", answer: "status 503" },
      request: { body: { name: "t" } },
      response: { body: { code: 3599999 } },
    });
  });

  it("filters by operation, form, status and time, and is cleared", async () => {
    const context = controlledContext();
    const started = new Date().toISOString();
    await send(context, gatewayPath(), { body: { name: "t" }, headers: { "X-Bkapi-Authorization": auth } });
    await send(context, ESB_PATH, { body: { name: "t" } });
    await send(context, "/nope", { method: "GET" });
    const read = async (query: string) =>
      (await control(context, "GET", `/journal${query}`)).json.data.entries.map(
        (e: { seq: number }) => e.seq,
      );
    expect(await read("?operation=create_task")).toEqual([1, 2]);
    expect(await read("?operation=createTaskEsb")).toEqual([2]);
    expect(await read("?form=gateway")).toEqual([1]);
    expect(await read("?status=404")).toEqual([3]);
    // The ESB answers its refusals with HTTP 200.
    expect(await read("?status=2xx&limit=1")).toEqual([2]);
    expect(await read(`?since=${encodeURIComponent(started)}&after=1`)).toEqual([2, 3]);
    expect((await control(context, "DELETE", "/journal")).json).toEqual({
      result: true,
      data: { deleted: 3 },
    });
    expect(await read("")).toEqual([]);
    // seq goes on after a clear, so a poller's `after` stays valid.
    await send(context, "/nope", { method: "GET" });
    expect(await read("")).toEqual([4]);
  });

  it.each([
    ["?form=web", "form must be gateway or esb, got web"],
    ["?status=teapot", "status must be a status such as 500 or a class such as 5xx, got teapot"],
    ["?since=yesterday", "since must be a date-time, got yesterday"],
    ["?limit=0", "limit must be at least 1"],
    ["?after=-1", "after must be a positive integer, got -1"],
  ])("refuses the filter %s, saying why", async (query, message) => {
    const context = controlledContext();
    const answer = await control(context, "GET", `/journal${query}`);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ result: false, message, code: 3540000 });
  });

  it("is bounded by JOURNAL_SIZE", async () => {
    const context = controlledContext({ journalSize: 2 });
    for (let i = 0; i < 4; i += 1) await send(context, "/nope", { method: "GET" });
    const data = (await control(context, "GET", "/journal")).json.data;
    expect(data.entries.map((e: { seq: number }) => e.seq)).toEqual([3, 4]);
    expect([data.kept, data.capacity]).toEqual([2, 2]);
  });
});
