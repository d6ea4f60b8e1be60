/**
 * The reference server's control API (`openapi/control/openapi.yaml`, not part of bk-sops): its
 * generated types, its bundled spec and validators over its schemas, so the server and its
 * clients read one description.
 */
import { readFileSync } from "node:fs";
import type { ValidateFunction } from "ajv/dist/2020.js";
import type { components, operations, paths } from "./generated/control.js";
import type { OpenApiDocument } from "./spec.js";
import { openApiAjv } from "./validate.js";

export { formatErrors } from "./validate.js";
export type { components, operations, paths };

type Schemas = components["schemas"];
export type ControlSchemaName = keyof Schemas;
export type Form = Schemas["Form"];
export type Rule = Schemas["Rule"];
export type RuleMatch = Schemas["RuleMatch"];
export type RuleRespond = Schemas["RuleRespond"];
export type Delay = Schemas["Delay"];
export type Fault = Schemas["Fault"];
/** A new rule as `POST /rules` takes it (the schema's `anyOf`/`not` are checked at run time). */
export type RuleInput = Pick<Rule, "description" | "respond" | "fault" | "delay" | "times"> & {
  match?: RuleMatch;
};
export type JournalEntry = Schemas["JournalEntry"];
export type ScenarioApplied = Schemas["ScenarioApplied"];
export type Snapshot = Schemas["Snapshot"];
export type ResetInput = Schemas["ResetInput"];

let cached: OpenApiDocument | undefined;

/** The bundled control spec (control-openapi.json at the package root), parsed once. */
export function loadControlSpec(): OpenApiDocument {
  cached ??= JSON.parse(
    readFileSync(new URL("../control-openapi.json", import.meta.url), "utf8"),
  ) as OpenApiDocument;
  return cached;
}

const SPEC_ID = "bksops-control.json";
const compiled = new Map<string, ValidateFunction>();
let ajv: ReturnType<typeof openApiAjv> | undefined;

/** The validator of the control spec's `#/components/schemas/<name>`, compiled once. */
export function controlValidatorFor(name: ControlSchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    if (!ajv) {
      ajv = openApiAjv(false);
      ajv.addSchema(loadControlSpec(), SPEC_ID);
    }
    const found = ajv.getSchema(`${SPEC_ID}#/components/schemas/${name}`);
    if (!found) throw new Error(`the control spec has no schema named ${name}`);
    validate = found;
    compiled.set(name, validate);
  }
  return validate;
}
