// Deliberately wrong implementations: the reference app with one fault added, each as a fetch function.
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

/** Rewrites the JSON answer of every call. */
function afterwards(app: FetchFn, edit: (body: Json) => void): FetchFn {
  return async (request) => {
    const response = await app(request);
    const body = await jsonOf(response);
    if (!isObject(body)) return response;
    edit(body);
    const headers = new Headers(response.headers);
    headers.delete("content-length");
    return answer(body, response.status, headers);
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

/** Renames every generated id to the same fixed set on each call, so ids are reused across tasks. */
export const reusesIds = (app: FetchFn) =>
  afterwards(app, (body) => {
    const tree = isObject(body.data) ? body.data.pipeline_tree : undefined;
    if (!isObject(tree) || !isObject(body.data)) return;
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
