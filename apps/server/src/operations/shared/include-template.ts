import { BkSopsParamsError } from "../../errors.js";

/** What bk-sops' `IncludeTemplateSerializer` gives a template read or list, from the query. */
export interface IncludeTemplate {
  include_executor_proxy: boolean;
  include_subprocess: boolean;
  include_constants: boolean;
  include_notify: boolean;
  include_labels: boolean;
  unfold_subprocess: boolean;
  format: "json" | "yaml";
}

const BOOLEAN_FIELDS = [
  "include_executor_proxy",
  "include_subprocess",
  "include_constants",
  "include_notify",
  "include_labels",
  "unfold_subprocess",
] as const;

// Django REST framework's BooleanField, compared in lower case (3.15).
const TRUE_TEXTS = new Set(["t", "y", "yes", "true", "on", "1"]);
const FALSE_TEXTS = new Set(["f", "n", "no", "false", "off", "0"]);
const FORMATS = new Set(["json", "yaml"]);

/**
 * One DRF `BooleanField(required=False, default=False)` of a query: an absent or empty value is
 * false; a refused one is recorded in `errors` (DRF's English message) and read as false.
 */
export function queryBoolean(
  query: Record<string, string>,
  field: string,
  errors: Record<string, string[]>,
): boolean {
  const text = query[field];
  if (text === undefined || text === "") return false;
  if (TRUE_TEXTS.has(text.toLowerCase())) return true;
  if (FALSE_TEXTS.has(text.toLowerCase())) return false;
  errors[field] = ["Must be a valid boolean."];
  return false;
}

/**
 * Validates the query as bk-sops' `IncludeTemplateSerializer` does: every field at once, an absent
 * or empty value takes the default; the errors, in field order, are answered as a dict (DRF's
 * English boolean message; the Chinese one of `format`, bk-sops' default language).
 */
export function includeTemplate(query: Record<string, string>): IncludeTemplate {
  const errors: Record<string, string[]> = {};
  const values: Record<string, boolean> = {};
  for (const field of BOOLEAN_FIELDS) values[field] = queryBoolean(query, field, errors);
  const format = query.format === undefined || query.format === "" ? "json" : query.format;
  if (!FORMATS.has(format)) errors.format = [`“${format}” 不是合法选项。`];
  if (Object.keys(errors).length > 0) throw new BkSopsParamsError(errors);
  return { ...(values as Omit<IncludeTemplate, "format">), format: format as "json" | "yaml" };
}
