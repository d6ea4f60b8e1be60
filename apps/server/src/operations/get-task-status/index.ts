import { CODES } from "../../errors.js";
import type { Operation } from "../operation.js";
import { enterTaskView } from "../shared/task-view.js";
import { taskStatus } from "./status.js";

/**
 * operationIds getTaskStatus (gateway) and getTaskStatusEsb: bk-sops' `get_task_status` view
 * (engine v2, its default status format). bk-sops caches an answer other than CREATED for 10 s per
 * worker process; this server always answers the current state.
 */
export const getTaskStatusOperation: Operation = {
  name: "get_task_status",
  operationIds: { gateway: "getTaskStatus", esb: "getTaskStatusEsb" },
  method: "GET",
  pathParams: ["task_id", "bk_biz_id"],
  handle(deps, input) {
    const task = enterTaskView(deps, input, "GET", "task_view").task();
    if (!task) {
      return {
        result: false,
        message: `task[id=${input.params.task_id}] get status error: TaskFlowInstance matching query does not exist.`,
        code: CODES.UNKNOWN_ERROR,
      };
    }
    return taskStatus(deps, task, input.query);
  },
};
