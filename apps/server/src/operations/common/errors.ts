import { BkSopsError, CODES } from "../../errors.js";

/**
 * A Django `DoesNotExist` that no view catches: bk-sops' ObjectDoesNotExistExceptionMiddleware
 * answers it, always in Chinese (the text is built before gettext sees it), with `data: null`
 * and no trace_id. `what` is the exception's own text, e.g. `TaskFlowInstance(id=9) does not exist.`
 */
export function objectDoesNotExist(what: string): BkSopsError {
  return new BkSopsError(
    `数据不存在错误: 数据不存在错误, 错误内容 ${what} | process_exception`,
    CODES.CONTENT_NOT_EXIST,
    { traceId: false, data: true },
  );
}

/**
 * IAM refused the action: bk-sops' `return_json_response` catches AuthFailedException and answers
 * this dict, to which it then adds the trace_id like to any dict.
 */
export function iamDenied(action: string): BkSopsError {
  return new BkSopsError(
    `iam authentication exception, please check, action:${action}`,
    CODES.UNKNOWN_ERROR,
    {
      traceId: true,
      data: true,
    },
  );
}
