import type { Operation } from "../operation.js";
import { listTemplates } from "./view.js";

/** operationIds getTemplateList (gateway) and getTemplateListEsb: bk-sops' `get_template_list` view. */
export const getTemplateListOperation: Operation = {
  name: "get_template_list",
  operationIds: { gateway: "getTemplateList", esb: "getTemplateListEsb" },
  method: "GET",
  pathParams: ["bk_biz_id"],
  handle(deps, input) {
    return { result: true, data: listTemplates(deps.store, input), code: 0 };
  },
};
