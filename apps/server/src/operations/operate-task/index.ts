import { CODES } from "../../errors.js";
import type { Operation } from "../operation.js";
import { objectDoesNotExist } from "../shared/iam.js";
import { enterTaskView } from "../shared/task-view.js";
import { dispatchStart } from "../shared/tasks.js";
import { taskAction } from "./task-action.js";

/**
 * operationIds operateTask (gateway) and operateTaskEsb: bk-sops' `operate_task` view, whose
 * `action` is start, pause, resume or revoke.
 */
export const operateTaskOperation: Operation = {
  name: "operate_task",
  operationIds: { gateway: "operateTask", esb: "operateTaskEsb" },
  method: "POST",
  pathParams: ["task_id", "bk_biz_id"],
  handle(deps, input) {
    const { params, taskId, task: find } = enterTaskView(deps, input, "POST", "task_operate");
    // The view parses the body again, and an empty one is not JSON.
    if (input.body.kind === "empty") {
      return { result: false, message: "invalid json format", code: CODES.REQUEST_PARAM_INVALID };
    }
    const action = params.action;
    const username = input.caller.user.username;
    if (action === "start") {
      const task = find();
      if (!task) throw objectDoesNotExist(`TaskFlowInstance(id=${taskId}) does not exist.`);
      if (task.isStarted)
        return { result: false, code: CODES.INVALID_OPERATION, message: "task already started" };
      dispatchStart(deps, task, username);
      return { message: "success", result: true, code: CODES.SUCCESS };
    }
    const task = find();
    if (!task) throw objectDoesNotExist("TaskFlowInstance matching query does not exist.");
    return taskAction(deps, task, action);
  },
};
