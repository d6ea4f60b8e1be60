import { type Caller, isTrusted } from "../../auth/caller.js";
import type { Store } from "../../db/store.js";
import { objectDoesNotExist, requireIam } from "./iam.js";

/** The IAM actions of bk-sops' task interceptors. */
export type TaskAction = "task_view" | "task_operate";

/**
 * bk-sops' TaskViewInterceptor / TaskOperateInterceptor: trusted apps skip IAM; for the others
 * the task is read by id alone (whatever its project: a missing one is answered by the
 * DoesNotExist middleware), then IAM decides whether the user may view / operate it.
 */
export function checkTaskIam(store: Store, caller: Caller, taskId: number, action: TaskAction): void {
  if (isTrusted(caller.app)) return;
  if (!store.tasks.find(taskId)) throw objectDoesNotExist(`TaskFlowInstance(id=${taskId}) does not exist.`);
  requireIam(caller, action);
}
