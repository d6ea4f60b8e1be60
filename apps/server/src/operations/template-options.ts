import type { StoredTemplate } from "../db/repos/templates.js";
import { BkSopsError, CODES } from "../errors.js";
import type { TemplateInfoOptions } from "../templates/template-info.js";
import { type FieldErrors, queryBoolean, queryChoice } from "../validation/query-params.js";

export interface TemplateQuery extends TemplateInfoOptions {
  unfoldSubprocess: boolean;
  format: "json" | "yaml";
}

/**
 * The query options of get_template_info and get_common_template_info, read as bk-sops'
 * `IncludeTemplateSerializer` reads them. An invalid option answers the serializer's errors as
 * the message (an object: field → list of texts), code 3540000.
 */
export function readTemplateQuery(query: Record<string, string>): TemplateQuery {
  const errors: FieldErrors = {};
  const options: TemplateQuery = {
    includeExecutorProxy: queryBoolean(query, "include_executor_proxy", errors),
    includeSubprocess: queryBoolean(query, "include_subprocess", errors),
    includeConstants: queryBoolean(query, "include_constants", errors),
    includeNotify: queryBoolean(query, "include_notify", errors),
    unfoldSubprocess: false,
    format: "json",
  };
  // Validated, never used by the views.
  queryBoolean(query, "include_labels", errors);
  options.unfoldSubprocess = queryBoolean(query, "unfold_subprocess", errors);
  options.format = queryChoice(query, "format", ["json", "yaml"] as const, "json", errors);
  if (Object.keys(errors).length > 0) {
    throw new BkSopsError("invalid template options", CODES.REQUEST_PARAM_INVALID, {
      traceId: true,
      message: errors,
    });
  }
  return options;
}

/**
 * What the reference server cannot do that bk-sops can, refused with bk-sops' own envelopes:
 * unfolding subprocesses needs their templates' versions, and YAML needs bk-sops' exporter.
 */
export function refuseUnsupported(template: StoredTemplate, options: TemplateQuery): void {
  const hasSubprocess = Object.values(template.tree.activities).some((act) => act.type === "SubProcess");
  if (options.unfoldSubprocess && hasSubprocess) {
    throw new BkSopsError(
      "format_template_data failed: the reference server does not unfold subprocesses",
      CODES.UNKNOWN_ERROR,
    );
  }
  if (options.format === "yaml") {
    throw new BkSopsError(
      "convert yaml failed: the reference server does not export templates as YAML",
      CODES.UNKNOWN_ERROR,
    );
  }
}

/** bk-sops' `mcp_apigw` trimming: MCP callers get no `pipeline_tree` unless they ask for it. */
export function trimForMcp(data: Record<string, unknown>, query: Record<string, string>): void {
  const asked = ["true", "1", "yes"].includes((query.include_pipeline_tree ?? "").toLowerCase());
  if (!asked) delete data.pipeline_tree;
}
