import { type ErrorObject, type SchemaName, validatorFor } from "@bksops/api-types";
import { pyFormat, pyRepr } from "@bksops/domain";

/**
 * A request schema of the spec and the properties it documents that bk-sops' own jsonschema
 * does not declare (they are read elsewhere, or never checked): errors on those are not bk-sops'
 * errors, and its printed schema does not show them.
 */
export interface ParamsSchema {
  name: SchemaName;
  unchecked: readonly string[];
}

/**
 * create_task's parameters (`APIGW_CREATE_TASK_PARAMS`): `callback_url` is checked before the
 * template lookup, `pipeline_tree` by the tree validator, `template_source` and `scope` only by
 * the template and project lookups, and `description`, `callback_version`, `simplify_vars` are
 * taken as sent.
 */
export const CREATE_TASK_PARAMS: ParamsSchema = {
  name: "CreateTaskParams",
  unchecked: [
    "pipeline_tree",
    "callback_url",
    "description",
    "callback_version",
    "simplify_vars",
    "template_source",
    "scope",
  ],
};

/**
 * Validates the task parameters against a spec schema and words the error as bk-sops does: the
 * `str()` of the jsonschema error that `jsonschema.validate` raises (its `best_match`: the
 * shallowest error, the first in schema order on a tie). Returns undefined when they are valid.
 */
export function paramsError(
  params: Record<string, unknown>,
  schema: ParamsSchema = CREATE_TASK_PARAMS,
): string | undefined {
  const validate = validatorFor(schema.name, { allErrors: true });
  if (validate(params)) return undefined;
  const unchecked = new Set(schema.unchecked);
  const candidates = (validate.errors ?? []).filter((error) => isCheckedByBkSops(error, unchecked));
  const best = candidates.reduce<ErrorObject | undefined>(
    (found, error) => (!found || depth(error) < depth(found) ? error : found),
    undefined,
  );
  return best && describe(best, unchecked);
}

function isCheckedByBkSops(error: ErrorObject, unchecked: ReadonlySet<string>): boolean {
  const property = error.instancePath.split("/")[1];
  if (property !== undefined && unchecked.has(property)) return false;
  // Errors inside a oneOf branch are summed up by the oneOf error itself.
  return !/\/oneOf\/\d+\//.test(error.schemaPath);
}

const depth = (error: ErrorObject) =>
  error.instancePath === "" ? 0 : error.instancePath.split("/").length - 1;

function message(error: ErrorObject): string {
  const value = error.data;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return `${pyRepr(params.missingProperty)} is a required property`;
    case "type": {
      const types = String(params.type).split(",");
      return `${pyRepr(value)} is not of type ${types.map((type) => pyRepr(type)).join(", ")}`;
    }
    case "minLength":
      return params.limit === 1 ? `${pyRepr(value)} should be non-empty` : `${pyRepr(value)} is too short`;
    case "maxLength":
      return `${pyRepr(value)} is too long`;
    case "enum":
      return `${pyRepr(value)} is not one of ${pyRepr(params.allowedValues)}`;
    case "const":
      return `${pyRepr(params.allowedValue)} was expected`;
    case "pattern":
      return `${pyRepr(value)} does not match ${pyRepr(params.pattern)}`;
    case "minimum":
      return `${pyRepr(value)} is less than the minimum of ${pyRepr(params.limit)}`;
    case "oneOf":
      return `${pyRepr(value)} is not valid under any of the given schemas`;
    default:
      return `${pyRepr(value)} is not valid under the ${pyRepr(error.keyword)} rule`;
  }
}

const ANNOTATIONS = new Set(["description", "default", "examples", "example", "title", "$comment"]);

/** An empty `items` or a permissive `additionalProperties`/`propertyNames` validates nothing. */
function isInert(key: string, value: unknown): boolean {
  if (key === "additionalProperties") return value === true;
  if (key !== "items" && key !== "propertyNames") return false;
  const text = JSON.stringify(value);
  return value === true || text === "{}" || (key === "propertyNames" && text === '{"type":"string"}');
}

/**
 * The schema as bk-sops' jsonschema prints it: validation keywords only (annotations and
 * keywords that constrain nothing left out), and only the properties its schema declares.
 */
function bare(schema: unknown, unchecked: ReadonlySet<string>): unknown {
  if (Array.isArray(schema)) return schema.map((item) => bare(item, unchecked));
  if (!schema || typeof schema !== "object") return schema;
  return Object.fromEntries(
    Object.entries(schema as Record<string, unknown>)
      .filter(([key]) => !ANNOTATIONS.has(key))
      .map(
        ([key, value]) =>
          [key, key === "properties" ? checkedProperties(value, unchecked) : bare(value, unchecked)] as const,
      )
      .filter(([key, value]) => !isInert(key, value)),
  );
}

function checkedProperties(properties: unknown, unchecked: ReadonlySet<string>): unknown {
  const kept = Object.entries(properties as Record<string, unknown>).filter(([name]) => !unchecked.has(name));
  return Object.fromEntries(kept.map(([name, value]) => [name, bare(value, unchecked)]));
}

const indexPath = (container: string, segments: string[]) =>
  container + segments.map((segment) => `[${/^\d+$/.test(segment) ? segment : pyRepr(segment)}]`).join("");

/** The whole multi-line text of jsonschema's `str(ValidationError)`. */
function describe(error: ErrorObject, unchecked: ReadonlySet<string>): string {
  const schemaSegments = error.schemaPath.replace(/^#\/?/, "").split("/").filter(Boolean).slice(0, -1);
  const instanceSegments = error.instancePath.split("/").filter(Boolean);
  return [
    message(error),
    "",
    `Failed validating ${pyRepr(error.keyword)} in ${indexPath("schema", schemaSegments)}:`,
    `    ${pyFormat(bare(error.parentSchema, unchecked)).replace(/\n/g, "\n    ")}`,
    "",
    `On ${indexPath("instance", instanceSegments)}:`,
    `    ${pyFormat(error.data).replace(/\n/g, "\n    ")}`,
  ].join("\n");
}
