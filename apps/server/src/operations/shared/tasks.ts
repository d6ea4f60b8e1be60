import type { Project } from "../../db/repos/projects.js";
import type { StoredTask } from "../../db/repos/tasks.js";
import type { Store } from "../../db/store.js";
import type { OperationDeps } from "../operation.js";

/** `TaskFlowInstance.objects.get(id=task_id, project_id=project.id)`: the task, if it is the project's. */
export function taskOfProject(store: Store, taskId: number, project: Project): StoredTask | undefined {
  const task = store.tasks.find(taskId);
  return task && task.projectId === project.id ? task : undefined;
}

/**
 * bk-sops' start of a task (its `prepare_and_start_task` worker job, then `task_action("start")`):
 * only a task whose current flow is `execute_task` runs; a functional task waiting to be claimed
 * is left as it is, which bk-sops only writes to its log.
 */
export function dispatchStart(deps: OperationDeps, task: StoredTask, username: string): void {
  if (task.currentFlow !== "execute_task") {
    deps.logger?.info(`task ${task.id}: current_flow ${task.currentFlow} cannot be started`);
    return;
  }
  deps.engine.start(task, username);
}
