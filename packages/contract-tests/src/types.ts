/** The two ways bk-sops' operations are reached: the 2019 ESB (ids in the body or query) or the API gateway (ids in the path). */
export type Form = "esb" | "gateway";
export type Status = "passed" | "failed" | "skipped";
/**
 * A check family: the documented examples, bk-sops' semantics, the documented rejections, and the
 * exchanges of live traffic the proxy saw (one check each).
 */
export type Group = "examples" | "semantics" | "negative" | "live";

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
  /** An app on bk-sops' whitelist, for the examples that document what such an app gets. */
  trustedCredentials?: Credentials;
  /** The `bk_token` of a user IAM grants nothing, for the examples of what such a user gets. */
  unprivilegedBkToken?: string;
  /** Documented template id → the id the deployment gave its imported copy (`--example-templates`). */
  exampleTemplates?: Record<string, string>;
  /** A common template to run the common-template examples on (else one is discovered). */
  commonTemplateId?: string;
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
  /** The spec's operationId of the request (e.g. `createTask`, `getTemplateInfoEsb`). */
  operationId: string;
  /** The request with every secret replaced by a placeholder (see mask.ts). */
  request: SentRequest;
  response?: ReceivedResponse;
  error?: string;
  ms: number;
}

/** What a difference is about, so the headline can name the decisive one first. */
export type DifferenceKind =
  | "status"
  | "result"
  | "code"
  | "message"
  | "schema"
  | "nodes"
  | "wiring"
  | "constants-applied"
  | "constants-ignored"
  | "constants-pruned"
  | "values"
  | "ids"
  | "other";

/** One place where the answer differs from what was documented or predicted. */
export interface Difference {
  path: string;
  note: string;
  kind?: DifferenceKind;
  expected?: unknown;
  actual?: unknown;
  /** A longer, multi-line explanation (e.g. the predicted and the answered tree side by side). */
  detail?: string;
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
  /** Whether the answers this check owns match the spec's schemas ("none": it owns no answer). */
  schema: "passed" | "failed" | "none";
  ms: number;
}

export interface Summary {
  passed: number;
  failed: number;
  skipped: number;
}

/** A task the run created: bk-sops offers no API to delete it (see the README). */
export interface CreatedTask {
  taskId: number;
  taskUrl?: string;
  name?: string;
  /** The check that created it (or `preflight`). */
  by: string;
  /**
   * For a task the run started: `revoked` (the suite stopped it after the checks), `settled
   * (FINISHED)` and the like, or why revoking failed. Absent: never started.
   */
  cleanup?: string;
}

/** Round-trip times of one check family's requests, in milliseconds. */
export interface Latency {
  requests: number;
  p50: number;
  p95: number;
  max: number;
}

/** What the preflight learned about the deployment before any check ran. */
export interface Preflight {
  /** One line per problem; any problem stops the run (exit 2). */
  problems: string[];
  /** The internal project id of the business (from get_template_info). */
  projectId?: number;
  /** Whether the app is on bk-sops' whitelist (it skips IAM), when the preflight could tell. */
  trusted?: boolean;
  exchanges: Exchange[];
}

/** What runSuite returns. */
export interface SuiteResult {
  target: string;
  /** The spec the run checked against (`info.title`, `info.version`). */
  spec: { title: string; version: string };
  /** The form semantics and negative checks used. */
  form: Form;
  /** Every form the run reached (examples run in each). */
  forms: Form[];
  startedAt: string;
  ms: number;
  summary: Summary;
  /** Schema verdicts, counted apart from the checks (each check folds its own in). */
  schema: { checked: number; failed: number };
  preflight: Preflight;
  checks: CheckResult[];
  createdTasks: CreatedTask[];
  /** Per check family (`examples`, `semantics`, `negative`) and `preflight`. */
  latency: Record<string, Latency>;
}
