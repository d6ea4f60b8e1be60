import { CODES } from "../../errors.js";
import type { Operation } from "../operation.js";
import { objectDoesNotExist } from "../shared/iam.js";
import { taskUrlOf } from "../shared/project.js";
import { enterTaskView } from "../shared/task-view.js";
import { dispatchStart } from "../shared/tasks.js";

/**
 * operationIds startTask (gateway) and startTaskEsb: bk-sops' `start_task` view. bk-sops queues
 * the start and answers at once; this server starts the task before answering, so a status read
 * right after already shows it running.
 */
export const startTaskOperation: Operation = {
  name: "start_task",
  operationIds: { gateway: "startTask", esb: "startTaskEsb" },
  method: "POST",
  pathParams: ["task_id", "bk_biz_id"],
  handle(deps, input) {
    const { project, taskId, task: find } = enterTaskView(deps, input, "POST", "task_operate");
    const task = find();
    if (!task) throw objectDoesNotExist(`TaskFlowInstance(id=${taskId}) does not exist.`);
    if (task.isStarted)
      return { result: false, code: CODES.INVALID_OPERATION, message: "task already started" };
    dispatchStart(deps, task, input.caller.user.username);
    const taskUrl = taskUrlOf(deps.bkSopsHost, project.id, input.params.task_id ?? taskId);
    return { task_url: taskUrl, data: { task_url: taskUrl }, result: true, code: CODES.SUCCESS };
  },
};
