/**
 * Errors that end a request, each knowing the answer bk-sops (or the gateway / ESB in front
 * of it) gives. Code that detects a failure throws one; `app.onError` renders it, once.
 */

/** bk-sops error codes (`gcloud/err_code.py`, with the `35` prefix). */
export const CODES = {
  SUCCESS: 0,
  REQUEST_PARAM_INVALID: 3540000,
  CONTENT_NOT_EXIST: 3540400,
  INVALID_OPERATION: 3545000,
  VALIDATION_ERROR: 3546100,
  UNKNOWN_ERROR: 3599999,
} as const;

export interface ErrorAnswer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** Base of every error with a documented answer. */
export abstract class ApiError extends Error {
  abstract answer(traceId: string): ErrorAnswer;
}

/**
 * A `result: false` answer of bk-sops itself, HTTP 200. `traceId` says whether the body
 * carries `trace_id` (only answers that went through the view's `return_json_response`);
 * `data` whether it carries `data` (`dataValue`, null unless given).
 */
export class BkSopsError extends ApiError {
  override name = "BkSopsError";
  constructor(
    message: string,
    readonly code: number,
    readonly shape: { traceId: boolean; data?: boolean; dataValue?: unknown } = { traceId: true },
  ) {
    super(message);
  }

  answer(traceId: string): ErrorAnswer {
    const body: Record<string, unknown> = { result: false };
    if (this.shape.data) body.data = this.shape.dataValue ?? null;
    body.message = this.message;
    body.code = this.code;
    if (this.shape.traceId) body.trace_id = traceId;
    return { status: 200, body };
  }
}

/**
 * bk-sops' answer to parameters its serializer refuses: `message` is the serializer's errors, a
 * dict of field → messages, not a string (`{"include_labels": ["Must be a valid boolean."]}`).
 */
export class BkSopsParamsError extends ApiError {
  override name = "BkSopsParamsError";
  constructor(readonly fields: Record<string, string[]>) {
    super(
      Object.entries(fields)
        .map(([field, messages]) => `${field}: ${messages.join(" ")}`)
        .join("; "),
    );
  }

  answer(traceId: string): ErrorAnswer {
    return {
      status: 200,
      body: { result: false, message: this.fields, code: CODES.REQUEST_PARAM_INVALID, trace_id: traceId },
    };
  }
}

/** The API gateway's own refusals (`X-Bkapi-Error-*` headers, JSON body). */
export class GatewayError extends ApiError {
  override name = "GatewayError";
  constructor(
    readonly status: number,
    readonly code: number,
    readonly codeName: string,
    message: string,
  ) {
    super(message);
  }

  /** HTTP 400, 1640001: the credentials were refused for `reason`. */
  static invalidArgs(reason: string): GatewayError {
    return new GatewayError(400, 1640001, "INVALID_ARGS", `Parameters error [reason="${reason}"]`);
  }

  static notFound(): GatewayError {
    return new GatewayError(404, 1640401, "API_NOT_FOUND", "API not found");
  }

  answer(): ErrorAnswer {
    return {
      status: this.status,
      body: { code: this.code, code_name: this.codeName, message: this.message, result: false, data: null },
      headers: { "X-Bkapi-Error-Code": String(this.code), "X-Bkapi-Error-Message": this.message },
    };
  }
}

/** The 2019 ESB's own refusals: HTTP 200, `code` 1306000 (or another 1306xxx). */
export class EsbError extends ApiError {
  override name = "EsbError";
  constructor(
    message: string,
    readonly code = 1306000,
  ) {
    super(message);
  }

  answer(): ErrorAnswer {
    return {
      status: 200,
      body: { result: false, code: this.code, data: null, message: this.message, request_id: requestId() },
    };
  }
}

/**
 * Transport-level refusals of this server (wrong method, body too large, …) in bk-sops' envelope;
 * also what this server answers where bk-sops' view fails unhandled (Django's HTTP 500 page):
 * the status, with the exception's text and code 3599999.
 */
export class HttpError extends ApiError {
  override name = "HttpError";
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly code: number = CODES.REQUEST_PARAM_INVALID,
  ) {
    super(message);
  }

  answer(): ErrorAnswer {
    return {
      status: this.status,
      body: { result: false, message: this.message, code: this.code },
      headers: this.headers,
    };
  }
}

/** The answer to a failure no documented answer covers (HTTP 500). */
export function internalErrorBody(traceId: string): Record<string, unknown> {
  return {
    result: false,
    message: `internal error, trace_id=${traceId}`,
    code: CODES.UNKNOWN_ERROR,
    trace_id: traceId,
  };
}

/** The ESB's `request_id`: 32 lowercase hex. */
export function requestId(): string {
  return crypto.randomUUID().replace(/-/g, "");
}
