import { beforeEach, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/engine/clock.js";
import { createTestContext, type TestServerContext } from "../../src/testing.js";
import { DEMO_AUTH, send } from "../helpers.js";

const GW = "/api/bk-sops/prod";
const ESB = "/api/c/compapi/v2/sops";
const TRUSTED = { bk_app_code: "demo_trusted", bk_app_secret: "demo-secret", bk_token: "xxx" };
const GUEST = { bk_app_code: "esb_test", bk_app_secret: "xxx", bk_token: "guest-token" };
const TIMING = { speed: 1, nodeMs: 1000, componentMs: {} };

let context: TestServerContext;
let clock: FakeClock;
beforeEach(() => {
  clock = new FakeClock();
  context = createTestContext({ clock, timing: TIMING });
  return () => context.close();
});

const auth = (who: Record<string, string> = DEMO_AUTH) => ({ "X-Bkapi-Authorization": JSON.stringify(who) });
const post = (path: string, body: unknown, who?: Record<string, string>) =>
  send(context, `${GW}${path}`, { body, headers: auth(who) });
const get = (path: string, who?: Record<string, string>) =>
  send(context, `${GW}${path}`, { method: "GET", headers: auth(who) });

async function create(template = 4, body: Record<string, unknown> = {}, biz = 2): Promise<number> {
  const answer = await post(`/create_task/${template}/${biz}/`, { name: "t", ...body });
  expect(answer.json.result).toBe(true);
  return answer.json.data.task_id;
}
const status = async (id: number, query = "") => (await get(`/get_task_status/${id}/2/${query}`)).json;
const operate = async (id: number, action: unknown) =>
  (await post(`/operate_task/${id}/2/`, { action })).json;

describe("a task's life, as the status and detail calls report it", () => {
  it("created, running, paused, running again, finished", async () => {
    const id = await create();
    expect((await status(id)).data.state).toBe("CREATED");
    expect((await post(`/start_task/${id}/2/`, {})).json.result).toBe(true);
    expect((await status(id)).data.state).toBe("RUNNING");
    expect(await operate(id, "pause")).toMatchObject({ result: true, message: "success", code: 0 });
    expect((await status(id)).data.state).toBe("SUSPENDED");
    clock.advance(30_000);
    expect(Object.keys((await status(id)).data.children)).toHaveLength(2);
    expect(await operate(id, "resume")).toMatchObject({ result: true });
    clock.advance(2000);
    const finished = (await status(id)).data;
    expect(finished.state).toBe("FINISHED");
    expect(Object.values(finished.children).map((child) => (child as { name: string }).name)).toEqual([
      "",
      "greet user",
      "collect results",
      "",
    ]);
    const detail = (await get(`/get_task_detail/${id}/2/`)).json.data;
    // One second of work before the pause, 29 s paused, one second after.
    expect(detail).toMatchObject({ executor: "admin", elapsed_time: 31 });
    expect(detail.finish_time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0800$/);
  });

  it("revoked: the pipeline reads REVOKED with no finish time of its own; the task's detail has one", async () => {
    const id = await create();
    await post(`/start_task/${id}/2/`, {});
    clock.advance(400);
    expect(await operate(id, "revoke")).toMatchObject({ result: true, message: "success" });
    clock.advance(10_000);
    const revoked = (await status(id)).data;
    expect(revoked).toMatchObject({ state: "REVOKED", finish_time: null, elapsed_time: 10 });
    expect(Object.keys(revoked.children)).toHaveLength(2);
    const detail = (await get(`/get_task_detail/${id}/2/`)).json.data;
    expect(detail.finish_time).not.toBe("");
    expect(await operate(id, "resume")).toEqual({
      result: false,
      message: "task with current_flow:finished cannot be resumeed",
      code: 3545000,
      trace_id: expect.any(String),
    });
  });

  it("a failed gateway: ex_data, failed_node_info and auto_retry_status when asked; revoke still works", async () => {
    const id = await create(3, { constants: { "${env}": "pre prod" } });
    await post(`/start_task/${id}/2/`, {});
    const failed = await status(id, "?with_ex_data=false&with_failed_node_info=1&with_auto_retry_status=1");
    const gateway = Object.keys(failed.data.children)[1] as string;
    expect(failed.data.state).toBe("FAILED");
    // Any non-empty value asks, even "false": bk-sops reads the raw query text.
    expect(Object.keys(failed.data.ex_data)).toEqual([gateway]);
    expect(failed.data.failed_node_info).toEqual({ [gateway]: {} });
    expect(failed.data.auto_retry_status).toEqual({ exist_auto_retry_nodes: false, auto_retry_nodes: [] });
    expect("ex_data" in (await status(id, "?with_ex_data=")).data).toBe(false);
    const node = (await get(`/get_task_node_detail/${id}/2/?node_id=${gateway}`)).json.data;
    expect(node).toMatchObject({ state: "FAILED", inputs: {}, outputs: [{ key: "ex_data", preset: false }] });
    expect(node.ex_data).toMatch(/^evaluate\[\$\{env\} == "prod"\] fail with data/);
    expect(await operate(id, "revoke")).toMatchObject({ result: true });
  });

  it("an unknown subprocess_id reads as a task not started", async () => {
    const id = await create();
    await post(`/start_task/${id}/2/`, {});
    expect((await status(id, "?subprocess_id=nope")).data).toEqual({
      start_time: null,
      state: "CREATED",
      retry: 0,
      skip: 0,
      finish_time: null,
      elapsed_time: 0,
      children: {},
      name: "t",
    });
  });
});

describe("starting tasks", () => {
  it("a functional task is answered as started but waits to be claimed", async () => {
    const id = await create(4, { flow_type: "common_func" });
    const answer = (await post(`/start_task/${id}/2/`, {})).json;
    expect(answer.result).toBe(true);
    expect((await status(id)).data.state).toBe("CREATED");
    expect(await operate(id, "pause")).toMatchObject({
      result: false,
      message: "task with current_flow:func_claim cannot be pauseed",
    });
  });

  it("operate_task start answers its own way, and a second start is refused", async () => {
    const id = await create();
    expect(await operate(id, "start")).toEqual({
      message: "success",
      result: true,
      code: 0,
      trace_id: expect.any(String),
    });
    expect(await operate(id, "start")).toMatchObject({
      result: false,
      code: 3545000,
      message: "task already started",
    });
  });

  it("scope=project reads bk_biz_id as the project id, in the body and in the query", async () => {
    const id = await create();
    expect((await post(`/start_task/${id}/3/`, { scope: "project" })).json.result).toBe(true);
    expect((await get(`/get_task_status/${id}/3/?scope=project`)).json.data.state).toBe("RUNNING");
    expect((await get(`/get_task_status/${id}/3/`)).json).toEqual({
      result: false,
      message: "project(3) with scope(cmdb_biz) does not exist.",
      code: 3540400,
    });
  });
});

describe("operate_task's refusals", () => {
  it.each([
    ["an unknown action", "stop", "task command is invalid", 3545000],
    ["no action", undefined, "task command is invalid", 3545000],
    ["a number", 3, "task command is invalid", 3545000],
    [
      "a list, which Python cannot look up",
      ["pause"],
      "任务操作失败: 任务[ID: TASK]操作失败: unhashable type: 'list'. 请重试, 持续失败可联系管理员处理 | task_action",
      3599999,
    ],
  ])("%s", async (_name, action, message, code) => {
    const id = await create();
    const answer = await operate(id, action);
    expect(answer).toMatchObject({ result: false, message: message.replace("TASK", String(id)), code });
  });

  it("an empty body is not JSON to the view; a body that is not an object fails earlier", async () => {
    const id = await create();
    const empty = await send(context, `${GW}/operate_task/${id}/2/`, { body: "", headers: auth() });
    expect(empty.json).toEqual({
      result: false,
      message: "invalid json format",
      code: 3540000,
      trace_id: expect.any(String),
    });
    const list = await post(`/operate_task/${id}/2/`, ["pause"]);
    expect(list.json).toEqual({ result: false, message: "invalid param format", code: 3540000 });
  });

  it("the engine's refusals read 'fail: ' and a traceback ending with bamboo's exception", async () => {
    const id = await create();
    await post(`/start_task/${id}/2/`, {});
    const resume = (await operate(id, "resume")).message as string;
    expect(resume.split("\n")[0]).toBe("fail: Traceback (most recent call last):");
    expect(resume.trim().split("\n").at(-1)).toMatch(
      /^bamboo_engine\.exceptions\.InvalidOperationError: pipeline\(n[0-9a-f]{31}\) state is: RUNNING$/,
    );
    await operate(id, "pause");
    const again = (await operate(id, "pause")).message as string;
    expect(again.trim().split("\n").at(-1)).toMatch(
      /^RuntimeError: can't not transit node\(n[0-9a-f]{31}\) state from SUSPENDED to SUSPENDED$/,
    );
  });

  it("a task marked started whose run is missing gets the engine's not-found errors", async () => {
    const id = await create();
    await post(`/start_task/${id}/2/`, {});
    context.db.prepare("DELETE FROM task_runs WHERE task_id = ?").run(id);
    const last = async (action: string) =>
      ((await operate(id, action)).message as string).trim().split("\n").at(-1);
    const pipeline = context.store.tasks.find(id)?.pipelineInstanceId;
    expect(await last("pause")).toBe(
      `bamboo_engine.exceptions.NotFoundError: node(${pipeline}) does not exist`,
    );
    expect(await last("resume")).toBe(
      "pipeline.eri.models.State.DoesNotExist: State matching query does not exist.",
    );
    expect((await status(id)).data.state).toBe("CREATED");
  });

  it("a task of another business is not found by the view (after IAM found it)", async () => {
    const other = await create(5, {}, 5);
    expect(await operate(other, "pause")).toEqual({
      result: false,
      data: null,
      message:
        "数据不存在错误: 数据不存在错误, 错误内容 TaskFlowInstance matching query does not exist. | process_exception",
      code: 3540400,
    });
    expect(await status(other)).toMatchObject({
      result: false,
      message: `task[id=${other}] get status error: TaskFlowInstance matching query does not exist.`,
      code: 3599999,
    });
  });
});

describe("the callers IAM lets through", () => {
  it.each([
    ["get_task_status", "GET", "task_view"],
    ["get_task_detail", "GET", "task_view"],
    ["get_task_node_detail", "GET", "task_view"],
    ["start_task", "POST", "task_operate"],
    ["operate_task", "POST", "task_operate"],
  ])("%s refuses the guest user, and lets a trusted app act for them", async (name, method, action) => {
    const id = await create();
    const path = `${GW}/${name}/${id}/2/`;
    const body = method === "POST" ? { action: "start" } : undefined;
    const guest = await send(context, path, { method, body, headers: auth(GUEST) });
    expect(guest.json).toMatchObject({ result: false, data: null, code: 3599999 });
    expect(guest.json.message).toBe(`iam authentication exception, please check, action:${action}`);
    const trusted = await send(context, path, {
      method,
      body,
      headers: auth({ ...TRUSTED, bk_token: "guest-token" }),
    });
    // Past IAM: node detail without a node_id then fails on the node, the others succeed.
    expect(trusted.json.message ?? "").not.toMatch(/iam authentication/);
    expect(trusted.json.result).toBe(name !== "get_task_node_detail");
  });
});

describe("methods and paths", () => {
  it.each([
    ["start_task", "GET", "POST"],
    ["operate_task", "GET", "POST"],
    ["create_and_start_task", "GET", "POST"],
    ["get_task_status", "POST", "GET"],
    ["get_task_detail", "POST", "GET"],
    ["get_task_node_detail", "POST", "GET"],
  ])("%s answers %s with 405, naming %s, in both forms", async (name, wrong, right) => {
    for (const path of [`${GW}/${name}/1/2/`, `${ESB}/${name}/`]) {
      const answer = await send(context, path, {
        method: wrong,
        body: wrong === "GET" ? undefined : {},
        headers: auth(),
      });
      expect(answer.status).toBe(405);
      expect(answer.headers.get("Allow")).toBe(right);
    }
  });

  it("a task id that is not digits: the gateway checks the credentials, then 404", async () => {
    expect((await get("/get_task_status/abc/2/")).status).toBe(404);
    const refused = await send(context, `${GW}/get_task_status/abc/2/`, {
      method: "GET",
      headers: auth(GUEST),
    });
    expect(refused.status).toBe(404);
    const wrongSecret = await send(context, `${GW}/get_task_status/abc/2/`, {
      method: "GET",
      headers: auth({ ...DEMO_AUTH, bk_app_secret: "no" }),
    });
    expect(wrongSecret.status).toBe(400);
  });

  it("the ESB reads a GET's credentials and ids from the query, and wants digits", async () => {
    const id = await create();
    const query = (extra: Record<string, string>) =>
      new URLSearchParams({ ...DEMO_AUTH, bk_biz_id: "2", task_id: String(id), ...extra }).toString();
    const ok = await send(context, `${ESB}/get_task_status/?${query({})}`, { method: "GET" });
    expect(ok.json).toMatchObject({ result: true, code: 0, message: "", data: { state: "CREATED" } });
    expect(ok.json.request_id).toMatch(/^[0-9a-f]{32}$/);
    const bad = await send(context, `${ESB}/get_task_status/?${query({ task_id: "x1" })}`, { method: "GET" });
    expect(bad.json).toMatchObject({
      result: false,
      code: 1306406,
      message: "Parameters error, param task_id must be a string of digits",
    });
  });
});

describe("get_task_node_detail's parameters", () => {
  it("a node that is not the task's, or no node_id at all", async () => {
    const id = await create();
    const missing = (await get(`/get_task_node_detail/${id}/2/`)).json;
    expect(missing).toEqual({
      result: false,
      message: `节点状态请求失败: 任务[ID: ${id}]中未找到节点[ID: None]. 请重试. 如持续失败可联系管理员处理 | get_node_detail`,
      data: {},
      code: 3540000,
      trace_id: expect.any(String),
    });
  });

  it("events and gateways have no data; plugin nodes' inputs are rendered before they run", async () => {
    const created = await post("/create_task/4/2/", { name: "t", constants: { "${user_name}": "ada" } });
    const tree = created.json.data.pipeline_tree;
    const id = created.json.data.task_id;
    const start = (await get(`/get_task_node_detail/${id}/2/?node_id=${tree.start_event.id}`)).json.data;
    expect(start).toEqual({
      name: "",
      error_ignorable: false,
      state: "READY",
      inputs: {},
      outputs: [],
      ex_data: "",
    });
    const greet = Object.values(tree.activities).find(
      (a) => (a as { name: string }).name === "greet user",
    ) as {
      id: string;
    };
    const node = (await get(`/get_task_node_detail/${id}/2/?node_id=${greet.id}`)).json.data;
    expect(node.inputs).toMatchObject({
      script_content: "echo hello ada; echo ${a + int(b)}; echo gz",
      job_ip_list: "127.0.0.1",
      script_timeout: 600,
    });
  });

  it("an output a constant takes is shown under the constant's name", async () => {
    const created = await post("/create_task/4/2/", { name: "t" });
    const id = created.json.data.task_id;
    const greet = Object.values(created.json.data.pipeline_tree.activities).find(
      (a) => (a as { name: string }).name === "greet user",
    ) as { id: string };
    await post(`/start_task/${id}/2/`, {});
    clock.advance(5000);
    const outputs = (await get(`/get_task_node_detail/${id}/2/?node_id=${greet.id}`)).json.data.outputs;
    expect(outputs).toEqual([
      { key: "_result", value: true, preset: false },
      { key: "_loop", value: 1, preset: false },
      { key: "_inner_loop", value: 1, preset: false },
    ]);
  });

  it("a loop that is not a number, or a round the node has no history of, is a server error", async () => {
    const created = await post("/create_task/4/2/", { name: "t" });
    const id = created.json.data.task_id;
    await post(`/start_task/${id}/2/`, {});
    const first = Object.keys(created.json.data.pipeline_tree.activities)[0];
    expect((await get(`/get_task_node_detail/${id}/2/?node_id=${first}&loop=x`)).status).toBe(500);
    expect((await get(`/get_task_node_detail/${id}/2/?node_id=${first}&loop=0`)).status).toBe(500);
    expect((await get(`/get_task_node_detail/${id}/2/?node_id=${first}&loop=1`)).json.result).toBe(true);
  });
});

describe("get_task_detail's flags and MCP callers", () => {
  it("checks every include_* flag as a boolean and names each bad one", async () => {
    const id = await create();
    const answer = (await get(`/get_task_detail/${id}/2/?include_edit_info=2&include_children_status=nah`))
      .json;
    expect(answer.message).toEqual({
      include_edit_info: ["必须是有效的布尔值。"],
      include_children_status: ["必须是有效的布尔值。"],
    });
    const history = (await get(`/get_task_detail/${id}/2/?include_webhook_history=Yes`)).json.data;
    expect(history.task_webhook_history).toEqual([]);
  });

  it("MCP callers get no tree unless they ask for it, and then a trimmed one", async () => {
    const id = await create();
    const mcp = { ...auth(), "X-Bkapi-Mcp-Server-Id": "7" };
    const plain = (await send(context, `${GW}/get_task_detail/${id}/2/`, { method: "GET", headers: mcp }))
      .json.data;
    expect("pipeline_tree" in plain).toBe(false);
    const asked = (
      await send(context, `${GW}/get_task_detail/${id}/2/?include_pipeline_tree=true`, {
        method: "GET",
        headers: mcp,
      })
    ).json.data.pipeline_tree;
    expect(Object.keys(asked)).not.toContain("line");
    expect(Object.keys(asked)).not.toContain("location");
    const activity = Object.values(asked.activities)[0] as Record<string, unknown>;
    expect(Object.keys(activity).sort()).toEqual(
      ["component", "error_ignorable", "id", "name", "stage_name", "type", "retryable", "skippable"]
        .filter((key) => key in activity)
        .sort(),
    );
    expect((activity.component as { data: Record<string, unknown> }).data.job_ip_list).toBe("${job_ip_list}");
  });
});

describe("create_and_start_task's own details", () => {
  it("starts the task, stores template_source as sent (business by default)", async () => {
    const answer = await post("/create_and_start_task/4/2/", { name: "t" });
    expect(Object.keys(answer.json.data)).toEqual(["pipeline_tree", "task_id", "task_url"]);
    const id = answer.json.data.task_id;
    expect(context.store.tasks.find(id)).toMatchObject({
      templateSource: "business",
      isStarted: true,
      executor: "admin",
    });
    expect((await status(id)).data.state).toBe("RUNNING");
  });

  it("reads a common template for any template_source but business, and stores it as sent", async () => {
    const common = await post("/create_and_start_task/100/2/", { name: "t", template_source: "common" });
    expect(context.store.tasks.find(common.json.data.task_id)?.templateSource).toBe("common");
    const project = await post("/create_and_start_task/1/2/", { name: "t", template_source: "project" });
    expect(project.json).toMatchObject({ result: false, message: "common template[id=1] does not exist" });
  });

  it("ignores what only create_task knows: execute_task_nodes_id, pipeline_tree, simplify_vars", async () => {
    const answer = await post("/create_and_start_task/1/2/", {
      name: "t",
      execute_task_nodes_id: ["node9b5ae13799d63e179f0ce3088b62"],
      pipeline_tree: { nonsense: true },
    });
    expect(answer.json.result).toBe(true);
    expect(Object.keys(answer.json.data.pipeline_tree.activities)).toHaveLength(2);
  });

  it("answers a tree it cannot build with the reason alone", async () => {
    const answer = await post("/create_and_start_task/1/2/", {
      name: "t",
      exclude_task_nodes_id: ["node9b5ae13799d63e179f0ce3088b62"],
    });
    expect(answer.json).toMatchObject({
      result: false,
      message: "task node[id=node9b5ae13799d63e179f0ce3088b62] is not optional",
      code: 3599999,
    });
  });

  it("checks template_source's type with its own schema, after the template lookup", async () => {
    const answer = await post("/create_and_start_task/100/2/", { name: "t", template_source: 7 });
    expect(answer.json.message.split("\n")[0]).toBe("task parmas is invalid: 7 is not of type 'string'");
  });

  it("does not start a functional task, and gives MCP callers the tree", async () => {
    const answer = await send(context, `${GW}/create_and_start_task/4/2/`, {
      body: { name: "t", flow_type: "common_func" },
      headers: { ...auth(), "X-Bkapi-Mcp-Server-Id": "1" },
    });
    expect(answer.json.data.pipeline_tree).toBeDefined();
    expect("function_task_claim_url" in answer.json.data).toBe(false);
    expect(context.store.tasks.find(answer.json.data.task_id)?.isStarted).toBe(false);
  });
});
