import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";

export type { ErrorObject };

import addFormatsModule from "ajv-formats";
import type { components } from "./generated/schema.js";
import { readSpecFile } from "./spec.js";

export type SchemaName = keyof components["schemas"];

/** A compiled schema of the spec: `validate(value)` tells whether it conforms, `errors` says why not. */
export type SchemaValidator = ValidateFunction;

const SPEC_ID = "bksops-create-task.json";
// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export interface ValidatorOptions {
  /**
   * Collect every error, each with the failing value and its schema (ajv's `allErrors` and
   * `verbose`), for callers that choose and word the error themselves. Slower; off by default.
   */
  allErrors?: boolean;
}

const instances = new Map<boolean, Ajv2020>();
const compiled = new Map<string, ValidateFunction>();

/** An ajv for the schemas of an OpenAPI document (shared with the control spec's validators). */
export function openApiAjv(allErrors: boolean): Ajv2020 {
  // An OpenAPI document is not a bare JSON Schema: keywords such as `example` or
  // `discriminator` without a mapping are annotations here, so strict mode stays off.
  const ajv = new Ajv2020({ strict: false, allErrors, verbose: allErrors, discriminator: true });
  addFormats(ajv);
  return ajv;
}

function instance(allErrors: boolean): Ajv2020 {
  let ajv = instances.get(allErrors);
  if (!ajv) {
    ajv = openApiAjv(allErrors);
    ajv.addSchema(schemaParts(), SPEC_ID);
    instances.set(allErrors, ajv);
  }
  return ajv;
}

/**
 * The parts of the spec a schema can refer to, under the same pointers. ajv keeps the document it
 * is given for as long as the process runs; the whole spec (operations, named examples) is several
 * megabytes of objects, and a server's live heap sets how far V8 lets it grow under load.
 */
function schemaParts(): Record<string, unknown> {
  const { schemas, parameters, headers } = readSpecFile().components;
  return { components: { schemas, parameters, headers } };
}

/** Returns the validator of `#/components/schemas/<name>`, compiled once and cached. */
export function validatorFor(name: SchemaName, options: ValidatorOptions = {}): SchemaValidator {
  const allErrors = options.allErrors ?? false;
  const key = `${name}:${allErrors}`;
  let validate = compiled.get(key);
  if (!validate) {
    const found = instance(allErrors).getSchema(`${SPEC_ID}#/components/schemas/${name}`);
    if (!found) throw new Error(`the spec has no schema named ${name}`);
    validate = found;
    compiled.set(key, validate);
  }
  return validate;
}

/**
 * Returns the validator of any schema of the spec by its JSON pointer, e.g. a parameter's
 * `#/components/parameters/<name>/schema`, compiled once and cached.
 */
export function validatorAt(pointer: string, options: ValidatorOptions = {}): SchemaValidator {
  const allErrors = options.allErrors ?? false;
  const key = `${pointer}:${allErrors}`;
  let validate = compiled.get(key);
  if (!validate) {
    const found = instance(allErrors).getSchema(`${SPEC_ID}${pointer}`);
    if (!found) throw new Error(`the spec has no schema at ${pointer}`);
    validate = found;
    compiled.set(key, validate);
  }
  return validate;
}

/** One line per error: the JSON pointer of the value and what is wrong with it. */
export function formatErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? "is invalid"}`);
}
