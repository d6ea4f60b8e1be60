import type { Form, ScenarioApplied } from "@bksops/api-types/control";
import type { HttpBindings } from "@hono/node-server";

/** The operation a front door routed a request to. */
export interface RoutedOperation {
  /** bk-sops' name, e.g. `create_task`. */
  name: string;
  /** The spec's operationId of this form. */
  operationId: string;
  form: Form;
}

/** Variables the middleware sets on each request's context. */
export interface AppEnv {
  /** The Node request and response, when served by @hono/node-server (absent in `app.request`). */
  Bindings: Partial<HttpBindings>;
  Variables: {
    traceId: string;
    /** Set by the front doors; read by the journal. */
    operation?: RoutedOperation;
    /** The request body's text, once a front door has read it (for the journal). */
    requestText?: string;
    /** The answer's body as sent (JSON text or a value), for the journal. */
    answer?: unknown;
    /** What scenario control did to the request, for the journal. */
    scenario?: ScenarioApplied;
    /** The request was left unanswered on purpose (a fault): no status to log. */
    unanswered?: boolean;
  };
}
