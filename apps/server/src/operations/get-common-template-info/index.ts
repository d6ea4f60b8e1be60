import { BkSopsError, CODES } from "../../errors.js";
import { formatTemplateData } from "../../templates/template-info.js";
import type { Operation } from "../operation.js";
import { interceptTemplateView } from "../shared/iam.js";
import { includeTemplate } from "../shared/include-template.js";
import { trimForMcp } from "../template-options.js";

/**
 * operationIds getCommonTemplateInfo (gateway) and getCommonTemplateInfoEsb: bk-sops'
 * `get_common_template_info`, a common template without any project. Order: IAM, options,
 * template, answer. It has no executor proxy option and no project fields, and it validates
 * `unfold_subprocess` and `format` without using them.
 */
export const getCommonTemplateInfoOperation: Operation = {
  name: "get_common_template_info",
  operationIds: { gateway: "getCommonTemplateInfo", esb: "getCommonTemplateInfoEsb" },
  method: "GET",
  pathParams: ["template_id"],
  handle(deps, input) {
    const { store } = deps;
    const templateId = input.params.template_id ?? "";
    interceptTemplateView(store, input.caller, "common", templateId);
    const include = includeTemplate(input.query);
    const template = store.templates.findCommonTemplate(Number(templateId));
    if (!template) {
      throw new BkSopsError(`common template[id=${templateId}] does not exist`, CODES.CONTENT_NOT_EXIST);
    }
    const data = formatTemplateData(template, undefined, { ...include, include_executor_proxy: false });
    if (input.mcp) {
      trimForMcp(data, input.query);
      delete data.template_constants;
    }
    return { result: true, data, code: CODES.SUCCESS };
  },
};
