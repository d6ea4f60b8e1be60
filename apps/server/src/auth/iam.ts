import type { Store } from "../db/store.js";
import { BkSopsError, CODES } from "../errors.js";
import { type Caller, isTrusted } from "./caller.js";

export type TemplateKind = "project" | "common";

/** The IAM actions of bk-sops' template views (`gcloud/iam_auth/conf.py`). */
export const IAM_ACTIONS = {
  view: { project: "flow_view", common: "common_flow_view" },
  createTask: { project: "flow_create_task", common: "common_flow_create_task" },
} as const;

/**
 * A template that does not exist, as bk-sops answers it when an IAM interceptor (or a view's
 * unguarded `get`) raises `DoesNotExist`: its middleware answers in Chinese, with `data: null` and
 * no trace_id. `detail` is the exception's text.
 */
export function doesNotExist(detail: string): BkSopsError {
  return new BkSopsError(
    `数据不存在错误: 数据不存在错误, 错误内容 ${detail} | process_exception`,
    CODES.CONTENT_NOT_EXIST,
    { traceId: false, data: true },
  );
}

/** The text of `TaskTemplate(id=…) does not exist.` raised by IAM's resource lookup. */
export const templateDoesNotExist = (kind: TemplateKind, id: string) =>
  doesNotExist(`${kind === "project" ? "TaskTemplate" : "CommonTemplate"}(id=${id}) does not exist.`);

/**
 * bk-sops' IAM interceptors of the template read views (`GetTemplateInfoInterceptor`,
 * `CommonFlowViewInterceptor`, `FlowViewInterceptor`): trusted apps pass; otherwise the template
 * must exist in some project and the user must hold the action. A denial is caught by
 * `return_json_response`, so it carries `data: null` and the trace_id.
 */
export function interceptTemplateView(
  store: Store,
  caller: Caller,
  kind: TemplateKind,
  templateId: string,
): void {
  if (isTrusted(caller.app)) return;
  if (!store.templates.exists(kind, Number(templateId))) throw templateDoesNotExist(kind, templateId);
  // The reference server keeps one IAM grant per user, for every action on templates.
  if (!caller.user.canCreateTask) {
    throw new BkSopsError(
      `iam authentication exception, please check, action:${IAM_ACTIONS.view[kind]}`,
      CODES.UNKNOWN_ERROR,
      { traceId: true, data: true },
    );
  }
}
