import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestServerContext } from "../../src/testing.js";
import { createViaGateway, freshContext, tableCounts } from "../helpers.js";

const TRUSTED = { bk_app_code: "demo_trusted", bk_app_secret: "demo-secret", bk_token: "xxx" };
const GUEST = { bk_app_code: "esb_test", bk_app_secret: "xxx", bk_token: "guest-token" };
const PAUSE = "node880ded556c6c3c269be3cedc64b6";
const TIMING = "node9b5ae13799d63e179f0ce3088b62";

describe("create_task checks, in bk-sops' order", () => {
  let context: TestServerContext;
  beforeAll(() => {
    context = freshContext();
  });

  const failures: Array<
    [
      string,
      {
        body: unknown;
        templateId?: number;
        bizId?: number;
        auth?: Record<string, string>;
        message: string;
        code: number;
        trace?: boolean;
      },
    ]
  > = [
    [
      "an unknown business",
      {
        body: { name: "t" },
        bizId: 99,
        message: "project(99) with scope(cmdb_biz) does not exist.",
        code: 3540400,
        trace: false,
      },
    ],
    [
      "a bad name and a missing template: the template error wins (trusted app)",
      {
        body: { name: "" },
        templateId: 999,
        auth: TRUSTED,
        message: "template[id=999] of project[project_id=3,biz_id=2] does not exist",
        code: 3540400,
      },
    ],
    [
      "a bad callback_url comes before the template lookup",
      {
        body: { name: "t", callback_url: "ftp://x" },
        templateId: 999,
        auth: TRUSTED,
        message: "callback_url format error, must match ^https?://\\w.+$",
        code: 3540000,
      },
    ],
    [
      // return_json_response turns the AuthFailedException into a dict, and adds the trace_id to it.
      "a user without IAM permission",
      {
        body: { name: "t" },
        auth: GUEST,
        message: "iam authentication exception, please check, action:flow_create_task",
        code: 3599999,
      },
    ],
    [
      "a user without IAM permission, common template",
      {
        body: { name: "t", template_source: "common" },
        templateId: 100,
        auth: GUEST,
        message: "iam authentication exception, please check, action:common_flow_create_task",
        code: 3599999,
      },
    ],
    [
      "execute_task_nodes_id leaving out a required node",
      {
        body: { name: "t", execute_task_nodes_id: [PAUSE] },
        message: `[API] create_task create pipeline without tree error: task node[id=${TIMING}] is not optional`,
        code: 3599999,
      },
    ],
    [
      "the same id twice in exclude_task_nodes_id",
      {
        body: { name: "t", exclude_task_nodes_id: [PAUSE, PAUSE] },
        message: `[API] create_task create pipeline without tree error: task node[id=${PAUSE}] is not in template pipeline tree`,
        code: 3599999,
      },
    ],
    [
      "a non-string id in exclude_task_nodes_id",
      {
        body: { name: "t", exclude_task_nodes_id: [1] },
        message:
          "[API] create_task create pipeline without tree error: task node[id=1] is not in template pipeline tree",
        code: 3599999,
      },
    ],
    [
      "schemes with an exclude list",
      {
        body: { name: "t", template_schemes_id: [1], exclude_task_nodes_id: [PAUSE] },
        templateId: 2,
        message: "template_schemes_id can not be used with exclude_task_nodes_id or execute_task_nodes_id",
        code: 3540000,
      },
    ],
    [
      "an unknown scheme",
      {
        body: { name: "t", template_schemes_id: [9] },
        templateId: 2,
        message: "unknown template_schemes_id: 9",
        code: 3540000,
      },
    ],
    [
      "schemes with a pipeline_tree",
      {
        body: { name: "t", template_schemes_id: "1", pipeline_tree: {} },
        message: "template_schemes_id can not be used with pipeline_tree",
        code: 3540000,
      },
    ],
    [
      "a template_source that is a list",
      {
        body: { name: "t", template_source: ["x"] },
        auth: TRUSTED,
        message: "task params is invalid: ['x'] is not of type 'string'",
        code: 3540000,
      },
    ],
  ];

  it.each(failures)("%s", async (_name, { body, templateId, bizId, auth, message, code, trace }) => {
    const before = tableCounts(context);
    const answer = await createViaGateway(context, body, { templateId, bizId, auth });
    expect(answer.json.result).toBe(false);
    expect(answer.json.message.split("\n")[0]).toBe(message);
    expect(answer.json.code).toBe(code);
    expect("trace_id" in answer.json).toBe(trace ?? true);
    expect(tableCounts(context)).toEqual(before);
  });
});

describe("what create_task stores and answers", () => {
  let context: TestServerContext;
  beforeAll(() => {
    context = freshContext();
  });

  it("records every constant key sent, known or not, in extra_info", async () => {
    const answer = await createViaGateway(
      context,
      { name: "t", constants: { "${user_name}": "bob", nope: 1 } },
      { templateId: 4 },
    );
    const tree = answer.json.data.pipeline_tree;
    expect(tree.constants["${user_name}"].value).toBe("bob");
    expect(tree.constants).not.toHaveProperty("nope");
    const extra = JSON.parse(context.store.tasks.find(answer.json.data.task_id)?.extraInfo ?? "{}");
    expect(extra).toEqual({ keys_in_constants_parameter: ["${user_name}", "nope"] });
  });

  it("stores 'business' as 'project' and any other source verbatim", async () => {
    const business = await createViaGateway(context, { name: "t", template_source: "business" });
    expect(context.store.tasks.find(business.json.data.task_id)?.templateSource).toBe("project");
    const other = await createViaGateway(context, { name: "t", template_source: "foo" }, { templateId: 100 });
    expect(context.store.tasks.find(other.json.data.task_id)?.templateSource).toBe("foo");
  });

  it("creates a claimable function task for common_func", async () => {
    const answer = await createViaGateway(context, { name: "t", flow_type: "common_func" });
    const id = answer.json.data.task_id;
    expect(answer.json.data.function_task_claim_url).toBe(
      `http://bk_sops_host/function/execute/3/?instance_id=${id}`,
    );
    expect(context.store.tasks.find(id)?.currentFlow).toBe("func_claim");
    expect(context.db.prepare("SELECT creator FROM function_tasks WHERE task_id = ?").get(id)).toEqual({
      creator: "admin",
    });
  });

  it("reads the path id as a project id when scope is not cmdb_biz", async () => {
    const answer = await createViaGateway(context, { name: "t", scope: "project" }, { bizId: 3 });
    expect(answer.json.data.task_url).toContain("/taskflow/execute/3/");
  });

  it("answers MCP callers without pipeline_tree and marks their tasks", async () => {
    const answer = await context.app.request("/api/bk-sops/prod/create_task/1/2/", {
      method: "POST",
      body: JSON.stringify({ name: "t" }),
      headers: { "X-Bkapi-Authorization": JSON.stringify(TRUSTED), "X-Bkapi-Mcp-Server-Id": "mcp-1" },
    });
    const json = (await answer.json()) as { data: { task_id: number } };
    expect(json.data).not.toHaveProperty("pipeline_tree");
    expect(context.store.tasks.find(json.data.task_id)?.createMethod).toBe("mcp");
  });

  it("execute_task_nodes_id listing every required node excludes the rest", async () => {
    const answer = await createViaGateway(context, { name: "t", execute_task_nodes_id: [TIMING] });
    const names = Object.values(answer.json.data.pipeline_tree.activities).map(
      (node) => (node as { name: string }).name,
    );
    expect(names).toEqual(["timing"]);
  });

  it("a scheme keeps its nodes and every required node", async () => {
    const answer = await createViaGateway(
      context,
      { name: "t", template_schemes_id: "1" },
      { templateId: 2 },
    );
    const names = Object.values(answer.json.data.pipeline_tree.activities).map(
      (node) => (node as { name: string }).name,
    );
    expect(names).toEqual(["deploy release"]);
  });

  it("builds from a pipeline_tree sent in the body, ignoring exclusions and keeping every constant", async () => {
    const template = JSON.parse(
      readFileSync(new URL("../../demo/templates/1-documented-example.json", import.meta.url), "utf8"),
    );
    const answer = await createViaGateway(context, {
      name: "t",
      pipeline_tree: template.pipeline_tree,
      exclude_task_nodes_id: [PAUSE],
      constants: { "${content}": "echo 2" },
    });
    const tree = answer.json.data.pipeline_tree;
    expect(Object.keys(tree.activities)).toHaveLength(2);
    expect(Object.keys(tree.constants)).toEqual(["${content}", "${params}", "${script_timeout}"]);
    expect(tree.constants["${content}"].value).toBe("echo 2");
  });

  it("refuses an invalid pipeline_tree in the body with the tree-path message", async () => {
    const answer = await createViaGateway(context, { name: "t", pipeline_tree: { start_event: 1 } });
    expect(answer.json.code).toBe(3599999);
    expect(answer.json.message).toMatch(/^\[API\] create_task get invalid pipeline_tree: /);
  });

  it("gives strictly increasing task ids", async () => {
    const ids: number[] = [];
    for (let i = 0; i < 5; i += 1)
      ids.push((await createViaGateway(context, { name: `t${i}` })).json.data.task_id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(5);
  });
});
