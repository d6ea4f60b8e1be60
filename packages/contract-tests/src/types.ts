/** The two ways create_task is reached: the 2019 ESB (ids in the body) or the API gateway (ids in the path). */
export type Form = "esb" | "gateway";
export type Status = "passed" | "failed" | "skipped";
export type Group = "examples" | "schema" | "semantics" | "negative";

/** The caller's credentials; `bkToken` or `username` identifies the user. */
export interface Credentials {
  appCode: string;
  appSecret: string;
  bkToken?: string;
  username?: string;
}

/** Who the suite calls as, and on which business and template. */
export interface Identity {
  credentials: Credentials;
  bizId: string;
  templateId: string;
  templateSource?: string;
}

export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface ReceivedResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The parsed body; absent when the body is not JSON. */
  json?: unknown;
}

/** One request the suite sent and what came back (or why nothing did). */
export interface Exchange {
  form: Form;
  /** The spec's operationId of the request (e.g. `createTask`, `createTaskEsb`). */
  operationId: string;
  request: SentRequest;
  response?: ReceivedResponse;
  error?: string;
  ms: number;
}

/** One place where the answer differs from what was documented. */
export interface Difference {
  path: string;
  note: string;
  expected?: unknown;
  actual?: unknown;
}

/** The outcome of one check. */
export interface CheckResult {
  id: string;
  /** The spec's operationId the check verifies. */
  operationId: string;
  title: string;
  /** The spec location or behaviour section the check verifies. */
  verifies: string;
  group: Group;
  status: Status;
  reason?: string;
  differences: Difference[];
  exchanges: Exchange[];
  ms: number;
}

export interface Summary {
  passed: number;
  failed: number;
  skipped: number;
}

/** What runSuite returns. */
export interface SuiteResult {
  target: string;
  /** The spec the run checked against (`info.title`, `info.version`). */
  spec: { title: string; version: string };
  form: Form;
  startedAt: string;
  ms: number;
  summary: Summary;
  checks: CheckResult[];
}
