import { pyStr } from "@bksops/domain";
import type { Project } from "../db/repos/projects.js";
import type { Store } from "../db/store.js";
import { BkSopsError, CODES } from "../errors.js";
import { pyRepr } from "../validation/python-repr.js";

/**
 * bk-sops' `project_inject` decorator: the path's `bk_biz_id` names a business (`scope` absent or
 * `cmdb_biz`) or, for any other scope, a project id. Answered before the view, so without trace_id.
 */
export function injectProject(store: Store, scopeId: string, scope: unknown): Project {
  const project = store.projects.find(Number(scopeId), typeof scope === "string" ? scope : "");
  if (project) return project;
  // Python's str(): a list or dict scope prints as its repr.
  const shown = typeof scope === "object" && scope !== null ? pyRepr(scope) : pyStr(scope);
  throw new BkSopsError(`project(${scopeId}) with scope(${shown}) does not exist.`, CODES.CONTENT_NOT_EXIST, {
    traceId: false,
  });
}
