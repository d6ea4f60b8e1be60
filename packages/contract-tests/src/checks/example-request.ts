import type { ExamplePair } from "@bksops/api-types";
import { AUTH_HEADER, formOfPath, type Outgoing } from "../http.js";
import { DEMO_EXAMPLE_IDS } from "../targets/target.js";
import type { Form } from "../types.js";
import { type RunContext, TASK_PREFIX } from "./check.js";
import { isObject } from "./diff.js";
import { exampleTask, type SuiteTask, TaskPreparationError, taskNodeId } from "./example-task.js";
import { credentialKeys } from "./requests.js";

type Json = Record<string, unknown>;

/** The form an example pair's operation is reached through (from its path). */
export const formOf = (pair: ExamplePair): Form => formOfPath(pair.path);

/** A request built from an example, and the `key=value` texts it changed (to fix the expected message). */
export interface ExampleRequest {
  out: Outgoing;
  replaced: Array<[from: string, to: string]>;
}

const USER_KEYS = ["bk_token", "bk_username"];
const ID_KEYS = ["bk_biz_id", "template_id", "task_id"];

// Puts the target's credentials and ids into the keys the example has, except those it keeps.
function substitute(value: Json, keep: string[], target: Json, replaced: Array<[string, string]>): Json {
  const out = { ...value };
  const set = (key: string, to: string | undefined) => {
    if (to === undefined) return;
    if ((typeof out[key] === "string" || typeof out[key] === "number") && String(out[key]) !== to)
      replaced.push([`${key}=${out[key]}`, `${key}=${to}`]);
    out[key] = to;
  };
  for (const key of ["bk_app_code", "bk_app_secret", ...ID_KEYS]) {
    if (key in out && !keep.includes(key)) set(key, target[key] as string | undefined);
  }
  if (USER_KEYS.some((key) => key in out) && !USER_KEYS.some((key) => keep.includes(key))) {
    for (const key of USER_KEYS) delete out[key];
    for (const key of USER_KEYS) if (typeof target[key] === "string") out[key] = target[key];
  }
  return out;
}

/** The values the target's own ids and credentials give each substitutable key. */
async function ownValues(ctx: RunContext, pair: ExamplePair): Promise<{ values: Json; task?: SuiteTask }> {
  const contract = pair.request?.contract ?? {};
  // Demo examples name demo templates, so their ids stay; credentials are always the target's.
  const ids = contract.fixture === "demo" ? { ...ctx.identity, ...DEMO_EXAMPLE_IDS } : ctx.identity;
  const task = needsTask(pair) ? await exampleTask(ctx, pair, formOf(pair), ids) : undefined;
  const values: Json = {
    ...credentialKeys(ctx.identity.credentials),
    bk_biz_id: ids.bizId,
    template_id: ids.templateId,
    ...(task ? { task_id: task.id } : {}),
  };
  return { values, task };
}

/** Whether building the request needs a task (a `task_id` path, query or body value). */
export function needsTask(pair: ExamplePair): boolean {
  const request = pair.request;
  const keep = request?.contract.keep ?? [];
  if (keep.includes("task_id") || request?.contract.params?.task_id !== undefined) return false;
  return (
    request?.contract.task !== undefined ||
    pair.path.includes("{task_id}") ||
    "task_id" in (request?.parameters.query ?? {}) ||
    (isObject(request?.value) && "task_id" in request.value)
  );
}

/** The example's request as the target should receive it (see the brief's substitution rules). */
export async function exampleRequest(ctx: RunContext, pair: ExamplePair): Promise<ExampleRequest> {
  const form = formOf(pair);
  const request = pair.request;
  const contract = request?.contract ?? {};
  const keep = contract.keep ?? [];
  const { values: own, task } = await ownValues(ctx, pair);
  const replaced: Array<[string, string]> = [];
  const creates = isObject(pair.response.value) && pair.response.value.result === true;

  let body = request?.value;
  if (isObject(body)) {
    body = substitute(body, keep, own, replaced);
    for (const key of contract.omit ?? []) delete (body as Json)[key];
    if (creates && typeof (body as Json).name === "string")
      (body as Json).name = `${TASK_PREFIX}${(body as Json).name}`;
  }
  let query: Json = substitute({ ...(request?.parameters.query ?? {}) }, keep, own, replaced);
  for (const key of contract.omit ?? []) delete query[key];
  query = { ...query, ...pickQuery(contract.params, pair) };
  if (contract.node && task && !ctx.target.staticMock) {
    // The node's id differs in every task: the one made from the named template node.
    const nodeId = taskNodeId(task.tree, contract.node);
    if (!nodeId)
      throw new TaskPreparationError(`the task has no node made from template node ${contract.node}`);
    query.node_id = nodeId;
  }

  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(request?.parameters.header ?? {})) headers[key] = String(value);
  if (ctx.target.staticMock) {
    // Prism picks the answer by name (and by status when it is not the first one).
    headers.Prefer =
      pair.response.status === 200
        ? `example=${pair.name}`
        : `code=${pair.response.status}, example=${pair.name}`;
  }
  const method = pair.method;
  const withQuery = (path: string) => {
    const entries = Object.entries(query).flatMap(
      ([key, value]): Array<[string, string]> =>
        value === undefined ? [] : [[key, typeof value === "string" ? value : JSON.stringify(value)]],
    );
    return entries.length === 0 ? path : `${path}?${new URLSearchParams(entries)}`;
  };

  if (form === "esb") {
    return {
      out: { form, operationId: pair.operationId, method, path: withQuery(pair.path), headers, body },
      replaced,
    };
  }
  const credentialsInBody = isObject(body) && "bk_app_code" in body;
  const credentialsInQuery = "bk_app_code" in query;
  if (contract.authorization) {
    headers[AUTH_HEADER] = JSON.stringify(substitute(contract.authorization, keep, own, replaced));
  } else if ((!credentialsInBody && !credentialsInQuery) || ctx.target.staticMock) {
    // Prism answers 401 without the header, whatever the body holds.
    headers[AUTH_HEADER] = JSON.stringify(credentialKeys(ctx.identity.credentials));
  }
  const path = pair.path.replace(/\{([^}]+)\}/g, (_all, name: string) => {
    const value = pathValue(name, pair, own, keep);
    return encodeURIComponent(value);
  });
  return {
    out: { form, operationId: pair.operationId, method, path: withQuery(path), headers, body },
    replaced,
  };
}

/** A path parameter: the contract's value, the example's own (when kept), else the target's. */
function pathValue(name: string, pair: ExamplePair, own: Json, keep: string[]): string {
  const contract = pair.request?.contract ?? {};
  const fixed = contract.params?.[name] ?? (name === "template_id" ? contract.template_id : undefined);
  if (fixed !== undefined) return fixed;
  const example = pair.request?.parameters.path[name];
  if (example !== undefined && keep.includes(name)) return String(example);
  const mine = own[name];
  if (mine !== undefined) return String(mine);
  if (example !== undefined) return String(example);
  throw new Error(`no value for the path parameter {${name}} of ${pair.operationId}`);
}

/** The contract's fixed values for query parameters of the operation (not path ones). */
function pickQuery(params: Record<string, string> | undefined, pair: ExamplePair): Json {
  if (!params) return {};
  return Object.fromEntries(Object.entries(params).filter(([name]) => !pair.path.includes(`{${name}}`)));
}

/** The documented answer with the substituted `key=value` texts of its message replaced too. */
export function expectedAnswer(pair: ExamplePair, replaced: Array<[string, string]>): unknown {
  const value = pair.response.value;
  if (!isObject(value) || typeof value.message !== "string") return value;
  const message = replaced.reduce((text, [from, to]) => text.split(from).join(to), value.message);
  return { ...value, message };
}
