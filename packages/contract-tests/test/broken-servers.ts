// Deliberately wrong implementations: the reference app with one fault added, each as a fetch function.
import { excludeNodesInPlace, type PipelineTree } from "@bksops/domain";
import type { TestServerContext } from "@bksops/server/testing";
import type { FetchFn } from "../src/index.js";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

async function jsonOf(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.clone().text());
  } catch {
    return undefined;
  }
}

const answer = (
  body: unknown,
  status = 200,
  headers: Record<string, string> | Headers = { "Content-Type": "application/json" },
) => new Response(JSON.stringify(body), { status, headers });

const isCreate = (request: Request) =>
  request.method === "POST" && /\/create_task\//.test(new URL(request.url).pathname);

/** Rewrites the JSON answer of every call (`edit` returns a number to change the status too). */
function afterwards(app: FetchFn, edit: (body: Json, request: Request, sent: Json) => unknown): FetchFn {
  return async (request) => {
    const copy = request.clone();
    const response = await app(request);
    const body = await jsonOf(response);
    if (!isObject(body)) return response;
    let sent: Json = {};
    try {
      const parsed = JSON.parse(await copy.text());
      if (isObject(parsed)) sent = parsed;
    } catch {
      sent = {};
    }
    const edited = edit(body, request, sent);
    const status = typeof edited === "number" ? edited : response.status;
    const headers = new Headers(response.headers);
    headers.delete("content-length");
    return answer(body, status, headers);
  };
}

/** Rewrites the JSON body of every request before the app sees it (or answers in its place). */
function beforehand(
  app: FetchFn,
  edit: (body: unknown, raw: string, url: string) => Response | unknown,
): FetchFn {
  return async (request) => {
    if (request.method !== "POST") return app(request);
    const raw = await request.text();
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      body = undefined;
    }
    const edited = edit(body, raw, request.url);
    if (edited instanceof Response) return edited;
    const text = edited === undefined ? raw : JSON.stringify(edited);
    return app(new Request(request.url, { method: "POST", headers: request.headers, body: text }));
  };
}

/** The tree of a create's answer. */
const treeOf = (body: Json): Json | undefined =>
  isObject(body.data) && isObject(body.data.pipeline_tree) ? body.data.pipeline_tree : undefined;

/** Answers `task_id` as a string. */
export const taskIdAsString = (app: FetchFn) =>
  afterwards(app, (body) => {
    if (isObject(body.data) && typeof body.data.task_id === "number")
      body.data.task_id = String(body.data.task_id);
  });

/** Drops `exclude_task_nodes_id` from the request, so nothing is ever excluded. */
export const ignoresExclusion = (app: FetchFn) =>
  beforehand(app, (body) => {
    if (!isObject(body)) return undefined;
    const { exclude_task_nodes_id: _dropped, ...rest } = body;
    return rest;
  });

/** Drops every optional node from the task when the request asks for no exclusion at all. */
export const dropsOptionalNodes = (app: FetchFn) =>
  afterwards(app, (body, request, sent) => {
    const tree = treeOf(body);
    const asked = ["exclude_task_nodes_id", "execute_task_nodes_id", "template_schemes_id"].some(
      (key) => key in sent,
    );
    if (!tree || !isCreate(request) || asked) return;
    const activities = tree.activities as Record<string, Json>;
    const optional = Object.keys(activities).filter((id) => activities[id]?.optional === true);
    excludeNodesInPlace(tree as unknown as PipelineTree, optional);
  });

/** Ignores `constants`: every variable keeps the template's value. */
export const ignoresConstants = (app: FetchFn) =>
  beforehand(app, (body) => {
    if (!isObject(body)) return undefined;
    const { constants: _dropped, ...rest } = body;
    return rest;
  });

/** Ignores `template_schemes_id`: a scheme runs every node. */
export const ignoresSchemes = (app: FetchFn) =>
  beforehand(app, (body) => {
    if (!isObject(body)) return undefined;
    const { template_schemes_id: _dropped, ...rest } = body;
    return rest;
  });

/** Keeps the variables it should prune: every variable of the template is in the task. */
export const keepsPrunedConstants = (app: FetchFn, context: TestServerContext) =>
  afterwards(app, (body, request, sent) => {
    const tree = treeOf(body);
    if (!tree || !isCreate(request)) return;
    const [, templateId] = /\/create_task\/(\d+)\//.exec(new URL(request.url).pathname) ?? [];
    const id = Number(templateId ?? sent.template_id);
    const template = context.store.templates.findCommonTemplate(id) ?? findProjectTemplate(context, id);
    const constants = tree.constants as Json;
    for (const [key, constant] of Object.entries(template?.tree.constants ?? {}))
      if (!(key in constants)) constants[key] = structuredClone(constant);
  });

function findProjectTemplate(context: TestServerContext, id: number) {
  for (const project of context.store.projects.all()) {
    const found = context.store.templates.findProjectTemplate(id, project.id);
    if (found) return found;
  }
  return undefined;
}

/** Points every divergent gateway's `converge_gateway_id` at the wrong converge (another one, or itself). */
export const wrongConvergeGateway = (app: FetchFn) =>
  afterwards(app, (body) => {
    const tree = treeOf(body);
    if (!tree) return;
    const gateways = Object.values(tree.gateways as Record<string, Json>);
    const converges = gateways.filter((g) => g.type === "ConvergeGateway").map((g) => String(g.id));
    for (const gateway of gateways) {
      if (typeof gateway.converge_gateway_id !== "string") continue;
      gateway.converge_gateway_id = converges.find((id) => id !== gateway.converge_gateway_id) ?? gateway.id;
    }
  });

/** Answers bk-sops' own refusals (`result: false`, HTTP 200) with HTTP 400. */
export const wrongStatusOnError = (app: FetchFn) =>
  afterwards(app, (body) => (body.result === false && !("code_name" in body) ? 400 : undefined));

/** Renames every generated id to the same fixed set on each call, so ids are reused across tasks. */
export const reusesIds = (app: FetchFn) =>
  afterwards(app, (body) => {
    const tree = treeOf(body);
    if (!tree || !isObject(body.data)) return;
    const names = new Map<string, string>();
    const fixed = (prefix: string, id: string) =>
      names.get(id) ?? names.set(id, `${prefix}${String(names.size).padStart(31, "0")}`).get(id);
    for (const key of ["activities", "gateways"])
      for (const id of Object.keys((tree[key] as Json) ?? {})) fixed("n", id);
    for (const event of [tree.start_event, tree.end_event]) if (isObject(event)) fixed("n", String(event.id));
    for (const id of Object.keys((tree.flows as Json) ?? {})) fixed("l", id);
    if (typeof tree.id === "string") fixed("n", tree.id);
    const rename = (value: unknown): unknown => {
      if (typeof value === "string") return names.get(value) ?? value;
      if (Array.isArray(value)) return value.map(rename);
      if (!isObject(value)) return value;
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [names.get(k) ?? k, k === "template_node_id" ? v : rename(v)]),
      );
    };
    body.data.pipeline_tree = rename(tree);
  });

/** Answers `result: true` to a create_task without `name` (the other calls are left alone). */
export const acceptsMissingName = (app: FetchFn) =>
  beforehand(app, (body, _raw, url) => {
    if (!url.includes("/create_task/") || !isObject(body) || "name" in body) return undefined;
    return answer({
      result: true,
      data: { task_id: 1, task_url: "http://bk_sops_host/taskflow/execute/3/?instance_id=1" },
      code: 0,
    });
  });

/** Answers a bare 500 page to a body that is not JSON. */
export const crashesOnMalformedJson = (app: FetchFn) =>
  beforehand(app, (body, raw) =>
    body === undefined && raw !== ""
      ? new Response("Internal Server Error", { status: 500, headers: { "Content-Type": "text/html" } })
      : undefined,
  );
