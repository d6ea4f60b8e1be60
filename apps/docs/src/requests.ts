import { deref, type ExamplePair, listExamplePairs, type OpenApiDocument } from "@bksops/api-types";
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

/** A documented request, its required path parameters filled from the spec where the example names none. */
function requestOf(operation: Operation, pair: ExamplePair): ExampleRequest {
  const side = pair.request as NonNullable<ExamplePair["request"]>;
  const contract = side.contract;
  const request: ExampleRequest = {
    name: pair.name,
    invalid: side.invalid,
    path: { ...side.parameters.path },
    query: { ...side.parameters.query },
    headers: { ...side.parameters.header },
  };
  const summary = side.summary ?? pair.response.summary;
  if (summary) request.summary = summary;
  for (const parameter of operation.parameters) {
    if (parameter.in !== "path" || parameter.name in request.path) continue;
    // The suite takes path values from its target; a reader gets the example's, or the parameter's.
    request.path[parameter.name] =
      contract.params?.[parameter.name] ??
      (parameter.name === "template_id" ? contract.template_id : undefined) ??
      parameter.example ??
      "";
  }
  if (operation.hasBody) request.body = side.value ?? {};
  if (contract.authorization) request.authorization = contract.authorization;
  // A credentials header the example gives as a parameter value is its authorization.
  for (const name of Object.keys(request.headers)) {
    if (name.toLowerCase() !== operation.authHeader?.toLowerCase()) continue;
    const value = request.headers[name];
    delete request.headers[name];
    try {
      request.authorization ??=
        typeof value === "string" ? JSON.parse(value) : (value as Record<string, string>);
    } catch {
      // not JSON: the example documents a malformed header; the credentials stand in for it
    }
  }
  if (contract.keep?.length) request.keep = contract.keep;
  return request;
}

/**
 * Every documented request of an operation (a named example pair's request), the valid ones first;
 * a bare one, from the parameters' own examples, when it documents none.
 */
export function exampleRequests(doc: OpenApiDocument, operation: Operation): ExampleRequest[] {
  const seen = new Set<string>();
  const requests: ExampleRequest[] = [];
  for (const pair of listExamplePairs(doc)) {
    if (pair.operationId !== operation.operationId || !pair.request || seen.has(pair.name)) continue;
    seen.add(pair.name);
    requests.push(requestOf(operation, pair));
  }
  if (requests.length === 0) {
    const bare: ExampleRequest = { name: "default", invalid: false, path: {}, query: {}, headers: {} };
    for (const parameter of operation.parameters) {
      if (!parameter.required || parameter.in === "cookie") continue;
      const where = parameter.in === "header" ? bare.headers : bare[parameter.in];
      where[parameter.name] = parameter.example ?? "";
    }
    if (operation.hasBody) bare.body = {};
    requests.push(bare);
  }
  return [
    ...requests.filter((request) => !request.invalid),
    ...requests.filter((request) => request.invalid),
  ];
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
