import { canonicalTree } from "@bksops/api-types";
import { beforeAll, describe, expect, it } from "vitest";
import { templateVersion } from "../../src/operations/shared/template-version.js";
import { storeTemplate } from "../../src/templates/load.js";
import { parseTemplateFile } from "../../src/templates/template-file.js";
import type { TestServerContext } from "../../src/testing.js";
import { createViaGateway, DEMO_AUTH, freshContext, send, tableCounts } from "../helpers.js";

const GUEST = { ...DEMO_AUTH, bk_token: "guest-token" };
const TRUSTED = { bk_app_code: "demo_trusted", bk_app_secret: "demo-secret", bk_token: "xxx" };
const PAUSE = "node880ded556c6c3c269be3cedc64b6";
const ARCHIVE = "n6b2d1f8c6e3a5b9f0c4d8e2a1b3f5c7";
const PARALLEL_NODES = [
  "n9b519b99de524b441ebcf5d504d1ac6",
  "n0be33c4be2b45372a61500132035460",
  "nb728e46fa962904a791494b3b4fe8c5",
];

const preview = (
  context: TestServerContext,
  body: unknown,
  options: { templateId?: number | string; bizId?: number | string; auth?: Record<string, string> } = {},
) =>
  send(context, `/api/bk-sops/prod/preview_task_tree/${options.bizId ?? 2}/${options.templateId ?? 1}/`, {
    body,
    headers: { "X-Bkapi-Authorization": JSON.stringify(options.auth ?? DEMO_AUTH) },
  });

describe("preview_task_tree: checks in bk-sops' order", () => {
  let context: TestServerContext;
  beforeAll(() => {
    context = freshContext();
  });

  type Refusal = [
    string,
    { body: unknown; bizId?: number; templateId?: number; auth?: Record<string, string> },
    { message: string; code: number; [key: string]: unknown },
  ];
  it.each<Refusal>([
    [
      "a body that is not an object, before the business",
      { body: "[1]", bizId: 99 },
      { result: false, message: "invalid param format", code: 3540000 },
    ],
    [
      "an unknown business, before the template",
      { body: {}, bizId: 99, templateId: 999 },
      { result: false, message: "project(99) with scope(cmdb_biz) does not exist.", code: 3540400 },
    ],
    [
      "the scope is read from the body",
      { body: { scope: "project" }, bizId: 2 },
      { result: false, message: "project(2) with scope(project) does not exist.", code: 3540400 },
    ],
    [
      "a template no project has: IAM's lookup fails, in Chinese, before the permission",
      { body: {}, templateId: 999, auth: GUEST },
      {
        result: false,
        data: null,
        message:
          "数据不存在错误: 数据不存在错误, 错误内容 TaskTemplate(id=999) does not exist. | process_exception",
        code: 3540400,
      },
    ],
    [
      "a user IAM grants nothing, before the body's own checks",
      { body: { exclude_task_nodes_id: "x" }, auth: GUEST },
      {
        result: false,
        data: null,
        message: "iam authentication exception, please check, action:flow_view",
        code: 3599999,
      },
    ],
    [
      "an empty body: the decorators read it as {}, the view cannot parse it",
      { body: "" },
      { result: false, message: "request body is not a valid json", code: 3540000 },
    ],
    [
      "exclude_task_nodes_id null is not a list",
      { body: { exclude_task_nodes_id: null } },
      { result: false, message: "invalid exclude_task_nodes_id", code: 3540000 },
    ],
    [
      "exclude_task_nodes_id as an object is not a list",
      { body: { exclude_task_nodes_id: { [PAUSE]: true } } },
      { result: false, message: "invalid exclude_task_nodes_id", code: 3540000 },
    ],
    [
      "a trusted app skips IAM, and the view's own lookup fails",
      { body: {}, templateId: 999, auth: TRUSTED },
      {
        result: false,
        message: "preview_task_tree fail: TaskTemplate matching query does not exist.",
        code: 3599999,
      },
    ],
    [
      "a template of another business",
      { body: {}, templateId: 5 },
      {
        result: false,
        message: "preview_task_tree fail: TaskTemplate matching query does not exist.",
        code: 3599999,
      },
    ],
    [
      "an unknown version, before the exclusion",
      { body: { version: "abc", exclude_task_nodes_id: ["nope"] } },
      {
        result: false,
        message: "preview_task_tree fail: 'NoneType' object has no attribute 'data'",
        code: 3599999,
      },
    ],
    [
      "a version that is not a string",
      { body: { version: 3 } },
      {
        result: false,
        message: "preview_task_tree fail: 'NoneType' object has no attribute 'data'",
        code: 3599999,
      },
    ],
    [
      "an id listed twice",
      { body: { exclude_task_nodes_id: [PAUSE, PAUSE] } },
      {
        result: false,
        message: `preview_task_tree fail: task node[id=${PAUSE}] is not in template pipeline tree`,
        code: 3599999,
      },
    ],
    [
      "a list as an id",
      { body: { exclude_task_nodes_id: [[PAUSE]] } },
      { result: false, message: "preview_task_tree fail: unhashable type: 'list'", code: 3599999 },
    ],
  ])("refuses %s", async (_name, { body, bizId, templateId, auth }, want) => {
    const before = tableCounts(context);
    const answer = await preview(context, body, { bizId, templateId, auth });
    expect(answer.status).toBe(200);
    const { trace_id: traceId, ...rest } = answer.json;
    expect(rest).toEqual(want);
    // Only answers of the view itself (and IAM's denial, caught by the same decorator) carry trace_id.
    const fromView =
      want.code === 3599999 ||
      want.message === "request body is not a valid json" ||
      want.message === "invalid exclude_task_nodes_id";
    expect(traceId !== undefined).toBe(fromView);
    expect(tableCounts(context)).toEqual(before);
  });

  it.each([
    ["no version", {}],
    ["an empty version", { version: "" }],
    ["a null version", { version: null }],
  ])("previews the current version for %s", async (_name, body) => {
    const answer = await preview(context, body);
    expect(answer.json.result).toBe(true);
  });

  it("previews the current version when it is named", async () => {
    const template = context.store.templates.findProjectTemplate(1, 3);
    if (!template) throw new Error("demo template 1 missing");
    expect(template.version).toBe(templateVersion(template.tree));
    const answer = await preview(context, { version: template.version });
    expect(answer.json.result).toBe(true);
  });

  it("previews an older version the template had, by its name (bamboo keeps every snapshot)", async () => {
    const isolated = freshContext();
    const current = isolated.store.templates.findProjectTemplate(1, 3);
    if (!current) throw new Error("demo template 1 missing");
    const edited = structuredClone(current.tree);
    (edited.activities.node880ded556c6c3c269be3cedc64b6 as { name: string }).name = "renamed";
    const file = { source: "project", bk_biz_id: 2, template_id: 1, name: "edited", pipeline_tree: edited };
    storeTemplate(isolated.store, parseTemplateFile(file), "test");
    const nameIn = async (body: Record<string, unknown>) => {
      const answer = await preview(isolated, body);
      return answer.json.data.pipeline_tree.activities.node880ded556c6c3c269be3cedc64b6.name;
    };
    expect(await nameIn({})).toBe("renamed");
    expect(await nameIn({ version: current.version })).toBe("pause");
  });

  it("answers 405 to a GET", async () => {
    const answer = await send(context, "/api/bk-sops/prod/preview_task_tree/2/1/", { method: "GET" });
    expect(answer.status).toBe(405);
    expect(answer.headers.get("Allow")).toBe("POST");
  });
});

describe("preview_task_tree: the tree create_task would start from", () => {
  let context: TestServerContext;
  beforeAll(() => {
    context = freshContext();
  });

  it.each([
    ["nothing excluded", 1, []],
    ["an optional node excluded", 1, [PAUSE]],
    ["the archive step excluded", 6, [ARCHIVE]],
    ["a whole parallel block excluded", 2, PARALLEL_NODES],
    ["one parallel branch excluded", 2, [PARALLEL_NODES[0]]],
    ["an optional approval in an exclusive branch", 3, ["n0c527dd4d4f3e98ff018aa48e8f27f6"]],
  ])("has the created task's graph and constants when %s", async (_name, templateId, exclude) => {
    const previewed = await preview(context, { exclude_task_nodes_id: exclude }, { templateId });
    const created = await createViaGateway(
      context,
      { name: "compare", exclude_task_nodes_id: exclude },
      { templateId },
    );
    expect(previewed.json.result).toBe(true);
    expect(created.json.result).toBe(true);
    const tree = previewed.json.data.pipeline_tree;
    const task = created.json.data.pipeline_tree;
    // Same graph: the task's ids are new, so compare through template ids and graph positions.
    const graph = (t: Record<string, unknown>) => {
      const {
        constants: _c,
        line: _l,
        location: _o,
        id: _i,
        ...rest
      } = canonicalTree(t) as Record<string, unknown>;
      return stripNormalisation(rest);
    };
    expect(graph(tree)).toEqual(graph(task));
    expect(Object.keys(tree.constants)).toEqual(Object.keys(task.constants));
    // The preview keeps the template's own ids.
    for (const id of Object.keys(tree.activities)) expect(id).toMatch(/^n/);
    expect(Object.keys(tree.activities).sort()).toEqual(
      Object.values(task.activities as Record<string, { template_node_id: string }>)
        .map((act) => act.template_node_id)
        .sort(),
    );
  });

  it("reports the template's dropped constants as the template has them", async () => {
    const answer = await preview(context, { exclude_task_nodes_id: [ARCHIVE] }, { templateId: 6 });
    const { constants_not_referred: dropped, pipeline_tree: tree } = answer.json.data;
    expect(Object.keys(dropped)).toEqual(["${archive_host}", "${operator}"]);
    expect(dropped["${archive_host}"].index).toBe(2);
    expect(Object.keys(tree.constants)).toEqual(["${log_dir}", "${keep_days}"]);
    expect(tree.constants["${keep_days}"].index).toBe(1);
  });

  it("changes nothing stored: the template's next preview is the same", async () => {
    const first = await preview(context, { exclude_task_nodes_id: PARALLEL_NODES }, { templateId: 2 });
    const again = await preview(context, {}, { templateId: 2 });
    expect(first.json.data.pipeline_tree.gateways).toEqual({});
    expect(Object.keys(again.json.data.pipeline_tree.gateways)).toHaveLength(2);
  });
});

/** What creation adds that a preview does not (normalised incoming, converge_gateway_id). */
function stripNormalisation(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripNormalisation);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === "converge_gateway_id") continue;
    out[key] = stripNormalisation(item);
  }
  return out;
}

describe("preview through the ESB, and preview_common_task_tree", () => {
  let context: TestServerContext;
  beforeAll(() => {
    context = freshContext();
  });
  const esb = (name: string, body: Record<string, unknown>) =>
    send(context, `/api/c/compapi/v2/sops/${name}/`, { body: { ...DEMO_AUTH, bk_biz_id: "2", ...body } });

  it("previews a project template through the ESB, credentials and ids stripped", async () => {
    const answer = await esb("preview_task_tree", { template_id: "1", exclude_task_nodes_id: [PAUSE] });
    expect(answer.json).toMatchObject({ result: true, code: 0, message: "" });
    expect(Object.keys(answer.json.data.pipeline_tree.activities)).toEqual([
      "node9b5ae13799d63e179f0ce3088b62",
    ]);
  });

  it("previews a common template, whatever the business", async () => {
    const answer = await esb("preview_common_task_tree", { template_id: "101" });
    expect(answer.json.result).toBe(true);
    expect(Object.keys(answer.json.data.pipeline_tree.constants)).toEqual(["${endpoint}", "${timeout}"]);
    expect(answer.json.data.constants_not_referred).toEqual({});
  });

  it.each([
    [
      "a project template id",
      { template_id: "1" },
      "数据不存在错误: 数据不存在错误, 错误内容 CommonTemplate(id=1) does not exist. | process_exception",
    ],
    [
      "a user IAM grants nothing",
      { template_id: "100", bk_token: "guest-token" },
      "iam authentication exception, please check, action:common_flow_view",
    ],
    [
      "an unknown business",
      { template_id: "100", bk_biz_id: "77" },
      "project(77) with scope(cmdb_biz) does not exist.",
    ],
    [
      "a trusted app and an unknown common template",
      { template_id: "999", bk_app_code: "demo_trusted", bk_app_secret: "demo-secret" },
      "preview_common_task_tree fail: CommonTemplate matching query does not exist.",
    ],
  ])("refuses a common preview of %s", async (_name, body, message) => {
    const answer = await esb("preview_common_task_tree", body);
    expect(answer.json).toMatchObject({ result: false, code: 1306000, message });
  });

  it("is not a resource of the gateway: API not found", async () => {
    const answer = await send(context, "/api/bk-sops/prod/preview_common_task_tree/2/100/", {
      body: {},
      headers: { "X-Bkapi-Authorization": JSON.stringify(DEMO_AUTH) },
    });
    expect(answer.status).toBe(404);
    expect(answer.json.code).toBe(1640401);
  });
});
