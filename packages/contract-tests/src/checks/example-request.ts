import type { ExamplePair } from "@bksops/api-types";
import { AUTH_HEADER, formOfPath, type Outgoing } from "../http.js";
import type { Form } from "../types.js";
import { type RunContext, TASK_PREFIX } from "./check.js";
import { isObject } from "./diff.js";
import type { Scene } from "./example-scene.js";
import { exampleTask, type SuiteTask, TaskPreparationError, taskNodeId } from "./example-task.js";
import { credentialKeys } from "./requests.js";

type Json = Record<string, unknown>;

/** The form an example pair's operation is reached through (from its path). */
export const formOf = (pair: ExamplePair): Form => formOfPath(pair.path);

/** A request built from an example, and the `key=value` texts it changed (to fix the expected message). */
export interface ExampleRequest {
  out: Outgoing;
  replaced: Array<[from: string, to: string]>;
  /** The task made for the example (its `task_id`), with its tree as create_task answered it. */
  task?: SuiteTask;
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

/** The scene's values for each substitutable key, and the task made for the example if it needs one. */
async function ownValues(
  ctx: RunContext,
  pair: ExamplePair,
  scene: Scene,
): Promise<{ values: Json; task?: SuiteTask }> {
  const body = isObject(pair.request?.value) ? pair.request.value : {};
  const written = body.bk_biz_id ?? pair.request?.parameters.query.bk_biz_id;
  const identity = { ...ctx.identity, bizId: scene.bizId, templateId: scene.templateId };
  const create = pair.request?.contract.task?.create;
  // The task is made on the scene's template, with the example's parameters mapped onto it.
  const mapped = create ? { ...mapBody(create, scene), template_id: undefined } : undefined;
  const task = needsTask(pair) ? await exampleTask(ctx, pair, formOf(pair), identity, mapped) : undefined;
  const values: Json = {
    ...credentialKeys(scene.credentials ?? ctx.identity.credentials),
    bk_biz_id: (written !== undefined && scene.places.get(String(written))) || scene.bizId,
    template_id: scene.templateId,
    ...(task ? { task_id: task.id } : {}),
  };
  return { values, task };
}

/** Node ids, variable keys and scheme ids of the body, as the scene maps them. */
function mapBody(body: Json, scene: Scene): Json {
  const id = (value: unknown) => (typeof value === "string" ? (scene.ids.get(value) ?? value) : value);
  const out = { ...body };
  for (const key of ["exclude_task_nodes_id", "execute_task_nodes_id"])
    if (Array.isArray(out[key])) out[key] = (out[key] as unknown[]).map(id);
  if (Array.isArray(out.template_schemes_id)) out.template_schemes_id = out.template_schemes_id.map(id);
  else if (out.template_schemes_id !== undefined) out.template_schemes_id = id(out.template_schemes_id);
  if (isObject(out.constants))
    out.constants = Object.fromEntries(Object.entries(out.constants).map(([key, value]) => [id(key), value]));
  return out;
}

/** The example's request as the target should receive it, in the scene resolved for it. */
export async function exampleRequest(
  ctx: RunContext,
  pair: ExamplePair,
  scene: Scene,
): Promise<ExampleRequest> {
  const form = formOf(pair);
  const request = pair.request;
  const contract = request?.contract ?? {};
  // An example keeps what it names as written; off the demo data the scene decides the ids (a
  // documented id may exist, or mean something else, on the deployment).
  // The credentials of another caller (the whitelisted app, the user IAM grants nothing) replace
  // the kept ones: the app and user it names are the demo's.
  const caller = scene.credentials ? ["bk_app_code", "bk_app_secret", ...USER_KEYS] : [];
  const decided = ["template_id", "bk_biz_id", ...caller];
  const keep = (contract.keep ?? []).filter((key) => scene.mode === "documented" || !decided.includes(key));
  const { values: own, task } = await ownValues(ctx, pair, scene);
  const replaced: Array<[string, string]> = [];
  const creates =
    isObject(pair.response.value) && pair.response.value.result === true && pair.method === "POST";

  let body = request?.value;
  if (isObject(body)) {
    body = mapBody(substitute(body, keep, own, replaced), scene);
    for (const key of contract.omit ?? []) delete (body as Json)[key];
    if (creates && typeof (body as Json).name === "string")
      (body as Json).name = `${TASK_PREFIX}${(body as Json).name}`;
  }
  let query: Json = substitute({ ...(request?.parameters.query ?? {}) }, keep, own, replaced);
  for (const key of contract.omit ?? []) delete query[key];
  query = { ...query, ...pickQuery(contract.params, pair) };
  if (contract.node && task && !ctx.target.staticMock) {
    // The node's id differs in every task: the one made from the named template node.
    const templateNode = scene.ids.get(contract.node) ?? contract.node;
    const nodeId = taskNodeId(task.tree, templateNode);
    if (!nodeId)
      throw new TaskPreparationError(`the task has no node made from template node ${templateNode}`);
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
      task,
    };
  }
  const credentialsInBody = isObject(body) && "bk_app_code" in body;
  const credentialsInQuery = "bk_app_code" in query;
  if (contract.authorization) {
    const written = contract.authorization;
    // An app named by the example: the trusted app's credentials when the scene gives them.
    const authorization =
      scene.credentials && !ctx.target.demoData ? credentialKeys(scene.credentials) : written;
    headers[AUTH_HEADER] = JSON.stringify(substitute(authorization, keep, own, replaced));
  } else if ((!credentialsInBody && !credentialsInQuery) || ctx.target.staticMock) {
    // Prism answers 401 without the header, whatever the body holds.
    headers[AUTH_HEADER] = JSON.stringify(credentialKeys(scene.credentials ?? ctx.identity.credentials));
  }
  const path = pair.path.replace(/\{([^}]+)\}/g, (_all, name: string) =>
    encodeURIComponent(pathValue(name, pair, own, keep, scene)),
  );
  return {
    out: { form, operationId: pair.operationId, method, path: withQuery(path), headers, body },
    replaced,
    task,
  };
}

/** A path parameter: the contract's value as written, the example's own (when kept), else the scene's. */
function pathValue(name: string, pair: ExamplePair, own: Json, keep: string[], scene: Scene): string {
  const contract = pair.request?.contract ?? {};
  const fixed = contract.params?.[name];
  if (fixed !== undefined) return name === "bk_biz_id" ? (scene.places.get(fixed) ?? fixed) : fixed;
  const example = pair.request?.parameters.path[name];
  if (example !== undefined && keep.includes(name)) return String(example);
  const mine = own[name];
  if (mine !== undefined) return String(mine);
  if (example !== undefined) return String(example);
  throw new Error(`no value for the path parameter {${name}} of ${pair.operationId}`);
}

/** The contract's fixed values for query parameters of the operation (not path ones, not template ids). */
function pickQuery(params: Record<string, string> | undefined, pair: ExamplePair): Json {
  if (!params) return {};
  return Object.fromEntries(
    Object.entries(params).filter(([name]) => !pair.path.includes(`{${name}}`) && name !== "template_id"),
  );
}

/** The documented answer with the substituted texts of its message replaced too. */
export function expectedAnswer(pair: ExamplePair, replaced: Array<[string, string]>): unknown {
  const value = pair.response.value;
  if (!isObject(value) || typeof value.message !== "string") return value;
  const message = replaced.reduce((text, [from, to]) => text.split(from).join(to), value.message);
  return { ...value, message };
}
