import { CODES } from "../../errors.js";
import type { Operation } from "../operation.js";
import { objectDoesNotExist } from "../shared/iam.js";
import { injectProject, requestParams } from "../shared/project.js";
import { checkTaskIam } from "../shared/task-iam.js";
import { dispatchStart, taskOfProject } from "../shared/tasks.js";
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
    const params = requestParams(input, "POST");
    const project = injectProject(deps.store, input.params.bk_biz_id ?? "", params);
    const taskId = Number(input.params.task_id);
    checkTaskIam(deps.store, input.caller, taskId, "task_operate");
    // The view parses the body again, and an empty one is not JSON.
    if (input.body.kind === "empty") {
      return { result: false, message: "invalid json format", code: CODES.REQUEST_PARAM_INVALID };
    }
    const action = params.action;
    const username = input.caller.user.username;
    if (action === "start") {
      const task = taskOfProject(deps.store, taskId, project);
      if (!task) throw objectDoesNotExist(`TaskFlowInstance(id=${taskId}) does not exist.`);
      if (task.isStarted)
        return { result: false, code: CODES.INVALID_OPERATION, message: "task already started" };
      dispatchStart(deps, task, username);
      return { message: "success", result: true, code: CODES.SUCCESS };
    }
    const task = taskOfProject(deps.store, taskId, project);
    if (!task) throw objectDoesNotExist("TaskFlowInstance matching query does not exist.");
    return taskAction(deps, task, action);
  },
};
