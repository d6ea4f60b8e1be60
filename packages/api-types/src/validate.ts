import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { components } from "./generated/schema.js";
import { loadSpec } from "./spec.js";

export type SchemaName = keyof components["schemas"];

/** A compiled schema of the spec: `validate(value)` tells whether it conforms, `errors` says why not. */
export type SchemaValidator = ValidateFunction;

const SPEC_ID = "bksops-create-task.json";
// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

let ajv: Ajv2020 | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

function instance(): Ajv2020 {
  if (!ajv) {
    // The spec is an OpenAPI document, not a bare JSON Schema: keywords such as `example`
    // or `discriminator` without a mapping are annotations here, so strict mode stays off.
    ajv = new Ajv2020({ strict: false, allErrors: false, discriminator: true, validateFormats: true });
    addFormats(ajv);
    ajv.addSchema(loadSpec(), SPEC_ID);
  }
  return ajv;
}

/** Returns the validator of `#/components/schemas/<name>`, compiled once and cached. */
export function validatorFor(name: SchemaName): SchemaValidator {
  let validate = compiled.get(name);
  if (!validate) {
    const found = instance().getSchema(`${SPEC_ID}#/components/schemas/${name}`);
    if (!found) throw new Error(`the spec has no schema named ${name}`);
    validate = found;
    compiled.set(name, validate);
  }
  return validate;
}

/** One line per error: the JSON pointer of the value and what is wrong with it. */
export function formatErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? "is invalid"}`);
}
