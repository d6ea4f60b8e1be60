import type { Operation } from "../operation.js";
import { preview } from "./view.js";

/**
 * operationIds previewTaskTree (gateway) and previewTaskTreeEsb: bk-sops' `preview_task_tree`,
 * the tree a task of a project template would start from. The path takes the business first:
 * `/preview_task_tree/{bk_biz_id}/{template_id}/`.
 */
export const previewTaskTreeOperation: Operation = {
  name: "preview_task_tree",
  operationIds: { gateway: "previewTaskTree", esb: "previewTaskTreeEsb" },
  method: "POST",
  pathParams: ["bk_biz_id", "template_id"],
  handle(deps, input) {
    return preview(deps, input, { name: "preview_task_tree", source: "project" });
  },
};
