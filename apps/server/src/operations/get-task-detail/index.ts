import { CODES } from "../../errors.js";
import type { Operation } from "../operation.js";
import { enterTaskView } from "../shared/task-view.js";
import { booleanFieldErrors } from "./boolean-fields.js";
import { taskDetail } from "./detail.js";
import { trimPipelineTree } from "./mcp-trim.js";

// IncludeTaskSerializer's fields, in its order; only include_webhook_history changes the answer.
const INCLUDE_FIELDS = ["include_edit_info", "include_webhook_history", "include_children_status"];

/**
 * operationIds getTaskDetail (gateway) and getTaskDetailEsb: bk-sops' `get_task_detail` view.
 * MCP callers get no `task_webhook_history`, and `pipeline_tree` only with
 * `include_pipeline_tree=true`, trimmed.
 */
export const getTaskDetailOperation: Operation = {
  name: "get_task_detail",
  operationIds: { gateway: "getTaskDetail", esb: "getTaskDetailEsb" },
  method: "GET",
  pathParams: ["task_id", "bk_biz_id"],
  handle(deps, input) {
    const view = enterTaskView(deps, input, "GET", "task_view");
    const { project } = view;
    const fields = booleanFieldErrors(input.query, INCLUDE_FIELDS);
    if (!fields.ok) return { result: false, message: fields.errors, code: CODES.REQUEST_PARAM_INVALID };
    const task = view.task();
    if (!task) {
      return {
        result: false,
        message:
          `[API] get_task_detail task[id=${input.params.task_id}] ` +
          `of project[project_id=${project.id}, biz_id${project.bkBizId}] does not exist`,
        code: CODES.CONTENT_NOT_EXIST,
      };
    }
    const data = taskDetail(deps, task, project);
    // No webhook is ever delivered by this server: the history is empty.
    if (fields.values.include_webhook_history) data.task_webhook_history = [];
    if (input.mcp) {
      if (/^(true|1|yes)$/i.test(input.query.include_pipeline_tree ?? "")) {
        data.pipeline_tree = trimPipelineTree(deps.engine.treeOf(task));
      } else delete data.pipeline_tree;
      delete data.task_webhook_history;
    }
    return { result: true, data, code: CODES.SUCCESS };
  },
};
