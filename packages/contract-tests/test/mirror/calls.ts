// Calls of bk-sops operations over real HTTP, in either form, as a client of a deployment makes them.
import { canonicalTree } from "@bksops/api-types";
import { CALLER } from "./stand-in.js";

type Json = Record<string, unknown>;
export type Form = "esb" | "gateway";

export interface Bases {
  esb: string;
  gateway: string;
}

export interface Answer {
  status: number;
  contentType: string;
  json: unknown;
  text: string;
}

const CREDENTIALS = {
  bk_app_code: CALLER.appCode,
  bk_app_secret: CALLER.appSecret,
  bk_token: CALLER.bkToken,
};

/**
 * One call of operation `name`: the gateway puts path parameters in the path (in the order given)
 * and credentials in `X-Bkapi-Authorization`; the ESB puts both in the query (GET) or body (POST).
 */
export async function call(
  bases: Bases,
  form: Form,
  name: string,
  pathParams: Array<[string, string]>,
  options: { method?: "GET" | "POST"; query?: Record<string, string>; body?: Json } = {},
): Promise<Answer> {
  const method = options.method ?? "GET";
  let url: string;
  const init: RequestInit = { method, headers: { "Content-Type": "application/json" } };
  if (form === "esb") {
    const ids = Object.fromEntries(pathParams);
    if (method === "GET")
      url = `${bases.esb}/api/c/compapi/v2/sops/${name}/?${new URLSearchParams({ ...CREDENTIALS, ...ids, ...options.query })}`;
    else {
      url = `${bases.esb}/api/c/compapi/v2/sops/${name}/`;
      init.body = JSON.stringify({ ...CREDENTIALS, ...ids, ...options.body });
    }
  } else {
    const query = options.query ? `?${new URLSearchParams(options.query)}` : "";
    url = `${bases.gateway}/${name}/${pathParams.map(([, value]) => `${value}/`).join("")}${query}`;
    init.headers = {
      "Content-Type": "application/json",
      "X-Bkapi-Authorization": JSON.stringify(CREDENTIALS),
    };
    if (method === "POST") init.body = JSON.stringify(options.body ?? {});
  }
  const response = await fetch(url, init);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, contentType: response.headers.get("content-type") ?? "", json, text };
}

/**
 * An answer as two servers can agree on it. Left out, each for its reason:
 * - `trace_id` (gateway) and `request_id` (ESB): drawn at random for every request;
 * - with `tasks`, node and flow ids of a task's tree: bk-sops draws new ones for every task, so
 *   trees are compared canonically (`canonicalTree`: ids named by template node, position and child
 *   template). A template's tree (reads, previews) keeps the template's ids: compared as it is.
 * Everything else (status, content type, every other field, task ids and urls) must be equal.
 */
export function comparable(answer: Answer, tasks = false): unknown {
  const json = structuredClone(answer.json) as Json | undefined;
  if (json && typeof json === "object") {
    delete json.trace_id;
    delete json.request_id;
    if (tasks) canonicalTrees(json);
  }
  return { status: answer.status, contentType: answer.contentType, body: json ?? answer.text };
}

/**
 * Every object holding a `pipeline_tree`, made canonical in place: its tree, and the task's ids
 * wherever else the object names them (a task detail's `constants` name nodes in `source_info`).
 */
function canonicalTrees(value: unknown): void {
  if (Array.isArray(value)) for (const item of value) canonicalTrees(item);
  else if (value && typeof value === "object") {
    const object = value as Json;
    const tree = object.pipeline_tree;
    if (tree && typeof tree === "object") {
      const { pipeline_tree: _tree, ...rest } = object;
      const named = canonicalTree({ ...(tree as Json), "(answer)": rest }) as Json;
      const { "(answer)": renamed, ...canonical } = named;
      for (const key of Object.keys(object)) delete object[key];
      Object.assign(object, renamed as Json, { pipeline_tree: canonical });
      return;
    }
    for (const item of Object.values(object)) canonicalTrees(item);
  }
}
