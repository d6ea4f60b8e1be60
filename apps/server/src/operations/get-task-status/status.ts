import type { StoredTask } from "../../db/repos/tasks.js";
import { addNodeNames, createdStatus, failedNodes, formatLegacy, stateTree } from "../../engine/status.js";
import { CODES } from "../../errors.js";
import type { OperationDeps, ViewResult } from "../operation.js";

type Json = Record<string, unknown>;

/** A child of the status tree with that id, at any depth (bk-sops' `get_subprocess_status`). */
function findChild(status: Json, id: string): Json | undefined {
  for (const child of Object.values(status.children as Json) as Json[]) {
    if (child.id === id) return child;
    const found = findChild(child, id);
    if (found) return found;
  }
  return undefined;
}

/** Every node of the tree in `state`, depth first (bk-sops' `extract_nodes_by_statuses`). */
function nodesIn(status: Json, state: string): string[] {
  return Object.entries(status.children as Json).flatMap(([id, child]) =>
    (child as Json).state === state ? [id, ...nodesIn(child as Json, state)] : [],
  );
}

/**
 * The dispatcher's status of the task (or of its subprocess `subprocess_id`, CREATED when that
 * has not run) and the view's additions: node names, the failed nodes' `ex_data`
 * (`with_ex_data`), `failed_node_info` and `auto_retry_status` when asked, the task's name. Query
 * flags count when present and not empty, as Python's truth of a query value.
 */
export function taskStatus(deps: OperationDeps, task: StoredTask, query: Record<string, string>): ViewResult {
  const view = task.isStarted ? deps.engine.view(task.id) : undefined;
  if (!view)
    return { result: true, data: { ...createdStatus(), name: task.name }, message: "", code: CODES.SUCCESS };
  const { run, tree } = view;
  let data = stateTree(run, deps.engine.now());
  if (query.subprocess_id) data = findChild(data, query.subprocess_id) ?? createdStatus();
  formatLegacy(data);
  // The view names the answer's children from the task's tree whatever the answer is: under
  // `subprocess_id`, a subprocess's nodes are not the task's activities, and read "".
  if (!("name" in data)) addNodeNames(tree, data.children as Json);
  if (query.with_ex_data && data.state === "FAILED") {
    data.ex_data = Object.fromEntries(
      failedNodes(data).map((id) => [id, run.executions[id]?.outputs.ex_data ?? null]),
    );
  }
  if (query.with_failed_node_info || query.with_auto_retry_status) {
    // No node of a simulated task has an auto-retry strategy: each failed node's info is empty.
    const failed = nodesIn(data, "FAILED");
    if (query.with_failed_node_info) data.failed_node_info = Object.fromEntries(failed.map((id) => [id, {}]));
    if (query.with_auto_retry_status) {
      data.auto_retry_status = { exist_auto_retry_nodes: false, auto_retry_nodes: [] };
    }
  }
  data.name = task.name;
  return { result: true, data, code: CODES.SUCCESS, message: "" };
}
