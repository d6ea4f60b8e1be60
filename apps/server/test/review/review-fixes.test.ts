import { beforeAll, describe, expect, it } from "vitest";
import type { TestServerContext } from "../../src/testing.js";
import { createViaGateway, ESB_PATH, freshContext, send, tableCounts } from "../helpers.js";

const TRUSTED = { bk_app_code: "demo_trusted", bk_app_secret: "demo-secret", bk_token: "xxx" };

describe("params bk-sops' create_task schema does not check (docs/bk-sops-behaviour.md §3, §4 step 5, §9)", () => {
  let context: TestServerContext;
  beforeAll(() => {
    context = freshContext();
  });

  it("a non-string scope is not a schema error: it reads the path id as a project id", async () => {
    const answer = await createViaGateway(context, { name: "t", scope: 1 }, { bizId: 3 });
    expect(answer.json.result).toBe(true);
    expect(answer.json.data.task_url).toContain("/taskflow/execute/3/");
  });

  it("a null scope is None, not the default cmdb_biz", async () => {
    const answer = await createViaGateway(context, { name: "t", scope: null }, { bizId: 2 });
    expect(answer.json).toEqual({
      result: false,
      message: "project(2) with scope(None) does not exist.",
      code: 3540400,
    });
  });

  it("a non-string template_source means a common template and is stored as Python prints it", async () => {
    const answer = await createViaGateway(
      context,
      { name: "t", template_source: true },
      { templateId: 100, auth: TRUSTED },
    );
    expect(answer.json.result).toBe(true);
    expect(context.store.tasks.find(answer.json.data.task_id)?.templateSource).toBe("True");
  });

  it("a null template_source is None, so a common template is looked up", async () => {
    const before = tableCounts(context);
    const answer = await createViaGateway(
      context,
      { name: "t", template_source: null },
      { templateId: 1, auth: TRUSTED },
    );
    expect(answer.json.message).toBe("common template[id=1] does not exist");
    expect(answer.json.code).toBe(3540400);
    expect(tableCounts(context)).toEqual(before);
  });
});

describe("ESB refusals write nothing", () => {
  let context: TestServerContext;
  beforeAll(() => {
    context = freshContext();
  });

  it("a missing template_id does not create the bk_username user", async () => {
    const before = tableCounts(context);
    const answer = await send(context, ESB_PATH, {
      body: {
        bk_app_code: "demo_trusted",
        bk_app_secret: "demo-secret",
        bk_username: "newcomer",
        bk_biz_id: "2",
      },
    });
    expect(answer.json.code).toBe(1306406);
    expect(answer.json.message).toBe("Parameters error, param template_id is required");
    expect(tableCounts(context)).toEqual(before);
  });

  it("credentials are still checked before the path parameters", async () => {
    const answer = await send(context, ESB_PATH, {
      body: { bk_app_code: "demo_trusted", bk_app_secret: "demo-secret" },
    });
    expect(answer.json.message).toBe(
      "User authentication failed, please provide a valid user identity, such as bk_token, bk_username",
    );
  });
});
