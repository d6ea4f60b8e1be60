import type { Form, JournalEntry, ScenarioApplied } from "@bksops/api-types/control";
import { maskHeader, maskText, maskValue } from "./mask.js";

/** Bodies longer than this are not kept (their size is noted instead). */
export const MAX_KEPT_BODY = 64 * 1024;

/**
 * One request as it is recorded: references to what the request and its answer already hold, so
 * recording copies and serialises nothing; masking and parsing happen when the journal is read.
 */
export interface JournalRecord {
  at: number;
  method: string;
  path: string;
  /** The raw query string, without `?`. */
  query: string;
  operation?: { name: string; operationId: string; form: Form };
  status: number | null;
  ms: number;
  traceId: string;
  /**
   * The request headers the journal shows (`SHOWN_HEADERS`), as they arrived. Only these are kept:
   * on @hono/node-server the request's own `Headers` holds its whole `IncomingMessage`, which would
   * stay alive for as long as the entry stays in the ring.
   */
  headers: Record<string, string>;
  /** The request body's text, when the server read it. */
  requestText?: string | NotKept;
  /** The answer: JSON text, or a value to encode. */
  answer?: unknown;
  scenario?: ScenarioApplied;
}

/** A body too long to keep: only its length is. */
class NotKept {
  constructor(readonly length: number) {}
  toJSON(): string {
    return `(${this.length} characters, not kept)`;
  }
}

export interface JournalFilter {
  /** An operation name or operationId. */
  operation?: string;
  form?: Form;
  /** `500` or `5xx`. */
  status?: string;
  /** Epoch ms. */
  since?: number;
  after?: number;
  traceId?: string;
  limit?: number;
}

/** A bounded ring of the latest requests; appending is O(1) and never allocates a new array. */
export class Journal {
  private readonly ring: Array<(JournalRecord & { seq: number }) | undefined>;
  private next = 0;
  private count = 0;
  private seq = 0;

  constructor(readonly capacity: number) {
    this.ring = new Array(capacity);
  }

  get kept(): number {
    return this.count;
  }

  append(record: JournalRecord): void {
    if (this.capacity === 0) return;
    // Long bodies would hold megabytes for as long as they stay in the ring.
    if (typeof record.requestText === "string" && record.requestText.length > MAX_KEPT_BODY) {
      record.requestText = new NotKept(record.requestText.length);
    }
    if (typeof record.answer === "string" && record.answer.length > MAX_KEPT_BODY) {
      record.answer = new NotKept(record.answer.length);
    }
    this.seq += 1;
    (record as JournalRecord & { seq: number }).seq = this.seq;
    this.ring[this.next] = record as JournalRecord & { seq: number };
    this.next = (this.next + 1) % this.capacity;
    if (this.count < this.capacity) this.count += 1;
  }

  clear(): number {
    const dropped = this.count;
    this.ring.fill(undefined);
    this.next = 0;
    this.count = 0;
    return dropped;
  }

  /** The last `limit` entries (default 100) that pass the filter, oldest first, masked. */
  read(filter: JournalFilter = {}): JournalEntry[] {
    const limit = filter.limit ?? 100;
    const picked: Array<JournalRecord & { seq: number }> = [];
    // Newest first, so the scan stops once `limit` entries are found.
    for (let i = 1; i <= this.count && picked.length < limit; i += 1) {
      const record = this.ring[(this.next - i + this.capacity) % this.capacity];
      if (record && passes(record, filter)) picked.push(record);
    }
    return picked.reverse().map(present);
  }
}

function passes(record: JournalRecord & { seq: number }, filter: JournalFilter): boolean {
  if (filter.after !== undefined && record.seq <= filter.after) return false;
  if (filter.since !== undefined && record.at < filter.since) return false;
  if (filter.traceId !== undefined && record.traceId !== filter.traceId) return false;
  if (filter.form !== undefined && record.operation?.form !== filter.form) return false;
  if (
    filter.operation !== undefined &&
    record.operation?.name !== filter.operation &&
    record.operation?.operationId !== filter.operation
  ) {
    return false;
  }
  if (filter.status !== undefined) {
    const status = record.status === null ? "" : String(record.status);
    const wanted = filter.status.toLowerCase();
    if (wanted.endsWith("xx") ? status[0] !== wanted[0] : status !== wanted) return false;
  }
  return true;
}

/** The request headers the journal shows; the last two are masked. */
const SHOWN_HEADERS = ["content-type", "origin", "prefer", "traceparent", "x-bkapi-authorization", "cookie"];
const SECRET_HEADERS = new Set(["x-bkapi-authorization", "cookie"]);

/** The headers the journal shows, copied out of the request's (whose object holds the whole request). */
export function shownHeaders(header: (name: string) => string | undefined): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const name of SHOWN_HEADERS) {
    const value = header(name);
    if (value !== undefined) shown[name] = value;
  }
  return shown;
}

function present(record: JournalRecord & { seq: number }): JournalEntry {
  const headers: Record<string, string> = {};
  for (const name of SHOWN_HEADERS) {
    const value = record.headers[name];
    if (value !== undefined) headers[name] = SECRET_HEADERS.has(name) ? maskHeader(value) : value;
  }
  return {
    seq: record.seq,
    received_at: new Date(record.at).toISOString(),
    method: record.method,
    path: record.path,
    query: maskValue(Object.fromEntries(new URLSearchParams(record.query))) as Record<string, string>,
    operation: record.operation?.name ?? null,
    operation_id: record.operation?.operationId ?? null,
    form: record.operation?.form ?? null,
    status: record.status,
    duration_ms: Math.round(record.ms * 10) / 10,
    trace_id: record.traceId,
    scenario: record.scenario ?? null,
    request: { headers, body: bodyOf(record.requestText) },
    response: { body: answerOf(record.answer) },
  };
}

function bodyOf(text: string | NotKept | undefined): unknown {
  if (text === undefined || text === "") return null;
  if (text instanceof NotKept) return text.toJSON();
  return maskText(text);
}

function answerOf(answer: unknown): unknown {
  if (answer === undefined) return null;
  if (answer instanceof NotKept) return answer.toJSON();
  if (typeof answer !== "string") return answer;
  try {
    return JSON.parse(answer);
  } catch {
    return answer;
  }
}
