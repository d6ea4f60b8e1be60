import { type RunContext, sendFor } from "./checks/check.js";
import { isObject } from "./checks/diff.js";
import { taskCall } from "./checks/example-task.js";
import type { Exchange, Form } from "./types.js";

/** The operations whose success starts a task (it then runs the template's nodes). */
const STARTS = new Set(["start_task", "create_and_start_task"]);
/** States a task leaves no more: nothing to stop. */
const SETTLED = new Set(["FINISHED", "FAILED", "REVOKED"]);

/** What the run did about a task it started: its state then, and whether the suite revoked it. */
export interface StartedTask {
  taskId: number;
  bizId: string;
  form: Form;
  /** `revoked`, `settled (FINISHED)`, or why it could not be revoked. */
  cleanup: string;
}

/** The values of a gateway path's `{name}` segments in a URL sent to it. */
function pathValues(template: string, url: string): Record<string, string> {
  const names: string[] = [];
  const pattern = template
    .replace(/[.*+?^$()|[\]\\]/g, "\\$&")
    .replace(/\{([^}]+)\}/g, (_all, name: string) => {
      names.push(name);
      return "([^/?]+)";
    });
  const found = new RegExp(`${pattern}(?:\\?|$)`).exec(new URL(url).pathname);
  return Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(found?.[index + 1] ?? "")]));
}

/** The task a successful start names, and its business. */
function startedBy(
  ctx: RunContext,
  exchange: Exchange,
  name: string,
): { taskId: number; bizId: string } | undefined {
  const json = exchange.response?.json;
  if (!isObject(json) || json.result !== true) return undefined;
  let fields: Record<string, unknown> = {};
  if (exchange.form === "esb") {
    try {
      const body = JSON.parse(exchange.request.body ?? "{}");
      fields = isObject(body) ? body : {};
    } catch {
      fields = {};
    }
  } else {
    const template = ctx.operations.get(name)?.gatewayPath;
    if (template) fields = pathValues(template, exchange.request.url);
  }
  const taskId = name === "create_and_start_task" && isObject(json.data) ? json.data.task_id : fields.task_id;
  const bizId = fields.bk_biz_id;
  if (taskId === undefined || bizId === undefined || Number.isNaN(Number(taskId))) return undefined;
  return { taskId: Number(taskId), bizId: String(bizId) };
}

/**
 * Revokes (`operate_task` with `revoke`, the only way bk-sops' API offers to stop a task) every
 * task the run started that has not settled, so that a run leaves nothing running. Tasks never
 * started cannot be revoked, nor deleted through the API: they stay, listed in the reports.
 */
export async function revokeStartedTasks(ctx: RunContext): Promise<StartedTask[]> {
  const names = new Map<string, string>();
  for (const operation of ctx.operations.values())
    for (const id of Object.values(operation.operationIds)) if (id) names.set(id, operation.name);
  const started = new Map<number, { bizId: string; form: Form }>();
  for (const exchange of [...ctx.sent]) {
    const name = names.get(exchange.operationId);
    if (!name || !STARTS.has(name)) continue;
    const task = startedBy(ctx, exchange, name);
    if (task && !started.has(task.taskId))
      started.set(task.taskId, { bizId: task.bizId, form: exchange.form });
  }
  const out: StartedTask[] = [];
  for (const [taskId, { bizId, form }] of started) {
    const identity = { ...ctx.identity, bizId };
    const status = await sendFor(
      ctx,
      taskCall(ctx, form, identity, String(taskId), "get_task_status", "GET"),
    );
    const json = status.response?.json;
    const state = isObject(json) && isObject(json.data) ? json.data.state : undefined;
    if (typeof state === "string" && SETTLED.has(state)) {
      out.push({ taskId, bizId, form, cleanup: `settled (${state})` });
      continue;
    }
    const revoke = await sendFor(
      ctx,
      taskCall(ctx, form, identity, String(taskId), "operate_task", "POST", { action: "revoke" }),
    );
    const answer = revoke.response?.json;
    out.push({
      taskId,
      bizId,
      form,
      cleanup:
        isObject(answer) && answer.result === true
          ? "revoked"
          : `revoke failed: ${revoke.error ?? (isObject(answer) ? String(answer.message) : revoke.response?.text)}`,
    });
  }
  return out;
}
