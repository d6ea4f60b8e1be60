import { RawJson } from "../../http/json.js";
import type { Operation } from "../operation.js";
import { createTask } from "./service.js";

/** operationIds createTask (gateway) and createTaskEsb: bk-sops' `create_task` view. */
export const createTaskOperation: Operation = {
  name: "create_task",
  operationIds: { gateway: "createTask", esb: "createTaskEsb" },
  method: "POST",
  pathParams: ["template_id", "bk_biz_id"],
  async handle(deps, input) {
    const created = await createTask(deps, {
      caller: input.caller,
      templateId: input.params.template_id ?? "",
      scopeId: input.params.bk_biz_id ?? "",
      body: input.body,
      mcp: input.mcp,
    });
    // Key order as bk-sops answers: task_id, task_url, pipeline_tree[, function_task_claim_url].
    const data: Record<string, unknown> = { task_id: created.taskId, task_url: created.taskUrl };
    if (created.treeJson !== undefined) data.pipeline_tree = new RawJson(created.treeJson);
    if (created.functionTaskClaimUrl !== undefined)
      data.function_task_claim_url = created.functionTaskClaimUrl;
    return { result: true, data, code: 0 };
  },
};
