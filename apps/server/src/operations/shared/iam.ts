import { type Caller, isTrusted } from "../../auth/caller.js";
import type { TemplateSource } from "../../db/repos/templates.js";
import type { User } from "../../db/repos/users.js";
import type { Store } from "../../db/store.js";
import { BkSopsError, CODES } from "../../errors.js";

/** bk-sops' IAM actions on a project flow, in the order its lists report them (`FLOW_ACTIONS`). */
export const FLOW_ACTIONS = [
  "flow_create",
  "flow_view",
  "flow_edit",
  "flow_delete",
  "flow_create_task",
  "flow_create_mini_app",
  "flow_create_periodic_task",
  "flow_create_clocked_task",
] as const;

/** bk-sops' IAM actions on a common flow, in the order its lists report them (`COMMON_FLOW_ACTIONS`). */
export const COMMON_FLOW_ACTIONS = [
  "common_flow_create_task",
  "common_flow_edit",
  "common_flow_delete",
  "common_flow_view",
  "common_flow_create",
  "common_flow_create_periodic_task",
] as const;

/**
 * Whether IAM grants `user` an action. The reference server's IAM is all or nothing per user:
 * `users.can_create_task` (named for the first action it gated) grants every action, or none
 * (the demo `guest`).
 */
export function iamAllows(user: User, _action: string): boolean {
  return user.canCreateTask;
}

/** The actions of `actions` IAM grants the user, in their order (`get_*_allowed_actions_for_user`). */
export function allowedActions(user: User, actions: readonly string[]): string[] {
  return actions.filter((action) => iamAllows(user, action));
}

/**
 * An IAM view interceptor (`gcloud/iam_auth/view_interceptors/apigw/`): trusted apps skip it; for
 * the others a denial raises AuthFailedException, which `return_json_response` answers with
 * `data: null` and the request's `trace_id`.
 */
export function requireIam(caller: Caller, action: string): void {
  if (isTrusted(caller.app) || iamAllows(caller.user, action)) return;
  throw new BkSopsError(`iam authentication exception, please check, action:${action}`, CODES.UNKNOWN_ERROR, {
    traceId: true,
    data: true,
  });
}

/**
 * A Django `DoesNotExist` no view catches: bk-sops' ObjectDoesNotExistExceptionMiddleware answers
 * it, always in Chinese (the text is built before gettext sees it), with `data: null` and no
 * `trace_id`. `what` is the exception's text, e.g. `TaskFlowInstance(id=9) does not exist.`
 */
export function objectDoesNotExist(what: string): BkSopsError {
  return new BkSopsError(
    `数据不存在错误: 数据不存在错误, 错误内容 ${what} | process_exception`,
    CODES.CONTENT_NOT_EXIST,
    { traceId: false, data: true },
  );
}

/**
 * What an interceptor's resource lookup (`TaskTemplate/CommonTemplate.objects.fetch_values`)
 * raises for a template id that does not exist (in any project).
 */
export function templateDoesNotExist(
  model: "TaskTemplate" | "CommonTemplate",
  templateId: string,
): BkSopsError {
  return objectDoesNotExist(`${model}(id=${templateId}) does not exist.`);
}

/** The view action of each kind of template. */
export const VIEW_ACTION: Record<TemplateSource, string> = {
  project: "flow_view",
  common: "common_flow_view",
};
/** The Django model of each kind of template (its name is in DoesNotExist texts). */
export const MODEL: Record<TemplateSource, "TaskTemplate" | "CommonTemplate"> = {
  project: "TaskTemplate",
  common: "CommonTemplate",
};

/**
 * The IAM view interceptors of template reads (`GetTemplateInfoInterceptor`,
 * `FlowViewInterceptor`, `CommonFlowViewInterceptor`): apps that are not trusted need the template
 * to exist (in any project) and the view action on it.
 */
export function interceptTemplateView(
  store: Store,
  caller: Caller,
  source: TemplateSource,
  templateId: string,
): void {
  if (isTrusted(caller.app)) return;
  if (!store.templates.exists(source, Number(templateId)))
    throw templateDoesNotExist(MODEL[source], templateId);
  requireIam(caller, VIEW_ACTION[source]);
}
