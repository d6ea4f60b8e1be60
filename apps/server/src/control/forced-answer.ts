import { CODES, requestId } from "../errors.js";
import { type DocumentedAnswer, documentedAnswers } from "./examples.js";
import { ScenarioError } from "./scenario-error.js";

/** An answer asked for without code: a documented example, a status, or a status and a body. */
export interface AnswerChoice {
  /** The HTTP status (`Prefer: code=N`, a rule's `respond.status`). */
  code?: number;
  /** A named example of the operation (`Prefer: example=NAME`, a rule's `respond.example`). */
  example?: string;
  /** A rule's own body, answered as it is with `code` (default 200). */
  body?: unknown;
  /** A rule's own extra headers. */
  headers?: Record<string, string>;
}

/** A chosen answer, before it is sent: `trace_id`/`request_id` are filled per request. */
export interface PlannedAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  /** What the journal shows: `example documented`, `status 500`, … */
  label: string;
  /** A body given by a rule is sent as it is; documented ones get this request's ids. */
  verbatim: boolean;
}

/**
 * Decides what answers `choice` for `operationId`:
 * - `example` alone: that named example, at the lowest status that documents it;
 * - `code` + `example`: the example must be documented under that status;
 * - `code` alone: the status's first example (Prism's choice); a status of 400 or more that the
 *   operation documents without an example, or does not document, gets the server's error
 *   envelope (`code` 3599999) so that any failure can be played; a lower status without an
 *   example is refused (there is no honest success body to invent);
 * - `body`: answered as it is, with `code` (default 200).
 * Throws ScenarioError, naming what the operation does document.
 */
export function planAnswer(operationId: string, choice: AnswerChoice): PlannedAnswer {
  const documented = documentedAnswers(operationId);
  const extra = choice.headers ?? {};
  if (choice.body !== undefined) {
    if (choice.example !== undefined) throw new ScenarioError("give either an example or a body, not both");
    const status = choice.code ?? 200;
    return {
      status,
      body: choice.body,
      headers: extra,
      label: `status ${status} with a given body`,
      verbatim: true,
    };
  }
  if (choice.example !== undefined) {
    const answers = documented?.named.get(choice.example) ?? [];
    if (answers.length === 0) {
      const names = [...(documented?.named.keys() ?? [])];
      throw new ScenarioError(
        `${operationId} has no example named ${JSON.stringify(choice.example)}; its examples: ${
          names.length > 0 ? names.join(", ") : "none"
        }`,
      );
    }
    const answer = choice.code === undefined ? answers[0] : answers.find((a) => a.status === choice.code);
    if (!answer) {
      throw new ScenarioError(
        `${operationId}'s example ${JSON.stringify(choice.example)} is documented for HTTP ${answers
          .map((a) => a.status)
          .join(", ")}, not ${choice.code}`,
      );
    }
    return fromDocumented(answer, extra);
  }
  const code = choice.code ?? 200;
  const answer = documented?.byStatus.get(code);
  if (answer) return fromDocumented(answer, extra);
  if (code < 400) {
    throw new ScenarioError(
      `${operationId} documents no example for HTTP ${code} (documented: ${documented?.statuses.join(", ") || "none"}); ` +
        "ask for a documented status, an error status (400-599), or give a body",
    );
  }
  const documentedStatus = documented?.statuses.includes(code) ?? false;
  return {
    status: code,
    body: {
      result: false,
      message: `HTTP ${code} forced by scenario control (${operationId} ${
        documentedStatus ? "documents this status without an example" : "does not document this status"
      })`,
      code: CODES.UNKNOWN_ERROR,
      trace_id: "",
    },
    headers: extra,
    label: `status ${code}`,
    verbatim: false,
  };
}

function fromDocumented(answer: DocumentedAnswer, extra: Record<string, string>): PlannedAnswer {
  const headers: Record<string, string> = {};
  const body = answer.body as Record<string, unknown> | null;
  if (answer.gatewayErrorHeaders && body && typeof body === "object") {
    // The gateway repeats its error in headers; the spec declares them without values.
    if (body.code !== undefined) headers["X-Bkapi-Error-Code"] = String(body.code);
    if (typeof body.message === "string") headers["X-Bkapi-Error-Message"] = body.message;
  }
  return {
    status: answer.status,
    body: answer.body,
    headers: { ...headers, ...extra },
    label: answer.name === undefined ? `status ${answer.status}` : `example ${answer.name}`,
    verbatim: false,
  };
}

/**
 * The body as sent for one request: the example's `trace_id` becomes the request's (so the body
 * agrees with `Sops-Trace-Id`) and its `request_id` a fresh one, as each real answer has its own.
 */
export function personalise(body: unknown, traceId: string): unknown {
  if (body === null || typeof body !== "object" || Array.isArray(body)) return body;
  const record = body as Record<string, unknown>;
  if (!("trace_id" in record) && !("request_id" in record)) return body;
  const copy = { ...record };
  if ("trace_id" in copy) copy.trace_id = traceId;
  if ("request_id" in copy) copy.request_id = requestId();
  return copy;
}
