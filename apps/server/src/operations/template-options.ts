import type { StoredTemplate } from "../db/repos/templates.js";
import { BkSopsError, CODES } from "../errors.js";
import type { IncludeTemplate } from "./shared/include-template.js";

/**
 * What the reference server cannot do that bk-sops can, refused with bk-sops' own envelopes:
 * unfolding subprocesses needs their templates' versions, and YAML needs bk-sops' exporter.
 */
export function refuseUnsupported(template: StoredTemplate, include: IncludeTemplate): void {
  const hasSubprocess = Object.values(template.tree.activities).some((act) => act.type === "SubProcess");
  if (include.unfold_subprocess && hasSubprocess) {
    throw new BkSopsError(
      "format_template_data failed: the reference server does not unfold subprocesses",
      CODES.UNKNOWN_ERROR,
    );
  }
  if (include.format === "yaml") {
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
