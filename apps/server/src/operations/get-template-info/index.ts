import { BkSopsError, CODES } from "../../errors.js";
import { formatTemplateData } from "../../templates/template-info.js";
import type { Operation } from "../operation.js";
import { interceptTemplateView } from "../shared/iam.js";
import { includeTemplate } from "../shared/include-template.js";
import { injectProject } from "../shared/project.js";
import { refuseUnsupported, trimForMcp } from "../template-options.js";

const PROJECT_SOURCES = new Set(["business", "project"]);

/**
 * operationIds getTemplateInfo (gateway) and getTemplateInfoEsb: bk-sops' `get_template_info`,
 * a project's template (or, with `template_source=common`, a common template) as its detail page
 * reads it. Order: project, IAM, options, template, answer.
 */
export const getTemplateInfoOperation: Operation = {
  name: "get_template_info",
  operationIds: { gateway: "getTemplateInfo", esb: "getTemplateInfoEsb" },
  method: "GET",
  pathParams: ["template_id", "bk_biz_id"],
  handle(deps, input) {
    const { store } = deps;
    const templateId = input.params.template_id ?? "";
    const project = injectProject(store, input.params.bk_biz_id ?? "", input.query);
    const source = input.query.template_source ?? "project";
    const kind = PROJECT_SOURCES.has(source) ? "project" : "common";
    interceptTemplateView(store, input.caller, kind, templateId);
    const include = includeTemplate(input.query);
    const template =
      kind === "project"
        ? store.templates.findProjectTemplate(Number(templateId), project.id)
        : store.templates.findCommonTemplate(Number(templateId));
    if (!template) {
      throw new BkSopsError(
        kind === "project"
          ? `template[id=${templateId}] of project[project_id=${project.id}, biz_id=${project.bkBizId}] does not exist`
          : `common template[id=${templateId}] does not exist`,
        CODES.CONTENT_NOT_EXIST,
      );
    }
    refuseUnsupported(template, include);
    const data = formatTemplateData(template, project, include);
    if (input.mcp) trimForMcp(data, input.query);
    return { result: true, data, code: CODES.SUCCESS };
  },
};
