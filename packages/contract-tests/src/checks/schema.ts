import {
  deref,
  formatErrors,
  type OpenApiDocument,
  type SchemaName,
  schemaNameOf,
  validatorFor,
} from "@bksops/api-types";
import type { Difference, Exchange } from "../types.js";
import { isObject } from "./diff.js";

type Json = Record<string, unknown>;

/** The spec's operation object (and its path) with that operationId. */
export function operationOf(spec: OpenApiDocument, operationId: string): { path: string; operation: Json } {
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const operation of Object.values(item)) {
      if (isObject(operation) && operation.operationId === operationId) return { path, operation };
    }
  }
  throw new Error(`the spec has no operation ${operationId}`);
}

// A `oneOf` of success and errors: validate against the branch whose `result` const matches (the
// first that accepts the answer when several do), so the errors name what is wrong with that
// answer rather than why no branch fits.
function branchFor(spec: OpenApiDocument, name: string, body: unknown): string {
  const schema = deref<Json>(spec, { $ref: `#/components/schemas/${name}` });
  if (!Array.isArray(schema.oneOf) || !isObject(body)) return name;
  const candidates: string[] = [];
  for (const branch of schema.oneOf) {
    const resolved = deref<Json>(spec, branch);
    const result =
      isObject(resolved.properties) && isObject(resolved.properties.result)
        ? resolved.properties.result.const
        : undefined;
    const branchName = schemaNameOf(branch);
    if (branchName && result === body.result) candidates.push(branchName);
  }
  return candidates.find((candidate) => validatorFor(candidate as SchemaName)(body)) ?? candidates[0] ?? name;
}

/** Where an answer breaks the spec: undocumented status, content type, or body schema. */
export function schemaDifferences(spec: OpenApiDocument, exchange: Exchange): Difference[] {
  const answer = exchange.response;
  if (!answer) return [{ path: "(response)", note: `no answer: ${exchange.error}` }];
  const { operation } = operationOf(spec, exchange.operationId);
  const responses = (operation.responses ?? {}) as Json;
  const documented = responses[String(answer.status)] ?? responses.default;
  if (!documented) {
    return [
      {
        path: "(status)",
        note: "status not documented for this operation",
        expected: Object.keys(responses),
        actual: answer.status,
      },
    ];
  }
  const response = deref<Json>(spec, documented);
  const headers = headerDifferences(spec, response, answer.headers);
  const content = (response.content ?? {}) as Json;
  const mediaType = (answer.headers["content-type"] ?? "").split(";")[0]?.trim() ?? "";
  // bk-sops itself answers 405 with an empty body (see the spec's MethodNotAllowed).
  if (answer.status === 405 && answer.text === "") return headers;
  return [...headers, ...bodyDifferences(spec, answer, content, mediaType)];
}

/** The documented response headers: a required one present, a value within its enum. */
function headerDifferences(spec: OpenApiDocument, response: Json, got: Record<string, string>): Difference[] {
  const out: Difference[] = [];
  for (const [name, header] of Object.entries(isObject(response.headers) ? response.headers : {})) {
    const resolved = deref<Json>(spec, header);
    const value = got[name.toLowerCase()];
    const schema = isObject(resolved.schema) ? resolved.schema : {};
    if (value === undefined) {
      if (resolved.required === true)
        out.push({ path: `(header ${name})`, note: "documented as always sent; missing" });
    } else if (Array.isArray(schema.enum) && !schema.enum.includes(value))
      out.push({
        path: `(header ${name})`,
        note: "not a documented value",
        expected: schema.enum,
        actual: value,
      });
  }
  return out;
}

/** Where the body breaks the documented content: its type, JSON, the schema. */
function bodyDifferences(
  spec: OpenApiDocument,
  answer: NonNullable<Exchange["response"]>,
  content: Json,
  mediaType: string,
): Difference[] {
  const media = content[mediaType];
  if (!isObject(media)) {
    return [
      {
        path: "(content-type)",
        note: "content type not documented for this status",
        expected: Object.keys(content),
        actual: mediaType || "(none)",
      },
    ];
  }
  if (answer.json === undefined)
    return [{ path: "(body)", note: "the body is not JSON", actual: answer.text.slice(0, 200) }];
  const name = schemaNameOf(media.schema);
  if (!name) return [];
  const branch = branchFor(spec, name, answer.json);
  const validate = validatorFor(branch as SchemaName, { allErrors: true });
  if (validate(answer.json)) return [];
  return formatErrors(validate.errors).map((line) => {
    const [path = "/", ...rest] = line.split(" ");
    return { path: `${branch}${path === "/" ? "" : path}`, note: rest.join(" ") };
  });
}

/**
 * The documented statuses of the exchange's operation whose response the answer would match (its
 * headers, content type and body): when the answer breaks its own status's schema but fits
 * another's, the status is what is wrong.
 */
export function statusesThatFit(spec: OpenApiDocument, exchange: Exchange): number[] {
  const answer = exchange.response;
  if (!answer) return [];
  const { operation } = operationOf(spec, exchange.operationId);
  return Object.keys(isObject(operation.responses) ? operation.responses : {})
    .filter((status) => /^[1-5][0-9][0-9]$/.test(status))
    .map(Number)
    .filter(
      (status) => schemaDifferences(spec, { ...exchange, response: { ...answer, status } }).length === 0,
    );
}
