import { deref, type OpenApiDocument } from "@bksops/api-types";
import { asText, type Json, listOperations, type Operation } from "./operations.js";
import { type ExampleRequest, exampleRequests } from "./requests.js";

/** Who answers with an error envelope: the spec's `x-error-source` on the envelope's schema. */
export type ErrorSource = string;

/** The source of an ESB error whose message is a bk-sops view's: the ESB only rewrote its code. */
export const REWRITTEN_BY_ESB = "view, rewritten by the ESB";

/** One documented error of one operation. */
export interface ErrorRow {
  operationId: string;
  /** The HTTP status; absent for a code no example shows (the spec documents no status for it). */
  status?: number;
  code: number;
  codeName?: string;
  source: ErrorSource;
  /** The documented message, with the request's own values written `{field}`; absent for a code no example shows. */
  message?: string;
  /** When it happens: the example's summary, or the code's description in the schema. */
  when: string;
  /** The response example it comes from. */
  example?: string;
}

/** An error envelope schema (one with `x-error-source`) and the codes it documents. */
interface Envelope {
  source: ErrorSource;
  codes: Array<{ code: number; when?: string }>;
}

function envelopesOf(
  doc: OpenApiDocument,
  schema: unknown,
  found: Envelope[] = [],
  seen = new Set<unknown>(),
) {
  const node = deref<Json>(doc, schema);
  if (!node || typeof node !== "object" || seen.has(node)) return found;
  seen.add(node);
  if (typeof node["x-error-source"] === "string") {
    const code = deref<Json>(doc, (node.properties as Json | undefined)?.code ?? {});
    const values =
      (code.enum as number[] | undefined) ?? (code.const !== undefined ? [code.const as number] : []);
    const descriptions = (code["x-enum-descriptions"] ?? []) as string[];
    found.push({
      source: node["x-error-source"],
      codes: values.map((value, index) => ({ code: value, when: descriptions[index] })),
    });
  }
  for (const key of ["oneOf", "anyOf", "allOf"]) {
    for (const branch of (node[key] ?? []) as unknown[]) envelopesOf(doc, branch, found, seen);
  }
  return found;
}

/** Request values long enough to be recognised in a message, by the field they came from. */
function requestValues(request: ExampleRequest | undefined): Array<[field: string, text: string]> {
  if (!request) return [];
  const values: Array<[string, string]> = [];
  const add = (field: string, value: unknown) => {
    if (typeof value === "string" || typeof value === "number") values.push([field, String(value)]);
  };
  for (const where of [request.path, request.query, request.authorization ?? {}]) {
    for (const [field, value] of Object.entries(where)) add(field, value);
  }
  if (request.body && typeof request.body === "object" && !Array.isArray(request.body)) {
    for (const [field, value] of Object.entries(request.body as Json)) {
      if (Array.isArray(value)) for (const item of value) add(field, item);
      else add(field, value);
    }
  }
  return values.filter(([, text]) => text.trim() !== "").sort((a, b) => b[1].length - a[1].length);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The message as a pattern: each value the request sent that the message repeats (quoted, or after
 * `=`) becomes `{field}`; a message whose first line alone is stable ends with `…`.
 */
export function messagePattern(message: string, request?: ExampleRequest, firstLineOnly = false): string {
  let pattern = firstLineOnly ? `${message.split("\n")[0]} …` : message.replace(/\s*\n\s*/g, " ");
  for (const [field, text] of requestValues(request)) {
    // Messages quote what they repeat ('value', key=value, (id=value), [value]); fixed words stay.
    const word = new RegExp(`(?<=['"=(\\[])${escapeRegExp(text)}(?=['")\\],])`, "g");
    pattern = pattern.replace(word, `{${field}}`);
  }
  return pattern;
}

const firstSentence = (text: unknown) =>
  typeof text === "string" ? (text.trim().split(/(?<=\.)\s|\n\n/)[0] ?? "").replace(/\s+/g, " ") : "";

/** The documented errors of one operation: every error example, then codes no example shows. */
function operationErrors(
  doc: OpenApiDocument,
  operation: Operation,
): Array<ErrorRow & { fromView?: boolean }> {
  const rows: Array<ErrorRow & { fromView?: boolean }> = [];
  const requests = new Map(exampleRequests(doc, operation).map((request) => [request.name, request]));
  const undocumented: Envelope[] = [];
  for (const [status, raw] of Object.entries((operation.node.responses ?? {}) as Json)) {
    const response = deref<Json>(doc, raw);
    const content = ((response.content as Json | undefined)?.["application/json"] ?? {}) as Json;
    const envelopes = envelopesOf(doc, content.schema);
    // Only the operation's main answers (those with named examples) vouch for codes no example
    // shows: a 405's envelope could list codes that never come with a 405.
    if (content.examples) for (const envelope of envelopes) undocumented.push(envelope);
    const examples: Array<[string | undefined, Json]> = Object.entries((content.examples ?? {}) as Json).map(
      ([name, example]) => [name, deref<Json>(doc, example)],
    );
    if (content.example !== undefined) examples.push([undefined, { value: content.example }]);
    for (const [name, example] of examples) {
      const value = example.value as Json | undefined;
      if (!value || typeof value.code !== "number" || value.code === 0) continue;
      const envelope = envelopes.find((candidate) => candidate.codes.some(({ code }) => code === value.code));
      const contract = (example["x-contract"] ?? {}) as { message?: string };
      rows.push({
        operationId: operation.operationId,
        status: Number(status),
        code: value.code,
        ...(typeof value.code_name === "string" ? { codeName: value.code_name } : {}),
        source: envelope?.source ?? "—",
        message: messagePattern(
          asText(value.message ?? ""),
          name === undefined ? undefined : requests.get(name),
          contract.message === "first-line",
        ),
        when: firstSentence(example.summary) || firstSentence(response.description),
        ...(name === undefined ? {} : { example: name }),
        // bk-sops' own answers carry a trace_id or a serializer's dict as message; the ESB's do not.
        ...(value.trace_id !== undefined || (value.message !== undefined && typeof value.message !== "string")
          ? { fromView: true }
          : {}),
      });
    }
  }
  // Codes an envelope lists that no example shows; their status is not documented.
  for (const envelope of undocumented) {
    for (const { code, when } of envelope.codes) {
      if (rows.some((row) => row.code === code && row.source === envelope.source)) continue;
      rows.push({ operationId: operation.operationId, code, source: envelope.source, when: when ?? "" });
    }
  }
  return rows;
}

/**
 * Every documented error of every operation, from the spec's responses and their examples. An ESB
 * error is a view's rewritten by the ESB when its example carries a trace_id or a dict message
 * (bk-sops' marks), or repeats a view error's message.
 */
export function errorRows(doc: OpenApiDocument): ErrorRow[] {
  const rows: Array<ErrorRow & { fromView?: boolean }> = listOperations(doc).flatMap((operation) =>
    operationErrors(doc, operation),
  );
  const viewMessages = new Set(rows.filter((row) => row.source === "view").map((row) => row.message));
  return rows.map(({ fromView, ...row }) =>
    row.source === "ESB" && (fromView || (row.message !== undefined && viewMessages.has(row.message)))
      ? { ...row, source: REWRITTEN_BY_ESB }
      : row,
  );
}
