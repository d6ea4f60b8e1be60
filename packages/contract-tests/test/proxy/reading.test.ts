// How the proxy reads an exchange: which operation a path is (both front doors, any stage
// prefix), who calls and with what, which secrets it carries, and the rule that replays it.
import { loadSpec } from "@bksops/api-types";
import { describe, expect, it } from "vitest";
import { callOf } from "../../src/proxy/caller.js";
import { ruleOf, rulesFile } from "../../src/proxy/record.js";
import { routeMatcher } from "../../src/proxy/routes.js";

const match = routeMatcher(loadSpec());

describe("the operation of a path", () => {
  it.each([
    [
      "/api/bk-sops/prod/create_task/12/9/",
      {
        form: "gateway",
        name: "create_task",
        operationId: "createTask",
        params: { template_id: "12", bk_biz_id: "9" },
        prefix: "/api/bk-sops/prod",
      },
    ],
    [
      "/create_task/12/9",
      { form: "gateway", name: "create_task", params: { template_id: "12", bk_biz_id: "9" }, prefix: "" },
    ],
    [
      "/stage/get_template_schemes/9/12/?with_constants=true",
      { name: "get_template_schemes", params: { bk_biz_id: "9", template_id: "12" } },
    ],
    [
      "/api/c/compapi/v2/sops/get_template_info/?bk_biz_id=9",
      { form: "esb", name: "get_template_info", operationId: "getTemplateInfoEsb", params: {}, prefix: "" },
    ],
    ["/paas/api/c/compapi/v2/sops/create_task/", { form: "esb", name: "create_task", prefix: "/paas" }],
  ])("%s", (path, expected) => {
    expect(match(path)).toMatchObject(expected);
  });

  it.each(["/", "/create_task/12/", "/api/c/compapi/v2/sops/delete_task/", "/healthz"])(
    "%s is no operation of the spec",
    (path) => {
      expect(match(path)).toBeUndefined();
    },
  );
});

describe("the caller of a request", () => {
  const gateway = match("/create_task/12/9/");
  const esb = match("/api/c/compapi/v2/sops/create_task/");
  it("reads the gateway's credentials from X-Bkapi-Authorization and its ids from the path", () => {
    const auth = JSON.stringify({ bk_app_code: "app", bk_app_secret: "s3cret-app", bk_token: "t0ken-user" });
    const call = callOf(
      gateway,
      "POST",
      "/create_task/12/9/",
      { "x-bkapi-authorization": auth },
      '{"name": "x", "constants": {}}',
    );
    expect(call).toMatchObject({
      app: "app",
      bizId: "9",
      templateId: "12",
      params: { name: "x", constants: {} },
    });
    expect(call.credentials).toEqual({
      appCode: "app",
      appSecret: "s3cret-app",
      bkToken: "t0ken-user",
      username: undefined,
    });
    expect(call.secrets.sort()).toEqual(["s3cret-app", "t0ken-user"]);
  });

  it("takes the gateway's token from the bk_token cookie and `username` for bk_username", () => {
    const auth = JSON.stringify({ bk_app_code: "app", bk_app_secret: "s3cret-app", username: "alice" });
    const call = callOf(
      gateway,
      "POST",
      "/create_task/12/9/",
      { "x-bkapi-authorization": auth, cookie: "a=1; bk_token=from-cookie" },
      "{}",
    );
    expect(call.credentials).toMatchObject({ bkToken: "from-cookie", username: "alice" });
    expect(call.secrets).toContain("from-cookie");
  });

  it("reads the ESB's credentials and ids from the body, and leaves them out of the parameters", () => {
    const body = {
      bk_app_code: "app",
      bk_app_secret: "s3cret-app",
      bk_username: "bob",
      bk_biz_id: 9,
      template_id: "12",
      template_source: "common",
      name: "x",
    };
    const call = callOf(esb, "POST", "/api/c/compapi/v2/sops/create_task/", {}, JSON.stringify(body));
    expect(call).toMatchObject({
      app: "app",
      user: "bob",
      bizId: "9",
      templateId: "12",
      templateSource: "common",
    });
    expect(call.params).toEqual({ template_source: "common", name: "x" });
  });

  it("has no credentials to reuse without the app's secret", () => {
    const call = callOf(
      esb,
      "GET",
      "/api/c/compapi/v2/sops/get_template_list/?bk_app_code=app&bk_token=t0ken-user&bk_biz_id=9",
      {},
      "",
    );
    expect(call.credentials).toBeUndefined();
    expect(call.secrets).toEqual(["t0ken-user"]);
  });
});

describe("the rule that replays an exchange", () => {
  const found = match("/api/bk-sops/prod/create_task/12/9/");
  if (!found) throw new Error("create_task's gateway path is not matched");
  const route = found;
  const call = callOf(route, "POST", "/x", { "x-bkapi-authorization": '{"bk_app_code": "app"}' }, "{}");
  const at = new Date("2026-12-02T00:00:00Z");
  it("forces the recorded status, body and bk-sops' error headers, once, for the same operation, form, template and app", () => {
    const answer = {
      status: 400,
      headers: { "x-bkapi-error-code": "1640001", "sops-trace-id": "abc" },
      json: { result: false },
    };
    expect(
      ruleOf(route, call, { method: "POST", path: "/api/bk-sops/prod/create_task/12/9/?x=1" }, answer, at),
    ).toEqual({
      description: "recorded 2026-12-02T00:00:00.000Z: POST /api/bk-sops/prod/create_task/12/9/ → 400",
      match: { operation: "create_task", form: "gateway", template_id: "12", app: "app" },
      respond: { status: 400, body: { result: false }, headers: { "x-bkapi-error-code": "1640001" } },
      times: 1,
    });
  });

  it("gives no rule for an answer that is not JSON (a rule's body is JSON)", () => {
    expect(
      ruleOf(route, call, { method: "GET", path: "/" }, { status: 405, headers: {}, json: undefined }, at),
    ).toBeUndefined();
  });

  it("lists the rules newest first, one per line: posted in that order, the oldest applies first", () => {
    const rule = (n: number) => ({
      ...(ruleOf(
        route,
        call,
        { method: "POST", path: "/" },
        { status: 200, headers: {}, json: { n } },
        at,
      ) as NonNullable<ReturnType<typeof ruleOf>>),
    });
    const lines = rulesFile([rule(1), rule(2), rule(3)])
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line).respond.body.n);
    expect(lines).toEqual([3, 2, 1]);
  });
});
