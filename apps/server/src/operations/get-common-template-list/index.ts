import type { Operation } from "../operation.js";
import { allowedActions, COMMON_FLOW_ACTIONS } from "../shared/iam.js";
import { includeTemplate } from "../shared/include-template.js";
import { templateListItem } from "../shared/template-list.js";
import { expectedTimeZone } from "../shared/timezone.js";

/**
 * operationIds getCommonTemplateList (gateway) and getCommonTemplateListEsb: bk-sops'
 * `get_common_template_list` view. No project and no IAM check: `expected_timezone`, the include_*
 * parameters (only `include_notify` changes the answer), then every common template, newest id
 * first, each with the common-flow actions IAM grants the user.
 */
export const getCommonTemplateListOperation: Operation = {
  name: "get_common_template_list",
  operationIds: { gateway: "getCommonTemplateList", esb: "getCommonTemplateListEsb" },
  method: "GET",
  pathParams: [],
  handle(deps, input) {
    const timeZone = expectedTimeZone(input.query);
    const include = includeTemplate(input.query);
    const actions = allowedActions(input.caller.user, COMMON_FLOW_ACTIONS);
    const data = deps.store.templates.list({ source: "common" }).map((head) => ({
      ...templateListItem(head, { timeZone, includeNotify: include.include_notify }),
      auth_actions: [...actions],
    }));
    return { result: true, data, code: 0 };
  },
};
