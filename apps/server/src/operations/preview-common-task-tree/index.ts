import type { Operation } from "../operation.js";
import { preview } from "../preview-task-tree/view.js";

/**
 * operationId previewCommonTaskTreeEsb: bk-sops' `preview_common_task_tree`, the preview of a common
 * template. bk-sops routes it and its ESB registered it, but its API gateway defines no such
 * resource: through the gateway the path is not found.
 */
export const previewCommonTaskTreeOperation: Operation = {
  name: "preview_common_task_tree",
  operationIds: { esb: "previewCommonTaskTreeEsb" },
  method: "POST",
  pathParams: ["bk_biz_id", "template_id"],
  handle(deps, input) {
    return preview(deps, input, { name: "preview_common_task_tree", source: "common" });
  },
};
