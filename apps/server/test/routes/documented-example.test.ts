import { canonicalTree, listExamplePairs, loadSpec } from "@bksops/api-types";
import { beforeEach, describe, expect, it } from "vitest";
import type { TestServerContext } from "../../src/testing.js";
import { freshContext, send } from "../helpers.js";

const pairs = listExamplePairs(loadSpec());
const documented = (operationId: string) => {
  const pair = pairs.find(
    (candidate) => candidate.operationId === operationId && candidate.name === "documented",
  );
  if (!pair?.request) throw new Error(`no documented pair for ${operationId}`);
  return pair;
};
// biome-ignore lint/suspicious/noExplicitAny: the published example is plain JSON
const publishedTree = (documented("createTask").response.value as any).data.pipeline_tree;

describe("the published example", () => {
  let context: TestServerContext;
  beforeEach(() => {
    context = freshContext();
  });

  it.each([
    ["ESB form", "/api/c/compapi/v2/sops/create_task/", documented("createTaskEsb").request?.value],
    [
      "gateway form, credentials in the body",
      "/api/bk-sops/prod/create_task/1/2/",
      documented("createTask").request?.value,
    ],
  ])("%s: the documented request gets the documented tree, with fresh ids", async (_form, path, body) => {
    const answer = await send(context, path, { body });
    expect(answer.status).toBe(200);
    expect(answer.json.result).toBe(true);
    expect(answer.json.code).toBe(0);
    const { task_id: taskId, task_url: taskUrl, pipeline_tree: tree } = answer.json.data;
    expect(Number.isInteger(taskId)).toBe(true);
    expect(taskUrl).toBe(`http://bk_sops_host/taskflow/execute/3/?instance_id=${taskId}`);
    expect(canonicalTree(tree)).toEqual(canonicalTree(publishedTree));
    expect(tree.constants).toEqual({});
    for (const activity of Object.values(tree.activities) as Array<Record<string, unknown>>) {
      expect(activity.id).toMatch(/^n[0-9a-f]{31}$/);
      expect(activity.incoming).toBeInstanceOf(Array);
      expect(Object.keys(publishedTree.activities)).toContain(activity.template_node_id);
    }
    for (const flowId of Object.keys(tree.flows)) expect(flowId).toMatch(/^l[0-9a-f]{31}$/);
  });

  it("ESB answers carry message, request_id and the trace id", async () => {
    const answer = await send(context, "/api/c/compapi/v2/sops/create_task/", {
      body: documented("createTaskEsb").request?.value,
      headers: { Traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" },
    });
    expect(answer.json.message).toBe("");
    expect(answer.json.request_id).toMatch(/^[0-9a-f]{32}$/);
    expect(answer.json.trace_id).toBe("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    expect(answer.headers.get("Sops-Trace-Id")).toBe(answer.json.trace_id);
  });

  it("gateway answers have no message and a generated trace id", async () => {
    const answer = await send(context, "/api/bk-sops/prod/create_task/1/2/", {
      body: documented("createTask").request?.value,
    });
    expect(answer.json).not.toHaveProperty("message");
    expect(answer.json.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(answer.headers.get("Sops-Trace-Id")).toBe(answer.json.trace_id);
  });

  it("stores the task with the tree it answered", async () => {
    const answer = await send(context, "/api/bk-sops/prod/create_task/1/2/", {
      body: documented("createTask").request?.value,
    });
    const stored = context.store.tasks.find(answer.json.data.task_id);
    expect(stored).toMatchObject({
      name: "tasktest",
      creator: "admin",
      createMethod: "api",
      createInfo: "esb_test",
      templateId: "1",
      templateSource: "project",
      flowType: "common",
      currentFlow: "execute_task",
      projectId: 3,
    });
    expect(JSON.parse(stored?.pipelineTreeJson ?? "null")).toEqual(answer.json.data.pipeline_tree);
    expect(JSON.parse(stored?.extraInfo ?? "null")).toEqual({
      keys_in_constants_parameter: ["${content}", "${params}", "${script_timeout}"],
    });
  });
});
