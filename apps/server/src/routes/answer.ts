import type { CreatedTask } from "../services/create-task.js";

/**
 * The success body, built around the tree's JSON text so the tree is serialised once for
 * the row and the answer. Key order and content follow bk-sops:
 * `{"result": true, "data": {task_id, task_url, pipeline_tree[, function_task_claim_url]}, "code": 0, "trace_id"}`.
 */
export function successJson(
  created: CreatedTask,
  traceId: string,
  extra: Record<string, unknown> = {},
): string {
  let data = `{"task_id":${created.taskId},"task_url":${JSON.stringify(created.taskUrl)}`;
  if (created.treeJson !== undefined) data += `,"pipeline_tree":${created.treeJson}`;
  if (created.functionTaskClaimUrl !== undefined) {
    data += `,"function_task_claim_url":${JSON.stringify(created.functionTaskClaimUrl)}`;
  }
  data += "}";
  const tail = Object.entries({ code: 0, trace_id: traceId, ...extra })
    .map(([key, value]) => `,${JSON.stringify(key)}:${JSON.stringify(value)}`)
    .join("");
  return asciiJson(`{"result":true,"data":${data}${tail}}`);
}

/** Django's JsonResponse escapes every non-ASCII character as `\uXXXX`; so does this. */
export function asciiJson(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
