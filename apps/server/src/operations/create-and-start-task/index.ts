import { CODES } from "../../errors.js";
import { RawJson } from "../../http/json.js";
import { createTask } from "../create-task/service.js";
import { CREATE_AND_START_TASK } from "../create-task/variant.js";
import type { Operation } from "../operation.js";
import { dispatchStart } from "../shared/tasks.js";

/**
 * operationIds createAndStartTask (gateway) and createAndStartTaskEsb: bk-sops'
 * `create_and_start_task` view: create_task's checks (with this view's own details, see
 * `CREATE_AND_START_TASK`), then the start. bk-sops queues the start; this server starts the task
 * before answering.
 */
export const createAndStartTaskOperation: Operation = {
  name: "create_and_start_task",
  operationIds: { gateway: "createAndStartTask", esb: "createAndStartTaskEsb" },
  method: "POST",
  pathParams: ["template_id", "bk_biz_id"],
  async handle(deps, input) {
    const created = await createTask(
      deps,
      {
        caller: input.caller,
        templateId: input.params.template_id ?? "",
        scopeId: input.params.bk_biz_id ?? "",
        body: input.body,
        mcp: input.mcp,
      },
      CREATE_AND_START_TASK,
    );
    const task = deps.store.tasks.find(created.taskId);
    if (task) dispatchStart(deps, task, input.caller.user.username);
    // Key order as bk-sops answers: pipeline_tree, task_id, task_url.
    return {
      result: true,
      code: CODES.SUCCESS,
      data: {
        pipeline_tree: new RawJson(created.treeJson ?? "{}"),
        task_id: created.taskId,
        task_url: created.taskUrl,
      },
    };
  },
};
