import { isPlainObject, pyTruthy, pyTypeName } from "./python-values.js";
import type { Constant } from "./types.js";

/** `simplify_vars` that Python cannot turn into a set; the message is Python's TypeError text. */
export class SimplifyVarsError extends Error {
  override name = "SimplifyVarsError";
}

// The form bk-sops gives a simplified variable: a required textarea. bk-sops stores it as a JSON
// string whose layout comes from an indented literal, so the layout is part of the observable value.
const TEXTAREA_FORM_SCHEMA = [
  "{",
  '                    "type": "textarea",',
  '                    "attrs": {',
  '                        "name": "文本框",',
  '                        "hookable": true,',
  '                        "validation": [',
  "                            {",
  '                                "type": "required"',
  "                            }",
  "                        ]",
  "                    }",
  "                }",
].join("\n");

/**
 * Prepare meta constants and apply the caller's values, in place (docs/bk-sops-behaviour.md §6.1 steps 3–4): a meta constant
 * without `meta` keeps a copy of itself there and a dict value becomes its default; then any key
 * present in `values` takes that value as is. Keys the tree does not have are ignored.
 */
export function applyConstantValues(
  constants: Record<string, Constant>,
  values: Record<string, unknown>,
): void {
  for (const [key, constant] of Object.entries(constants)) {
    if (pyTruthy(constant.is_meta) && !Object.hasOwn(constant, "meta")) {
      constant.meta = structuredClone(constant);
      const value = constant.value;
      // Select boxes keep their default under `default`, tables under `default_text`.
      if (isPlainObject(value)) {
        constant.value = pyTruthy(value.default)
          ? value.default
          : Object.hasOwn(value, "default_text")
            ? value.default_text
            : "";
      }
    }
    if (Object.hasOwn(values, key)) constant.value = values[key];
  }
}

/** The keys Python gets by iterating `simplify_vars` into a set (a string gives its characters). */
function simplifyKeys(simplifyVars: unknown): unknown[] {
  if (simplifyVars === null || simplifyVars === undefined) return [];
  if (typeof simplifyVars === "string") return [...simplifyVars];
  if (Array.isArray(simplifyVars)) {
    const bad = simplifyVars.find((item) => typeof item === "object" && item !== null);
    if (bad !== undefined) throw new SimplifyVarsError(`unhashable type: '${pyTypeName(bad)}'`);
    return simplifyVars;
  }
  if (isPlainObject(simplifyVars)) return Object.keys(simplifyVars);
  throw new SimplifyVarsError(`'${pyTypeName(simplifyVars)}' object is not iterable`);
}

/**
 * Turn the listed custom constants into plain required textareas, in place (docs/bk-sops-behaviour.md §6.1 step 5). The value is
 * kept; keys that are missing or not `custom` are skipped.
 */
export function simplifyConstants(constants: Record<string, Constant>, simplifyVars: unknown): void {
  for (const key of new Set(simplifyKeys(simplifyVars))) {
    if (typeof key !== "string" || !Object.hasOwn(constants, key)) continue;
    const constant = constants[key] as Constant;
    if (constant.source_type !== "custom") continue;
    constant.custom_type = "textarea";
    constant.form_schema = TEXTAREA_FORM_SCHEMA;
    constant.source_tag = "textarea.textarea";
    constant.is_meta = false;
  }
}
