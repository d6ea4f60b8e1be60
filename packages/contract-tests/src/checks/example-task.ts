import type { ExamplePair, TaskStep } from "@bksops/api-types";
import { AUTH_HEADER, ESB_PREFIX, type Outgoing } from "../http.js";
import type { Form, Identity } from "../types.js";
import { once, type RunContext, sendFor, TASK_PREFIX } from "./check.js";
import { isObject } from "./diff.js";
import { createRequest, credentialKeys } from "./requests.js";

/** A task the suite made for the examples: its id, and its tree as create_task answered it. */
export interface SuiteTask {
  id: string;
  tree: unknown;
}

/** The preparation of an example's task failed: the target misbehaves (a failure, not a skip). */
export class TaskPreparationError extends Error {
  override name = "TaskPreparationError";
}

async function createTask(
  ctx: RunContext,
  identity: Identity,
  name: string,
  create: Record<string, unknown> = {},
): Promise<SuiteTask> {
  const { template_id: templateId, ...params } = create;
  const out = createRequest(
    { ...ctx, identity },
    { name: `${TASK_PREFIX}${name}`, ...params },
    { templateId: typeof templateId === "string" ? templateId : undefined },
  );
  const exchange = await sendFor(ctx, out);
  const json = exchange.response?.json;
  const data = isObject(json) && isObject(json.data) ? json.data : undefined;
  if (typeof data?.task_id !== "number") {
    throw new TaskPreparationError(
      `the example's task could not be created: ${exchange.error ?? exchange.response?.text}`,
    );
  }
  return { id: String(data.task_id), tree: data.pipeline_tree };
}

/**
 * A task of the identity's template, created once per run and never started, for the examples
 * that read or act on a task without saying which (`task_id` parameters).
 */
export function fixtureTask(ctx: RunContext, identity: Identity): Promise<SuiteTask> {
  return once(ctx, `fixture-task:${identity.bizId}:${identity.templateId}`, () =>
    createTask(ctx, identity, "fixture"),
  );
}

/** A call of a task operation (start_task, operate_task, get_task_status) in the given form. */
export function taskCall(
  ctx: RunContext,
  form: Form,
  identity: Identity,
  taskId: string,
  name: string,
  method: "GET" | "POST",
  params: Record<string, string> = {},
): Outgoing {
  const credentials = credentialKeys(identity.credentials);
  const operationId = ctx.operations.get(name)?.operationIds[form] ?? name;
  if (form === "esb") {
    const fields = { ...credentials, bk_biz_id: identity.bizId, task_id: taskId, ...params };
    return method === "GET"
      ? { form, operationId, method, path: `${ESB_PREFIX}/${name}/?${new URLSearchParams(fields)}` }
      : { form, operationId, method, path: `${ESB_PREFIX}/${name}/`, body: fields };
  }
  const path = `/${name}/${taskId}/${identity.bizId}/`;
  const headers = { [AUTH_HEADER]: JSON.stringify(credentials) };
  return method === "GET"
    ? { form, operationId, method, path, headers }
    : { form, operationId, method, path, headers, body: params };
}

const SETTLED: Record<"finish" | "settle", string[]> = {
  finish: ["FINISHED"],
  settle: ["FINISHED", "FAILED", "REVOKED"],
};

async function runStep(ctx: RunContext, form: Form, identity: Identity, taskId: string, step: TaskStep) {
  if (step === "finish" || step === "settle") {
    const deadline = Date.now() + ctx.timeoutMs;
    let state: unknown;
    while (Date.now() < deadline) {
      const exchange = await sendFor(ctx, taskCall(ctx, form, identity, taskId, "get_task_status", "GET"));
      const json = exchange.response?.json;
      state = isObject(json) && isObject(json.data) ? json.data.state : undefined;
      if (typeof state === "string" && SETTLED[step].includes(state)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new TaskPreparationError(
      `task ${taskId} did not reach ${SETTLED[step].join("/")} in time (state ${state})`,
    );
  }
  const out =
    step === "start"
      ? taskCall(ctx, form, identity, taskId, "start_task", "POST")
      : taskCall(ctx, form, identity, taskId, "operate_task", "POST", { action: step });
  const exchange = await sendFor(ctx, out);
  const json = exchange.response?.json;
  if (!isObject(json) || json.result !== true) {
    throw new TaskPreparationError(
      `${step} of task ${taskId} failed: ${exchange.error ?? exchange.response?.text}`,
    );
  }
}

/**
 * The task an example's `task_id` names: the shared fixture task, or (`x-contract.task`) one made
 * for the example (with `create`, the example's parameters as the scene maps them) and taken
 * through its steps. A static mock gets the fixture: it keeps no state.
 */
export async function exampleTask(
  ctx: RunContext,
  pair: ExamplePair,
  form: Form,
  identity: Identity,
  create: Record<string, unknown> | undefined = pair.request?.contract.task?.create,
) {
  const wanted = pair.request?.contract.task;
  if (!wanted || ctx.target.staticMock) return fixtureTask(ctx, identity);
  const task = await createTask(ctx, identity, pair.name, create);
  for (const step of wanted.steps ?? []) await runStep(ctx, form, identity, task.id, step);
  return task;
}

/** The id of the activity of `tree` made from the template node `templateNodeId`. */
export function taskNodeId(tree: unknown, templateNodeId: string): string | undefined {
  const activities = isObject(tree) && isObject(tree.activities) ? tree.activities : {};
  for (const [id, activity] of Object.entries(activities)) {
    if (isObject(activity) && activity.template_node_id === templateNodeId) return id;
  }
  return undefined;
}
