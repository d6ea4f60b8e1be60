import { beforeAll, describe, expect, it } from "vitest";
import type { TestServerContext } from "../../src/testing.js";
import { DEMO_AUTH, freshContext, send } from "../helpers.js";

const GUEST_AUTH = { ...DEMO_AUTH, bk_token: "guest-token" };
const TRUSTED_AUTH = { bk_app_code: "demo_trusted", bk_app_secret: "demo-secret", bk_token: "xxx" };

const get = (context: TestServerContext, path: string, auth: object = DEMO_AUTH, extra = {}) =>
  send(context, `/api/bk-sops/prod${path}`, {
    method: "GET",
    headers: { "X-Bkapi-Authorization": JSON.stringify(auth), ...extra },
  });

describe("read operations: behaviour beyond the documented examples", () => {
  let context: TestServerContext;
  beforeAll(() => {
    context = freshContext();
  });

  it.each([
    ["TRUE", true],
    ["Yes", true],
    ["on", true],
    ["0", false],
    ["", false],
  ])("reads include_notify=%s as DRF's BooleanField does (%s)", async (value, included) => {
    const answer = await get(context, `/get_template_info/1/2/?include_notify=${value}`);
    expect(answer.json.result).toBe(true);
    expect("notify_type" in answer.json.data).toBe(included);
  });

  it("answers a template without canvas, every variable with its type's schema", async () => {
    const { json } = await get(context, "/get_template_info/4/2/");
    const tree = json.data.pipeline_tree;
    expect(tree.line).toBeUndefined();
    expect(tree.location).toBeUndefined();
    expect(tree.constants["${user_name}"].schema).toEqual({
      type: "string",
      description: "输入框变量",
      enum: [],
    });
    // A plugin the server does not know, and outputs, have no schema.
    expect(tree.constants["${job_ip_list}"].schema).toBeNull();
    expect(tree.constants["${greet_job_id}"].schema).toBeNull();
  });

  it("counts the node inputs that use each variable in template_constants, unused ones pruned", async () => {
    const { json } = await get(context, "/get_template_info/4/2/?include_constants=1");
    const byKey = Object.fromEntries(json.data.template_constants.map((c: { key: string }) => [c.key, c]));
    expect(byKey["${unused}"]).toBeUndefined();
    expect(byKey["${greet_job_id}"]).toBeUndefined();
    expect(byKey["${job_ip_list}"].constant_type).toBe("节点输入");
    expect(byKey["${region}"].constant_type).toBe("下拉框");
  });

  it("refuses a user IAM denies, with the view action and the trace id", async () => {
    const { json } = await get(context, "/get_template_info/1/2/", GUEST_AUTH);
    expect(json).toEqual({
      result: false,
      data: null,
      message: "iam authentication exception, please check, action:flow_view",
      code: 3599999,
      trace_id: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    const common = await get(context, "/get_common_template_info/100/", GUEST_AUTH);
    expect(common.json.message).toBe("iam authentication exception, please check, action:common_flow_view");
  });

  it("answers a trusted app the view's own message for a template of no project", async () => {
    const { json } = await get(context, "/get_template_info/999/2/", TRUSTED_AUTH);
    expect(json.message).toBe("template[id=999] of project[project_id=3, biz_id=2] does not exist");
    const common = await get(context, "/get_common_template_info/999/", TRUSTED_AUTH);
    expect(common.json.message).toBe("common template[id=999] does not exist");
  });

  it("reads the business as a project id when scope is not cmdb_biz", async () => {
    const { json } = await get(context, "/get_template_info/1/3/?scope=project");
    expect(json.data).toMatchObject({ id: 1, project_id: 3, bk_biz_id: 2 });
  });

  it("gives MCP callers no pipeline_tree unless they ask for it", async () => {
    const mcp = { "X-Bkapi-Mcp-Server-Id": "server-1" };
    const trimmed = await get(context, "/get_template_info/1/2/", DEMO_AUTH, mcp);
    expect(trimmed.json.data.pipeline_tree).toBeUndefined();
    const asked = await get(context, "/get_template_info/1/2/?include_pipeline_tree=yes", DEMO_AUTH, mcp);
    expect(asked.json.data.pipeline_tree).toBeDefined();
  });

  it("refuses YAML with bk-sops' envelope, as the server has no YAML exporter", async () => {
    const { json } = await get(context, "/get_template_info/1/2/?format=yaml");
    expect(json).toMatchObject({ result: false, code: 3599999 });
    expect(json.message).toMatch(/^convert yaml failed: /);
  });

  it("adds each scheme's kept variables with with_constants=true, in any case", async () => {
    const { json } = await get(context, "/get_template_schemes/2/2/?with_constants=TRUE");
    const [deployOnly] = json.data;
    expect(JSON.parse(deployOnly.data)).toEqual(["n880b0618ff1eae6bf3eeac86e59a47d"]);
    expect(Object.keys(deployOnly.detail.constants)).toEqual([
      "${version}",
      "${job_ip}",
      "${script_timeout}",
    ]);
    const plain = await get(context, "/get_template_schemes/2/2/?with_constants=yes");
    expect(plain.json.data[0].detail).toBeUndefined();
  });

  it.each([["/get_template_info/1/2/"], ["/get_common_template_info/100/"], ["/get_template_schemes/2/2/"]])(
    "refuses POST on %s with 405 and Allow: GET",
    async (path) => {
      const answer = await send(context, `/api/bk-sops/prod${path}`, {
        body: {},
        headers: { "X-Bkapi-Authorization": JSON.stringify(DEMO_AUTH) },
      });
      expect(answer.status).toBe(405);
      expect(answer.headers.get("allow")).toBe("GET");
    },
  );

  it("makes the ESB ask for the template id of its query", async () => {
    const query = new URLSearchParams({ ...DEMO_AUTH, bk_biz_id: "2" });
    const answer = await send(context, `/api/c/compapi/v2/sops/get_template_info/?${query}`, {
      method: "GET",
    });
    expect(answer.json).toMatchObject({
      result: false,
      code: 1306406,
      message: "Parameters error, param template_id is required",
    });
  });
});

describe("get_user_project_list", () => {
  it("lists every project to a user IAM grants, none to others, with executor_proxy on demand", async () => {
    const context = freshContext();
    const admin = await get(context, "/get_user_project_list/?include_executor_proxy=true");
    expect(admin.json.data).toEqual([
      { project_id: 3, bk_biz_id: 2, name: "Demo business", executor_proxy: null },
      { project_id: 4, bk_biz_id: 5, name: "Another business", executor_proxy: null },
    ]);
    const guest = await get(context, "/get_user_project_list/", GUEST_AUTH);
    expect(guest.json).toMatchObject({ result: true, data: [] });
    const invalid = await get(context, "/get_user_project_list/?include_staff_groups=2");
    expect(invalid.json).toMatchObject({
      result: false,
      message: { include_staff_groups: ["Must be a valid boolean."] },
    });
  });
});
