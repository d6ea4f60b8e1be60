import { CODES } from "../../errors.js";
import type { Operation } from "../operation.js";
import { enterTaskView } from "../shared/task-view.js";
import { nodeDetail } from "./node-detail.js";

/** operationIds getTaskNodeDetail (gateway) and getTaskNodeDetailEsb: bk-sops' `get_task_node_detail` view. */
export const getTaskNodeDetailOperation: Operation = {
  name: "get_task_node_detail",
  operationIds: { gateway: "getTaskNodeDetail", esb: "getTaskNodeDetailEsb" },
  method: "GET",
  pathParams: ["task_id", "bk_biz_id"],
  handle(deps, input) {
    const { project, task: find } = enterTaskView(deps, input, "GET", "task_view");
    const task = find();
    if (!task) {
      return {
        result: false,
        message:
          `[API] get_task_node_detail task[id=${input.params.task_id}] ` +
          `of project[project_id=${project.id}, biz_id${project.bkBizId}] does not exist`,
        code: CODES.CONTENT_NOT_EXIST,
      };
    }
    let subprocessStack: unknown;
    try {
      subprocessStack = JSON.parse(input.query.subprocess_stack ?? "[]");
    } catch {
      return {
        result: false,
        message: "subprocess_stack is not a valid array json",
        code: CODES.UNKNOWN_ERROR,
      };
    }
    return nodeDetail(deps, task, {
      nodeId: input.query.node_id,
      componentCode: input.query.component_code,
      loop: input.query.loop,
      subprocessStack,
    });
  },
};
