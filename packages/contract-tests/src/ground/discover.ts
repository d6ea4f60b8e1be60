import { isPlainObject } from "@bksops/domain";
import { once, type RunContext } from "../checks/check.js";
import { readOperation, successData } from "./reads.js";
import { readProblem } from "./template.js";

/** Another business the user sees, for the examples about a template of another business. */
export interface OtherBusiness {
  bizId: string;
  projectId: number;
}

/**
 * A business other than the run's, found with get_user_project_list (once per run): the
 * examples of "a template of another business" send the run's template with this business.
 */
export function otherBusiness(ctx: RunContext): Promise<OtherBusiness | { problem: string }> {
  return once(ctx, "discover:other-business", async () => {
    if (!ctx.operations.has("get_user_project_list"))
      return { problem: "the spec has no get_user_project_list" };
    const exchange = await readOperation(ctx, "get_user_project_list", []);
    const list = successData(exchange);
    if (!Array.isArray(list)) return { problem: `get_user_project_list: ${readProblem(exchange)}` };
    const other = list.find(
      (item) =>
        isPlainObject(item) &&
        String(item.bk_biz_id) !== ctx.identity.bizId &&
        typeof item.project_id === "number",
    );
    if (!isPlainObject(other))
      return { problem: "get_user_project_list shows the user no business but the run's" };
    return { bizId: String(other.bk_biz_id), projectId: other.project_id as number };
  });
}

/**
 * A common template for the examples about common templates: `--common-template-id`, else the
 * first one get_common_template_list answers (when the spec documents that operation).
 */
export function commonTemplateId(ctx: RunContext): Promise<string | { problem: string }> {
  return once(ctx, "discover:common-template", async () => {
    if (ctx.identity.commonTemplateId) return ctx.identity.commonTemplateId;
    if (!ctx.operations.has("get_common_template_list"))
      return {
        problem:
          "no common template given (--common-template-id) and no get_common_template_list to find one",
      };
    const exchange = await readOperation(ctx, "get_common_template_list", []);
    const list = successData(exchange);
    if (!Array.isArray(list)) return { problem: `get_common_template_list: ${readProblem(exchange)}` };
    const first = list.find((item) => isPlainObject(item) && item.id !== undefined);
    if (!isPlainObject(first))
      return { problem: "get_common_template_list answers no common template; give --common-template-id" };
    return String(first.id);
  });
}
