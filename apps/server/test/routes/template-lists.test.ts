import { beforeAll, describe, expect, it } from "vitest";
import { storeTemplate } from "../../src/templates/load.js";
import { parseTemplateFile } from "../../src/templates/template-file.js";
import type { TestServerContext } from "../../src/testing.js";
import { DEMO_AUTH, freshContext, send, tableCounts } from "../helpers.js";

const GUEST = { ...DEMO_AUTH, bk_token: "guest-token" };
const TRUSTED = { bk_app_code: "demo_trusted", bk_app_secret: "demo-secret", bk_token: "xxx" };
const ALL_FLOW_ACTIONS = [
  "flow_create",
  "flow_view",
  "flow_edit",
  "flow_delete",
  "flow_create_task",
  "flow_create_mini_app",
  "flow_create_periodic_task",
  "flow_create_clocked_task",
];

const list = (
  context: TestServerContext,
  query = "",
  options: { auth?: Record<string, string>; bizId?: number | string; method?: string; headers?: object } = {},
) =>
  send(context, `/api/bk-sops/prod/get_template_list/${options.bizId ?? 2}/${query}`, {
    method: options.method ?? "GET",
    headers: { "X-Bkapi-Authorization": JSON.stringify(options.auth ?? DEMO_AUTH), ...options.headers },
  });

const ids = (answer: { json: { data: Array<{ id: number }> } }) => answer.json.data.map((item) => item.id);

describe("get_template_list: checks in bk-sops' order", () => {
  let context: TestServerContext;
  beforeAll(() => {
    context = freshContext();
  });

  type Refusal = [
    string,
    { query: string; bizId?: number; auth?: Record<string, string> },
    { message: unknown; code: number },
  ];
  it.each<Refusal>([
    [
      "an unknown business beats a bad time zone, a denied user and bad options",
      { bizId: 99, query: "?expected_timezone=Nowhere&include_notify=x", auth: GUEST },
      { message: "project(99) with scope(cmdb_biz) does not exist.", code: 3540400 },
    ],
    [
      "a bad time zone beats a denied user and bad options",
      { query: "?expected_timezone=Nowhere&include_notify=x", auth: GUEST },
      { message: "expected_timezone Nowhere is unknown.", code: 3546100 },
    ],
    [
      "a denied user beats bad options",
      { query: "?include_notify=x", auth: GUEST },
      { message: "iam authentication exception, please check, action:project_view", code: 3599999 },
    ],
    [
      "bad options are refused for a trusted app too",
      { query: "?include_notify=x", auth: TRUSTED },
      { message: { include_notify: ["Must be a valid boolean."] }, code: 3540000 },
    ],
    [
      "a scope other than cmdb_biz reads the id as a project id",
      { bizId: 2, query: "?scope=project" },
      { message: "project(2) with scope(project) does not exist.", code: 3540400 },
    ],
  ])("%s", async (_name, { bizId, query, auth }, want) => {
    const answer = await list(context, query, { bizId, auth });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ result: false, ...want });
  });

  it("lets a trusted app through IAM, and reports the user's own actions", async () => {
    const trustedGuest = { bk_app_code: "demo_trusted", bk_app_secret: "demo-secret", bk_username: "guest" };
    const answer = await list(context, "?id_in=1", { auth: trustedGuest });
    expect(answer.json.result).toBe(true);
    expect(answer.json.data[0].auth_actions).toEqual([]);
    const admin = await list(context, "?id_in=1", { auth: TRUSTED });
    expect(admin.json.data[0].auth_actions).toEqual(ALL_FLOW_ACTIONS);
  });

  it("answers 405 to any method but GET, naming GET", async () => {
    const answer = await list(context, "", { method: "POST" });
    expect(answer.status).toBe(405);
    expect(answer.headers.get("Allow")).toBe("GET");
  });

  it("stores nothing", async () => {
    const before = tableCounts(context);
    await list(context, "?include_notify=true");
    await list(context, "", { auth: GUEST });
    expect(tableCounts(context)).toEqual(before);
  });
});

describe("get_template_list: what is listed", () => {
  let context: TestServerContext;
  beforeAll(() => {
    context = freshContext();
  });

  it.each([
    ["no filter: every template of the business, newest id first", "", [7, 6, 4, 3, 2, 1]],
    [
      "id_in with spaces, signs and underscores, as Python's int() reads them",
      "?id_in=%2B1,%206%20,0_3",
      [6, 3, 1],
    ],
    ["id_in naming templates of another business", "?id_in=5,1", [1]],
    ["a repeated id_in: the last one counts (Django's request.GET)", "?id_in=1&id_in=2", [2]],
    ["an empty id_in filters nothing", "?id_in=", [7, 6, 4, 3, 2, 1]],
    ["name_keyword ignores case", "?name_keyword=ExAmPlE", [1]],
    ["name_keyword is a plain text, not a pattern", "?name_keyword=%25", []],
    ["template_source=business is a project template too", "?template_source=business&id_in=1", [1]],
    ["template_source=common lists the common templates", "?template_source=common", [101, 100]],
    ["an empty template_source lists the common templates too", "?template_source=", [101, 100]],
    ["filters combine", "?template_source=common&name_keyword=health", [101]],
  ])("%s", async (_name, query, want) => {
    const answer = await list(context, query);
    expect(answer.json.result).toBe(true);
    expect(ids(answer)).toEqual(want);
  });

  it("answers HTTP 500 for an id_in piece that is not a number, as bk-sops' ORM fails", async () => {
    const answer = await list(context, "?id_in=1,,2");
    expect(answer.status).toBe(500);
    expect(answer.json).toEqual({
      result: false,
      message: "Field 'id' expected a number but got ''.",
      code: 3599999,
    });
  });

  it("writes the times in the zone asked for, daylight saving included", async () => {
    const zone = async (name: string) =>
      (await list(context, `?id_in=1&expected_timezone=${name}`)).json.data[0];
    expect((await list(context, "?id_in=1")).json.data[0].create_time).toBe("2024-04-23 17:26:40 +0800");
    expect((await zone("utc")).create_time).toBe("2024-04-23 09:26:40 +0000");
    expect((await zone("Europe/London")).create_time).toBe("2024-04-23 10:26:40 +0100");
    expect((await zone("Asia/Kolkata")).edit_time).toBe("2024-04-23 15:00:48 +0530");
  });

  it("adds notification, executor proxy and labels only when asked, in bk-sops' key order", async () => {
    const plain = (await list(context, "?id_in=6")).json.data[0];
    expect(Object.keys(plain)).toEqual([
      "id",
      "name",
      "creator",
      "create_time",
      "editor",
      "edit_time",
      "category",
      "description",
      "project_id",
      "project_name",
      "bk_biz_id",
      "bk_biz_name",
      "auth_actions",
    ]);
    const all = (await list(context, "?id_in=6&include_notify=On&include_executor_proxy=Y&include_labels=1"))
      .json.data[0];
    expect(Object.keys(all).slice(12)).toEqual([
      "notify_type",
      "notify_receivers",
      "executor_proxy",
      "auth_actions",
      "labels",
    ]);
    expect(all).toMatchObject({ executor_proxy: "ops_robot", labels: [] });
  });

  it("gives common templates no executor proxy and no labels, but the business's fields", async () => {
    const answer = await list(context, "?template_source=common&include_executor_proxy=1&include_labels=1");
    for (const item of answer.json.data) {
      expect(item).not.toHaveProperty("executor_proxy");
      expect(item).not.toHaveProperty("labels");
      expect(item).toMatchObject({ project_id: 3, bk_biz_id: 2, auth_actions: [] });
    }
  });

  it("reports on a common template the actions of the project template that has its id", async () => {
    const own = freshContext();
    const documented = own.store.templates.findProjectTemplate(1, 3);
    if (!documented) throw new Error("demo template 1 missing");
    storeTemplate(
      own.store,
      parseTemplateFile({
        source: "project",
        bk_biz_id: 5,
        template_id: 100,
        name: "twin",
        pipeline_tree: documented.tree,
      }),
      "test",
    );
    const answer = await list(own, "?template_source=common&id_in=100");
    expect(answer.json.data[0].auth_actions).toEqual(ALL_FLOW_ACTIONS);
  });

  it("keeps auth_actions for MCP callers: bk-sops' trimming rule matches no key", async () => {
    const answer = await list(context, "?id_in=1", { headers: { "X-Bkapi-Mcp-Server-Id": "mcp-1" } });
    expect(answer.json.data[0].auth_actions).toEqual(ALL_FLOW_ACTIONS);
  });
});

describe("get_template_list through the ESB", () => {
  let context: TestServerContext;
  beforeAll(() => {
    context = freshContext();
  });
  const esb = (query: string) =>
    send(context, `/api/c/compapi/v2/sops/get_template_list/?${query}`, { method: "GET" });
  const creds = "bk_app_code=esb_test&bk_app_secret=xxx&bk_token=xxx";

  it("reads the business and the options from the query and rewrites the answer", async () => {
    const answer = await esb(`${creds}&bk_biz_id=2&name_keyword=release`);
    expect(answer.json).toMatchObject({ result: true, code: 0, message: "" });
    expect(answer.json.request_id).toMatch(/^[0-9a-f]{32}$/);
    expect(ids(answer)).toEqual([7, 2]);
  });

  it.each([
    ["no bk_biz_id", `${creds}`, { code: 1306406, message: "Parameters error, param bk_biz_id is required" }],
    ["a bk_biz_id that is not digits", `${creds}&bk_biz_id=two`, { code: 1306406 }],
    [
      "an unknown business",
      `${creds}&bk_biz_id=9`,
      { code: 1306000, message: "project(9) with scope(cmdb_biz) does not exist." },
    ],
    [
      "bad options: the dict message passes through",
      `${creds}&bk_biz_id=2&format=xml`,
      { code: 1306000, message: { format: ["“xml” 不是合法选项。"] } },
    ],
    [
      'an unknown time zone keeps data ""',
      `${creds}&bk_biz_id=2&expected_timezone=Nowhere`,
      { code: 1306000, data: "" },
    ],
  ])("refuses %s", async (_name, query, want) => {
    const answer = await esb(query);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ result: false, ...want });
  });
});

describe("get_common_template_list", () => {
  let context: TestServerContext;
  beforeAll(() => {
    context = freshContext();
  });
  const common = (query = "", auth: Record<string, string> = DEMO_AUTH, method = "GET") =>
    send(context, `/api/bk-sops/prod/get_common_template_list/${query}`, {
      method,
      headers: { "X-Bkapi-Authorization": JSON.stringify(auth) },
    });

  it("lists every common template, newest first, without project fields", async () => {
    const answer = await common();
    expect(ids(answer)).toEqual([101, 100]);
    expect(answer.json.data[0]).not.toHaveProperty("project_id");
    expect(answer.json.data[0].auth_actions).toContain("common_flow_view");
  });

  it("checks no IAM: a user IAM grants nothing gets the list with no actions", async () => {
    const answer = await common("", GUEST);
    expect(ids(answer)).toEqual([101, 100]);
    expect(answer.json.data.map((item: { auth_actions: string[] }) => item.auth_actions)).toEqual([[], []]);
  });

  it.each<[string, string, { code: number; message?: Record<string, string[]> }]>([
    [
      "a bad time zone comes before bad options",
      "?expected_timezone=%2B08:00&include_notify=x",
      { code: 3546100 },
    ],
    [
      "every bad option is reported, in the serializer's field order",
      "?format=xml&unfold_subprocess=maybe&include_executor_proxy=2",
      {
        code: 3540000,
        message: {
          include_executor_proxy: ["Must be a valid boolean."],
          unfold_subprocess: ["Must be a valid boolean."],
          format: ["“xml” 不是合法选项。"],
        },
      },
    ],
  ])("%s", async (_name, query, want) => {
    const answer = await common(query);
    expect(answer.json).toMatchObject({ result: false, ...want });
    if (want.code === 3540000)
      expect(Object.keys(answer.json.message)).toEqual(Object.keys(want.message ?? {}));
  });

  it("answers 405 to a POST", async () => {
    expect((await common("", DEMO_AUTH, "POST")).status).toBe(405);
  });
});
