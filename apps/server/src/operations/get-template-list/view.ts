import { pyString } from "@bksops/domain";
import type { Store } from "../../db/store.js";
import { CODES, HttpError } from "../../errors.js";
import type { OperationInput } from "../operation.js";
import { allowedActions, FLOW_ACTIONS, requireIam } from "../shared/iam.js";
import { includeTemplate } from "../shared/include-template.js";
import { injectProject } from "../shared/project.js";
import { templateListItem } from "../shared/template-list.js";
import { expectedTimeZone } from "../shared/timezone.js";
import { parseIdList } from "./id-in.js";

const PROJECT_SOURCES = new Set(["business", "project"]);

/**
 * bk-sops' get_template_list, decorators then view, in their order: the project
 * (`project_inject`, `scope` from the query), `expected_timezone`, IAM `project_view` for apps
 * that are not trusted, the include_* parameters, then the list: the project's templates, or
 * every common template when `template_source` is neither `business` nor `project`, filtered by
 * `id_in` and `name_keyword`, newest id first.
 */
export function listTemplates(store: Store, input: OperationInput): Array<Record<string, unknown>> {
  const { query } = input;
  const project = injectProject(store, input.params.bk_biz_id ?? "", query);
  const timeZone = expectedTimeZone(query);
  requireIam(input.caller, "project_view");
  const include = includeTemplate(query);

  const templateSource = query.template_source ?? "project";
  const projectSource = PROJECT_SOURCES.has(templateSource);
  let ids: number[] | null = null;
  if (query.id_in) {
    const parsed = parseIdList(query.id_in);
    // bk-sops hands the texts to the ORM, whose int() of a text that is no number is unhandled.
    if (!parsed.ok) {
      throw new HttpError(
        500,
        `Field 'id' expected a number but got ${pyString(parsed.bad)}.`,
        {},
        CODES.UNKNOWN_ERROR,
      );
    }
    ids = parsed.ids;
  }
  const heads = store.templates.list({
    source: projectSource ? "project" : "common",
    projectId: project.id,
    ids,
    nameKeyword: query.name_keyword,
  });

  // auth_actions are the user's flow actions on the project flows with these ids, even when the
  // list holds common templates (bk-sops asks IAM about flows whatever the source).
  const flowActions = allowedActions(input.caller.user, FLOW_ACTIONS);
  return heads.map((head) => {
    const item = templateListItem(head, {
      timeZone,
      project,
      includeNotify: include.include_notify,
      includeExecutorProxy: include.include_executor_proxy,
    });
    item.auth_actions =
      head.source === "project" || store.templates.exists("project", head.id) ? [...flowActions] : [];
    if (include.include_labels && projectSource) item.labels = [];
    return item;
  });
}
