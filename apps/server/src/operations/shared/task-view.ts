import type { Project } from "../../db/repos/projects.js";
import type { StoredTask } from "../../db/repos/tasks.js";
import type { OperationDeps, OperationInput } from "../operation.js";
import { injectProject, requestParams } from "./project.js";
import { checkTaskIam, type TaskAction } from "./task-iam.js";
import { taskOfProject } from "./tasks.js";

/** A task view past its prologue: the project, the task id, the request's parameters. */
export interface TaskView {
  project: Project;
  taskId: number;
  /** What `project_inject` read: the query of a GET, the JSON body of a POST. */
  params: Record<string, unknown>;
  /** `TaskFlowInstance.objects.get(id=task_id, project_id=project.id)`: the task, if it is the project's. */
  task(): StoredTask | undefined;
}

/**
 * The prologue bk-sops' task views share, in its order: `project_inject` (the path's business,
 * `scope` from a GET's query or a POST's body), then the task interceptor's IAM check (`task_view`
 * to read a task, `task_operate` to start or command it). Each view then checks what it checks,
 * looks the task up in the project when it needs it, and words its own refusal.
 */
export function enterTaskView(
  deps: OperationDeps,
  input: OperationInput,
  method: "GET" | "POST",
  action: TaskAction,
): TaskView {
  const params = requestParams(input, method);
  const project = injectProject(deps.store, input.params.bk_biz_id ?? "", params);
  const taskId = Number(input.params.task_id);
  checkTaskIam(deps.store, input.caller, taskId, action);
  return { project, taskId, params, task: () => taskOfProject(deps.store, taskId, project) };
}
