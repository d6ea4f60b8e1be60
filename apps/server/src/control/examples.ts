import { deref, listExamplePairs, loadSpec, type OpenApiDocument, schemaNameOf } from "@bksops/api-types";
import { isPlainObject } from "@bksops/domain";

/** An answer the spec documents for an operation: a named example, or a response's single `example`. */
export interface DocumentedAnswer {
  status: number;
  /** The example's name; absent for a response's single unnamed `example`. */
  name?: string;
  body: unknown;
  /** A gateway error: the gateway repeats it in `X-Bkapi-Error-*` headers, filled from the body. */
  gatewayErrorHeaders: boolean;
}

/** What the spec documents for one operationId. */
export interface OperationAnswers {
  operationId: string;
  /** Documented statuses, ascending. */
  statuses: number[];
  /** Named examples, each name's answers by ascending status. */
  named: Map<string, DocumentedAnswer[]>;
  /** The answer Prism gives for `Prefer: code=N`: the first named example, else the single one. */
  byStatus: Map<number, DocumentedAnswer>;
}

type Json = Record<string, unknown>;

let index: Map<string, OperationAnswers> | undefined;

/** The documented answers of `operationId` (read from the bundled spec once), or undefined. */
export function documentedAnswers(operationId: string): OperationAnswers | undefined {
  index ??= buildIndex(loadSpec());
  return index.get(operationId);
}

function buildIndex(doc: OpenApiDocument): Map<string, OperationAnswers> {
  const byOperation = new Map<string, OperationAnswers>();
  for (const item of Object.values(doc.paths)) {
    for (const raw of Object.values(item)) {
      const operation = deref<Json>(doc, raw);
      if (typeof operation?.operationId !== "string") continue;
      const answers: OperationAnswers = {
        operationId: operation.operationId,
        statuses: [],
        named: new Map(),
        byStatus: new Map(),
      };
      for (const [code, rawResponse] of Object.entries((operation.responses ?? {}) as Json)) {
        const status = Number(code);
        if (!Number.isInteger(status)) continue; // `default`, `4XX`: no single status to answer
        answers.statuses.push(status);
        const response = deref<Json>(doc, rawResponse);
        const media = ((response.content as Json | undefined)?.["application/json"] ?? {}) as Json;
        if ("example" in media) {
          answers.byStatus.set(status, {
            status,
            body: media.example,
            gatewayErrorHeaders: isGatewayError(response),
          });
        }
      }
      answers.statuses.sort((a, b) => a - b);
      byOperation.set(operation.operationId, answers);
    }
  }
  // The named examples, as the conformance suite and Prism see them, in the spec's order.
  for (const pair of listExamplePairs(doc)) {
    const answers = byOperation.get(pair.operationId);
    if (!answers) continue;
    const response = findResponse(doc, pair.operationId, pair.response.status);
    const answer: DocumentedAnswer = {
      status: pair.response.status,
      name: pair.name,
      body: pair.response.value,
      gatewayErrorHeaders: response ? isGatewayError(response) : false,
    };
    const list = answers.named.get(pair.name) ?? [];
    list.push(answer);
    list.sort((a, b) => a.status - b.status);
    answers.named.set(pair.name, list);
    // Prism answers `code=N` with the first example of that status (a media type has either
    // named `examples` or a single `example`).
    if (answers.byStatus.get(answer.status)?.name === undefined) answers.byStatus.set(answer.status, answer);
  }
  return byOperation;
}

function findResponse(doc: OpenApiDocument, operationId: string, status: number): Json | undefined {
  for (const item of Object.values(doc.paths)) {
    for (const raw of Object.values(item)) {
      const operation = deref<Json>(doc, raw);
      if (operation?.operationId !== operationId) continue;
      const response = (operation.responses as Json | undefined)?.[String(status)];
      return response === undefined ? undefined : deref<Json>(doc, response);
    }
  }
  return undefined;
}

/** The response declares the `X-Bkapi-Error-*` headers, or is the gateway's error envelope. */
function isGatewayError(response: Json): boolean {
  const headers = response.headers;
  if (isPlainObject(headers) && Object.keys(headers).some((name) => /^x-bkapi-error-code$/i.test(name))) {
    return true;
  }
  const media = ((response.content as Json | undefined)?.["application/json"] ?? {}) as Json;
  return schemaNameOf(media.schema) === "GatewayError";
}
