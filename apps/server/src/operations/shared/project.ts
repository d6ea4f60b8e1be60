import { isPlainObject, pyRepr, pyStr } from "@bksops/domain";
import type { Project } from "../../db/repos/projects.js";
import type { Store } from "../../db/store.js";
import { BkSopsError, CODES } from "../../errors.js";
import type { Body } from "../../http/parse-body.js";
import type { OperationInput } from "../operation.js";

/** Python's `str()` of a JSON value (a list or dict prints as its repr). */
export const pyText = (value: unknown): string =>
  typeof value === "object" && value !== null ? pyRepr(value) : pyStr(value);

/**
 * The parameters bk-sops' `project_inject` reads from a POST body: an empty body is `{}`; a body
 * that is not a JSON object is refused before anything else, without `trace_id`.
 */
export function bodyParams(body: Body): Record<string, unknown> {
  if (body.kind === "empty") return {};
  if (body.kind === "json" && isPlainObject(body.value)) return { ...body.value };
  throw new BkSopsError("invalid param format", CODES.REQUEST_PARAM_INVALID, { traceId: false });
}

/**
 * bk-sops' `project_inject`: `{bk_biz_id}` of the path is a CMDB business id when `scope` is
 * `cmdb_biz` (the default, also when the key is absent), and a project id for any other value
 * (an explicit `null` included). `scope` comes from the query (GET) or the body (POST).
 */
export function injectProject(store: Store, scopeId: string, params: Record<string, unknown>): Project {
  const scope = "scope" in params ? params.scope : "cmdb_biz";
  const project = store.projects.find(Number(scopeId), typeof scope === "string" ? scope : "");
  if (!project) {
    throw new BkSopsError(
      `project(${scopeId}) with scope(${pyText(scope)}) does not exist.`,
      CODES.CONTENT_NOT_EXIST,
      { traceId: false },
    );
  }
  return project;
}

/** What `project_inject` reads `scope` from: the JSON body of a POST, the query string of a GET. */
export function requestParams(input: Pick<OperationInput, "body" | "query">, method: "GET" | "POST") {
  if (method === "GET") return { ...input.query } as Record<string, unknown>;
  return bodyParams(input.body);
}

/** bk-sops' `TaskFlowInstance.task_url`: it carries the internal project id, not bk_biz_id. */
export const taskUrlOf = (bkSopsHost: string, projectId: number, taskId: number | string) =>
  `${bkSopsHost}taskflow/execute/${projectId}/?instance_id=${taskId}`;
