import { BkSopsParamsError, CODES } from "../../errors.js";
import type { Operation } from "../operation.js";
import { queryBoolean } from "../shared/include-template.js";

/**
 * operationIds getUserProjectList (gateway) and getUserProjectListEsb: bk-sops'
 * `get_user_project_list`, the projects the user may view (IAM `project_view`). The reference
 * server keeps one IAM grant per user: a user who has it sees every project, others none.
 */
export const getUserProjectListOperation: Operation = {
  name: "get_user_project_list",
  operationIds: { gateway: "getUserProjectList", esb: "getUserProjectListEsb" },
  method: "GET",
  pathParams: [],
  handle(deps, input) {
    const errors: Record<string, string[]> = {};
    const includeExecutorProxy = queryBoolean(input.query, "include_executor_proxy", errors);
    queryBoolean(input.query, "include_staff_groups", errors);
    if (Object.keys(errors).length > 0) throw new BkSopsParamsError(errors);
    const projects = input.caller.user.canCreateTask ? deps.store.projects.all() : [];
    const data = projects.map((project) => ({
      project_id: project.id,
      bk_biz_id: project.bkBizId,
      name: project.name,
      // No project of the reference server names an executor proxy.
      ...(includeExecutorProxy ? { executor_proxy: null } : {}),
    }));
    return { result: true, data, code: CODES.SUCCESS };
  },
};
