import { send } from "../http.js";
import type { Exchange } from "../types.js";
import { once, type Recorder, type RunContext, skipped, TASK_PREFIX, type Verdict } from "./check.js";
import { brief, isObject } from "./diff.js";
import { createRequest } from "./requests.js";

type Json = Record<string, unknown>;

/** A create_task call the suite made, and what it learned from the answer. */
export interface Created {
  exchange: Exchange;
  /** Why the answer is not a created task; absent when it is one. */
  problem?: string;
  data?: Json;
  tree?: Json;
}

/** Creates a task from the target's template (name prefixed) and reads the answer. */
export async function createTask(ctx: RunContext, label: string, params: Json = {}): Promise<Created> {
  const exchange = await send(
    ctx.target,
    createRequest(ctx, { name: `${TASK_PREFIX}${label}`, ...params }),
    ctx.timeoutMs,
  );
  const body = exchange.response?.json;
  if (!exchange.response) return { exchange, problem: `no answer: ${exchange.error}` };
  if (!isObject(body))
    return {
      exchange,
      problem: `HTTP ${exchange.response.status}, body is not a JSON object: ${brief(exchange.response.text)}`,
    };
  if (body.result !== true)
    return {
      exchange,
      problem: `result is ${brief(body.result)}: ${brief(body.message)} (code ${brief(body.code)})`,
    };
  if (!isObject(body.data)) return { exchange, problem: "result is true but data is not an object" };
  const tree = isObject(body.data.pipeline_tree) ? body.data.pipeline_tree : undefined;
  return { exchange, data: body.data, tree, problem: tree ? undefined : "data has no pipeline_tree" };
}

/** The first create of the run, from which the suite learns the template (discovery). */
export const discovery = (ctx: RunContext) => once(ctx, "discovery", () => createTask(ctx, "discovery"));
/** A second plain create, to compare ids and task ids with the first. */
export const secondCreate = (ctx: RunContext) => once(ctx, "second", () => createTask(ctx, "second"));

/** The template activities of a created tree: template node id → activity. */
export function activitiesByTemplateId(tree: Json): Map<string, Json> {
  const found = new Map<string, Json>();
  const activities = isObject(tree.activities) ? tree.activities : {};
  for (const [id, activity] of Object.entries(activities)) {
    if (!isObject(activity)) continue;
    found.set(typeof activity.template_node_id === "string" ? activity.template_node_id : id, activity);
  }
  return found;
}

/** The discovery create, attached to the check; a skip when discovery failed (its own check fails). */
export async function learned(ctx: RunContext, recorder: Recorder): Promise<Created | Verdict> {
  const first = await discovery(ctx);
  recorder.attach(first.exchange);
  if (first.problem) return skipped(`discovery failed (see semantics.create-succeeds): ${first.problem}`);
  return first;
}
