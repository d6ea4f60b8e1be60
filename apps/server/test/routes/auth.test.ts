import { beforeAll, describe, expect, it } from "vitest";
import type { TestServerContext } from "../../src/testing.js";
import { DEMO_AUTH, ESB_PATH, freshContext, gatewayPath, send, tableCounts } from "../helpers.js";

const gatewayReason = (reason: string) => ({
  code: 1640001,
  code_name: "INVALID_ARGS",
  message: `Parameters error [reason="${reason}"]`,
  result: false,
  data: null,
});

describe("gateway credentials (X-Bkapi-Authorization)", () => {
  let context: TestServerContext;
  beforeAll(() => {
    context = freshContext();
  });

  const cases: Array<[string, { header?: string; body?: Record<string, unknown>; reason: string }]> = [
    [
      "a header that is not JSON",
      { header: "{not json", reason: "request header X-Bkapi-Authorization is not a valid JSON" },
    ],
    [
      "a header that is a JSON list",
      { header: "[1]", reason: "request header X-Bkapi-Authorization is not a valid JSON" },
    ],
    [
      "no app code",
      {
        header: JSON.stringify({ bk_app_secret: "xxx", bk_token: "xxx" }),
        reason: "app code cannot be empty",
      },
    ],
    [
      "an app code of 33 characters",
      {
        header: JSON.stringify({ bk_app_code: "a".repeat(33), bk_app_secret: "xxx", bk_token: "xxx" }),
        reason: "app code cannot be longer than 32 characters",
      },
    ],
    [
      "an app code with spaces",
      {
        header: JSON.stringify({ bk_app_code: "esb test", bk_app_secret: "xxx", bk_token: "xxx" }),
        reason: "app code contains invalid characters",
      },
    ],
    [
      "a secret of 129 characters",
      {
        header: JSON.stringify({ bk_app_code: "esb_test", bk_app_secret: "s".repeat(129), bk_token: "xxx" }),
        reason: "app secret cannot be longer than 128 characters",
      },
    ],
    [
      "no secret",
      {
        header: JSON.stringify({ bk_app_code: "esb_test", bk_token: "xxx" }),
        reason: "please provide bk_app_secret or bk_signature to verify app",
      },
    ],
    [
      "an unknown app",
      { header: JSON.stringify({ ...DEMO_AUTH, bk_app_code: "nobody" }), reason: "app not found" },
    ],
    [
      "a wrong secret",
      {
        header: JSON.stringify({ ...DEMO_AUTH, bk_app_secret: "nope" }),
        reason: "bk_app_code or bk_app_secret is incorrect",
      },
    ],
    [
      "an unknown bk_token",
      {
        header: JSON.stringify({ ...DEMO_AUTH, bk_token: "stale" }),
        reason:
          "user authentication failed, please provide a valid user identity, such as bk_username, bk_token, access_token",
      },
    ],
    [
      "no user at all",
      {
        header: JSON.stringify({ bk_app_code: "esb_test", bk_app_secret: "xxx" }),
        reason:
          "user authentication failed, please provide a valid user identity, such as bk_username, bk_token, access_token",
      },
    ],
    [
      "bk_username from an app that is not exempt",
      {
        header: JSON.stringify({ bk_app_code: "esb_test", bk_app_secret: "xxx", bk_username: "admin" }),
        reason: "user authentication failed, the user indicated by bk_username is not verified",
      },
    ],
    ["no header and no credentials in the body", { body: { name: "t" }, reason: "app code cannot be empty" }],
  ];

  it.each(cases)(
    "%s is refused with HTTP 400 and the gateway's reason",
    async (_name, { header, body, reason }) => {
      const before = tableCounts(context);
      const headers: Record<string, string> = header === undefined ? {} : { "X-Bkapi-Authorization": header };
      const answer = await send(context, gatewayPath(), { body: body ?? { name: "t" }, headers });
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual(gatewayReason(reason));
      expect(answer.headers.get("X-Bkapi-Error-Code")).toBe("1640001");
      expect(tableCounts(context)).toEqual(before);
    },
  );

  it("accepts bk_username from a login-exempt app and creates the user", async () => {
    const header = JSON.stringify({
      bk_app_code: "demo_trusted",
      bk_app_secret: "demo-secret",
      bk_username: "newcomer",
    });
    const answer = await send(context, gatewayPath(), {
      body: { name: "t" },
      headers: { "X-Bkapi-Authorization": header },
    });
    expect(answer.json.result).toBe(true);
    expect(context.store.tasks.find(answer.json.data.task_id)?.creator).toBe("newcomer");
  });

  // blueking-apigateway-apisix bk-auth-verify.lua: an empty header counts as no header.
  it("reads the credentials from the body when the header is empty", async () => {
    const answer = await send(context, gatewayPath(), {
      body: { ...DEMO_AUTH, name: "t" },
      headers: { "X-Bkapi-Authorization": "" },
    });
    expect(answer.json.result).toBe(true);
  });

  it("reads the credentials from the query string when there is no header", async () => {
    const answer = await send(
      context,
      `${gatewayPath()}?bk_app_code=esb_test&bk_app_secret=xxx&bk_token=xxx`,
      {
        body: { name: "t" },
      },
    );
    expect(answer.json.result).toBe(true);
  });

  // blueking-apigateway-apisix, editions/ee legacy-verifier.lua verify_bk_user: `bk_token` from the
  // parameters, else from the `bk_token` cookie; `bk_username`, else `username`.
  const APP_ONLY = JSON.stringify({ bk_app_code: "esb_test", bk_app_secret: "xxx" });
  const creatorOf = (answer: { json: { data: { task_id: number } } }) =>
    context.store.tasks.find(answer.json.data.task_id)?.creator;

  it("takes the user from the bk_token cookie when the credentials name none", async () => {
    const answer = await send(context, gatewayPath(), {
      body: { name: "t" },
      headers: { "X-Bkapi-Authorization": APP_ONLY, Cookie: "lang=zh-cn; bk_token=xxx" },
    });
    expect(answer.json.result).toBe(true);
    expect(creatorOf(answer)).toBe("admin");
  });

  it("prefers the bk_token of the credentials over the cookie's", async () => {
    const answer = await send(context, gatewayPath(), {
      body: { name: "t" },
      headers: {
        "X-Bkapi-Authorization": JSON.stringify({ ...JSON.parse(APP_ONLY), bk_token: "xxx" }),
        Cookie: "bk_token=guest-token",
      },
    });
    expect(creatorOf(answer)).toBe("admin");
  });

  it("refuses a bk_token cookie that identifies no user, as it would the parameter", async () => {
    const answer = await send(context, gatewayPath(), {
      body: { name: "t" },
      headers: { "X-Bkapi-Authorization": APP_ONLY, Cookie: "bk_token=nobody" },
    });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(
      gatewayReason(
        "user authentication failed, please provide a valid user identity, such as bk_username, bk_token, access_token",
      ),
    );
  });

  it("reads username as the older name of bk_username", async () => {
    const header = JSON.stringify({
      bk_app_code: "demo_trusted",
      bk_app_secret: "demo-secret",
      username: "old-name",
    });
    const answer = await send(context, gatewayPath(), {
      body: { name: "t" },
      headers: { "X-Bkapi-Authorization": header },
    });
    expect(answer.json.result).toBe(true);
    expect(creatorOf(answer)).toBe("old-name");
  });
});

describe("ESB credentials (in the body)", () => {
  let context: TestServerContext;
  beforeAll(() => {
    context = freshContext();
  });
  const base = { ...DEMO_AUTH, bk_biz_id: "2", template_id: "1", name: "t" };

  const cases: Array<[string, { body: unknown; message: string; code?: number }]> = [
    [
      // docs/bk-sops-behaviour.md §13: the 2019 ESB's own text for a body that starts with { is
      // not used (no spec example can hold a body that is not JSON).
      "malformed JSON carries no app code",
      { body: "{oops", message: "APP Code [bk_app_code] cannot be empty" },
    ],
    [
      "no secret",
      { body: { ...base, bk_app_secret: "" }, message: "APP Secret [bk_app_secret] cannot be empty" },
    ],
    [
      "an unregistered app",
      {
        body: { ...base, bk_app_code: "ghost" },
        message: "Invalid APP Code [bk_app_code=ghost], please confirm if the APP Code has been registered",
      },
    ],
    [
      "bk_username from an app that is not exempt",
      {
        body: { ...base, bk_token: undefined, bk_username: "admin" },
        message:
          "User authentication failed, please provide a valid user identity, such as bk_token, bk_username",
      },
    ],
    [
      "no bk_biz_id",
      {
        body: { ...base, bk_biz_id: undefined },
        message: "Parameters error, param bk_biz_id is required",
        code: 1306406,
      },
    ],
    [
      "a template_id that is not digits",
      {
        body: { ...base, template_id: "abc" },
        message: "Parameters error, param template_id must be a string of digits",
        code: 1306406,
      },
    ],
  ];

  it.each(cases)("%s: HTTP 200, the ESB's message and code", async (_name, { body, message, code }) => {
    const answer = await send(context, ESB_PATH, { body });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      result: false,
      code: code ?? 1306000,
      data: null,
      message,
      request_id: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });

  it("rewrites bk-sops' own error codes to 1306000 and keeps the message", async () => {
    const answer = await send(context, ESB_PATH, { body: { ...base, flow_type: "x" } });
    expect(answer.json.code).toBe(1306000);
    expect(answer.json.message.split("\n")[0]).toBe(
      "task params is invalid: 'x' is not one of ['common', 'common_func']",
    );
  });

  it("accepts numeric ids, as the ESB formats them into the path", async () => {
    const answer = await send(context, ESB_PATH, { body: { ...base, bk_biz_id: 2, template_id: 1 } });
    expect(answer.json.result).toBe(true);
  });
});
