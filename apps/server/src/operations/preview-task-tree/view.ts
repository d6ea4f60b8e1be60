import { type PipelineTree, previewTaskTree, pyTruthy } from "@bksops/domain";
import type { StoredTemplate } from "../../db/repos/templates.js";
import type { Store } from "../../db/store.js";
import { BkSopsError, CODES } from "../../errors.js";
import { NO_SNAPSHOT, treeAtVersion } from "../../templates/catalog.js";
import type { OperationDeps, OperationInput, ViewResult } from "../operation.js";
import { interceptTemplateView, MODEL } from "../shared/iam.js";
import { bodyParams, injectProject } from "../shared/project.js";

/** What differs between bk-sops' `preview_task_tree` and `preview_common_task_tree`. */
export interface PreviewKind {
  /** The view's name, which prefixes its failure messages. */
  name: "preview_task_tree" | "preview_common_task_tree";
  source: "project" | "common";
}

/**
 * bk-sops' preview views, decorators then view, in their order: the body must be a JSON object
 * and name an existing project (`project_inject`, also for common templates); apps that are not
 * trusted need the template to exist and the view permission (IAM); then the view parses the body,
 * checks `exclude_task_nodes_id`, and previews. Nothing is stored.
 */
export function preview(deps: OperationDeps, input: OperationInput, kind: PreviewKind): ViewResult {
  const { store } = deps;
  const params = bodyParams(input.body);
  const project = injectProject(store, input.params.bk_biz_id ?? "", params);
  const templateId = input.params.template_id ?? "";
  interceptTemplateView(store, input.caller, kind.source, templateId);

  // The view parses the body itself: an empty one passed the decorators as `{}`, but not here.
  if (input.body.kind === "empty") {
    throw new BkSopsError("request body is not a valid json", CODES.REQUEST_PARAM_INVALID);
  }
  const exclude = "exclude_task_nodes_id" in params ? params.exclude_task_nodes_id : [];
  if (!Array.isArray(exclude)) {
    throw new BkSopsError("invalid exclude_task_nodes_id", CODES.REQUEST_PARAM_INVALID);
  }
  try {
    const template =
      kind.source === "project"
        ? store.templates.findProjectTemplate(Number(templateId), project.id)
        : store.templates.findCommonTemplate(Number(templateId));
    if (!template) throw new Error(`${MODEL[kind.source]} matching query does not exist.`);
    return {
      result: true,
      data: previewTaskTree(treeOfVersion(store, template, params.version), exclude),
      code: 0,
    };
  } catch (error) {
    throw new BkSopsError(`${kind.name} fail: ${(error as Error).message}`, CODES.UNKNOWN_ERROR);
  }
}

/**
 * `get_pipeline_tree_by_version`: no version (or a falsy one) is the current tree; any other value
 * looks a snapshot up by its name, and bk-sops reads `.data` of the `None` it finds for an unknown one.
 */
function treeOfVersion(store: Store, template: StoredTemplate, version: unknown): PipelineTree {
  const tree = treeAtVersion(store.templates, template, pyTruthy(version) ? String(version) : null);
  if (!tree || (pyTruthy(version) && typeof version !== "string")) throw new Error(NO_SNAPSHOT);
  return tree;
}
