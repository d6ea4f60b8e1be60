import { deref, type ExampleContract, type OpenApiDocument } from "@bksops/api-types";
import { asText, type Json, type Operation } from "./operations.js";

/** The schema whose properties are the caller's credentials (header JSON or body keys). */
export const CREDENTIALS_SCHEMA = "Credentials";

/** A credential field: its name, what it is, and the value the spec's examples give it. */
export interface CredentialField {
  name: string;
  description?: string;
  example: string;
}

/** The credential fields of the spec, with their documented example values (the demo app's). */
export function credentialFields(doc: OpenApiDocument): CredentialField[] {
  const schema = deref<Json>(doc, doc.components.schemas?.[CREDENTIALS_SCHEMA] ?? {});
  return Object.entries((schema.properties ?? {}) as Record<string, Json>).map(([name, property]) => ({
    name,
    description: typeof property.description === "string" ? property.description.trim() : undefined,
    example: asText((property.examples as unknown[] | undefined)?.[0] ?? ""),
  }));
}

/** The credentials the examples use unless an example names its own: every field with an example. */
export function defaultCredentials(doc: OpenApiDocument): Record<string, string> {
  return Object.fromEntries(
    credentialFields(doc)
      .filter((field) => field.example !== "")
      .map((field) => [field.name, field.example]),
  );
}

/** A documented request of an operation, ready to send as written. */
export interface ExampleRequest {
  /** The example's name (the response example of the same name answers it). */
  name: string;
  summary?: string;
  /** A request the spec marks as breaking the schema on purpose (`x-invalid-examples`). */
  invalid: boolean;
  /** Parameter values as documented (numbers stay numbers); `urlOf` writes them as text. */
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  /** The JSON body; absent for operations without one. */
  body?: unknown;
  /** The credentials header value this example sends, when it names its own (`x-contract.authorization`). */
  authorization?: Record<string, string>;
  /** Body keys the example sends as written even where credentials are substituted (`x-contract.keep`). */
  keep?: string[];
}

/** `name: example` entries of a request body's `examples` and `x-invalid-examples`. */
function bodyExamples(doc: OpenApiDocument, operation: Operation): Array<[string, Json, boolean]> {
  const body = deref<Json>(doc, operation.node.requestBody ?? {});
  const media = ((body.content as Json | undefined)?.["application/json"] ?? {}) as Json;
  const valid = Object.entries((media.examples ?? {}) as Json).map(
    ([name, example]): [string, Json, boolean] => [name, deref<Json>(doc, example), false],
  );
  const invalid = Object.entries((body["x-invalid-examples"] ?? {}) as Json).map(
    ([name, example]): [string, Json, boolean] => [name, deref<Json>(doc, example), true],
  );
  return [...valid, ...invalid];
}

/** Names of the examples of an operation without a body: its parameters' and its responses'. */
function parameterExampleNames(doc: OpenApiDocument, operation: Operation): string[] {
  const names = new Set<string>();
  for (const parameter of operation.parameters)
    for (const name of Object.keys(parameter.examples)) names.add(name);
  for (const raw of Object.values((operation.node.responses ?? {}) as Json)) {
    const content = ((deref<Json>(doc, raw).content as Json | undefined)?.["application/json"] ?? {}) as Json;
    for (const name of Object.keys((content.examples ?? {}) as Json)) names.add(name);
  }
  return [...names];
}

/** The response example of that name, wherever it is documented (its `x-contract` completes the request's). */
function responseContract(doc: OpenApiDocument, operation: Operation, name: string): ExampleContract {
  for (const raw of Object.values((operation.node.responses ?? {}) as Json)) {
    const content = ((deref<Json>(doc, raw).content as Json | undefined)?.["application/json"] ?? {}) as Json;
    const example = (content.examples as Json | undefined)?.[name];
    if (example) return (deref<Json>(doc, example)["x-contract"] as ExampleContract | undefined) ?? {};
  }
  return {};
}

function requestOf(
  operation: Operation,
  name: string,
  example: Json | undefined,
  invalid: boolean,
  contract: ExampleContract,
): ExampleRequest {
  const request: ExampleRequest = { name, invalid, path: {}, query: {}, headers: {} };
  if (typeof example?.summary === "string") request.summary = example.summary;
  for (const parameter of operation.parameters) {
    let value = parameter.examples[name] ?? contract.params?.[parameter.name];
    if (value === undefined && parameter.name === "template_id" && parameter.in === "path")
      value = contract.template_id;
    // Optional parameters are sent only when the example names them.
    if (value === undefined && parameter.required) value = parameter.example ?? "";
    if (value === undefined || parameter.in === "cookie") continue;
    const where = parameter.in === "header" ? request.headers : request[parameter.in];
    where[parameter.name] = value;
  }
  if (operation.hasBody) request.body = example?.value ?? {};
  if (contract.authorization) request.authorization = contract.authorization;
  if (contract.keep?.length) request.keep = contract.keep;
  return request;
}

/** Every documented request of an operation, the valid ones first; a bare one when it documents none. */
export function exampleRequests(doc: OpenApiDocument, operation: Operation): ExampleRequest[] {
  if (operation.hasBody) {
    const requests = bodyExamples(doc, operation).map(([name, example, invalid]) => {
      const own = (example["x-contract"] as ExampleContract | undefined) ?? {};
      return requestOf(operation, name, example, invalid, {
        ...responseContract(doc, operation, name),
        ...own,
      });
    });
    if (requests.length > 0) return requests;
  } else {
    const names = parameterExampleNames(doc, operation);
    if (names.length > 0) {
      return names.map((name) =>
        requestOf(operation, name, undefined, false, responseContract(doc, operation, name)),
      );
    }
  }
  return [requestOf(operation, "default", undefined, false, {})];
}

/** The request the code samples show: the example named `documented`, else the first valid one. */
export function sampleRequest(requests: ExampleRequest[]): ExampleRequest {
  const valid = requests.filter((request) => !request.invalid);
  return (
    valid.find((request) => request.name === "documented") ?? valid[0] ?? (requests[0] as ExampleRequest)
  );
}

/** The URL of a request on `base`: path parameters filled in, query appended. */
export function urlOf(base: string, operation: Operation, request: ExampleRequest): string {
  const path = operation.path.replace(/\{([^}]+)\}/g, (whole, name: string) =>
    name in request.path ? encodeURIComponent(asText(request.path[name])) : whole,
  );
  const query = new URLSearchParams(
    Object.entries(request.query).map(([key, value]): [string, string] => [key, asText(value)]),
  ).toString();
  return `${base.replace(/\/+$/, "")}${path}${query ? `?${query}` : ""}`;
}
