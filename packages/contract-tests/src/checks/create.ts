import type { Exchange } from "../types.js";
import { type RunContext, sendFor, TASK_PREFIX } from "./check.js";
import { brief, isObject } from "./diff.js";
import { createRequest } from "./requests.js";

type Json = Record<string, unknown>;

/** A create_task call the suite made, and what came back. */
export interface Created {
  exchange: Exchange;
  /** Why the answer is not a created task; absent when it is one. */
  problem?: string;
  data?: Json;
  tree?: Json;
}

/** Reads a create_task answer: the task, or why there is none. */
export function readCreated(exchange: Exchange): Created {
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

/** Creates a task from the target's template (name prefixed) and reads the answer. */
export async function createTask(ctx: RunContext, label: string, params: Json = {}): Promise<Created> {
  const exchange = await sendFor(ctx, createRequest(ctx, { name: `${TASK_PREFIX}${label}`, ...params }));
  return readCreated(exchange);
}
