import { pyRepr } from "./python-repr.js";
import { isPlainObject } from "./python-values.js";

/**
 * The few JSON Schema (draft 4) keywords bk-sops' web-tree schema uses, evaluated the way Python's
 * jsonschema does it, with its error texts. Only what that schema needs: no `$ref`, no formats.
 */
export interface LiteSchema {
  type?: string | string[];
  properties?: Record<string, LiteSchema>;
  patternProperties?: Record<string, LiteSchema>;
  required?: string[];
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  items?: LiteSchema;
  minItems?: number;
  maxItems?: number;
  anyOf?: LiteSchema[];
  oneOf?: LiteSchema[];
}

/** One failed check: where in the instance, which keyword, and jsonschema's message. */
export interface LiteError {
  path: Array<string | number>;
  keyword: string;
  message: string;
}

/**
 * A Python `re` pattern as the schema writes it, for `re.search`: `\w` is Unicode-aware there, and
 * `$` also matches before a final newline.
 */
function pythonSearch(pattern: string): RegExp {
  const translated = pattern.replaceAll("\\w", "[\\p{L}\\p{N}_]").replace(/\$$/, "\\n?$");
  return new RegExp(translated, "u");
}

const patterns = new Map<string, RegExp>();
function search(pattern: string, text: string): boolean {
  let regex = patterns.get(pattern);
  if (!regex) {
    regex = pythonSearch(pattern);
    patterns.set(pattern, regex);
  }
  return regex.test(text);
}

function isType(value: unknown, type: string): boolean {
  switch (type) {
    case "object":
      return isPlainObject(value);
    case "array":
      return Array.isArray(value);
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "null":
      return value === null;
    case "number":
      return typeof value === "number";
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    default:
      return false;
  }
}

// Python counts code points, not UTF-16 units.
const pyLength = (text: string): number => [...text].length;

/** Every error jsonschema's `iter_errors` yields for `value` (oneOf/anyOf report one error each). */
export function schemaErrors(
  schema: LiteSchema,
  value: unknown,
  path: Array<string | number> = [],
): LiteError[] {
  const errors: LiteError[] = [];
  const fail = (keyword: string, message: string) => errors.push({ path, keyword, message });
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((type) => isType(value, type))) {
      fail("type", `${pyRepr(value)} is not of type ${types.map((type) => pyRepr(type)).join(", ")}`);
    }
  }
  if (schema.enum !== undefined && !schema.enum.some((item) => item === value)) {
    fail("enum", `${pyRepr(value)} is not one of ${pyRepr(schema.enum)}`);
  }
  if (typeof value === "string") {
    if (schema.minLength !== undefined && pyLength(value) < schema.minLength) {
      fail(
        "minLength",
        `${pyRepr(value)} ${schema.minLength === 1 ? "should be non-empty" : "is too short"}`,
      );
    }
    if (schema.maxLength !== undefined && pyLength(value) > schema.maxLength) {
      fail("maxLength", `${pyRepr(value)} is too long`);
    }
    if (schema.pattern !== undefined && !search(schema.pattern, value)) {
      fail("pattern", `${pyRepr(value)} does not match ${pyRepr(schema.pattern)}`);
    }
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      fail("minItems", `${pyRepr(value)} ${schema.minItems === 1 ? "should be non-empty" : "is too short"}`);
    }
    if (schema.maxItems !== undefined && value.length > schema.maxItems) {
      fail("maxItems", `${pyRepr(value)} is too long`);
    }
    if (schema.items) {
      const items = schema.items;
      value.forEach((item, index) => {
        errors.push(...schemaErrors(items, item, [...path, index]));
      });
    }
  }
  if (isPlainObject(value)) {
    for (const name of schema.required ?? []) {
      if (!Object.hasOwn(value, name)) fail("required", `${pyRepr(name)} is a required property`);
    }
    for (const [name, sub] of Object.entries(schema.properties ?? {})) {
      if (Object.hasOwn(value, name)) errors.push(...schemaErrors(sub, value[name], [...path, name]));
    }
    for (const [pattern, sub] of Object.entries(schema.patternProperties ?? {})) {
      for (const [key, item] of Object.entries(value)) {
        if (search(pattern, key)) errors.push(...schemaErrors(sub, item, [...path, key]));
      }
    }
  }
  for (const [keyword, branches] of [
    ["anyOf", schema.anyOf],
    ["oneOf", schema.oneOf],
  ] as const) {
    if (!branches) continue;
    const valid = branches.filter((branch) => schemaErrors(branch, value, path).length === 0).length;
    if (valid === 0) fail(keyword, `${pyRepr(value)} is not valid under any of the given schemas`);
    else if (keyword === "oneOf" && valid > 1) {
      fail(keyword, `${pyRepr(value)} is valid under each of ${branches.length} of the given schemas`);
    }
  }
  return errors;
}
