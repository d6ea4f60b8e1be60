import type { Caller } from "../auth/caller.js";
import type { Store } from "../db/store.js";
import type { Engine } from "../engine/engine.js";
import type { Body } from "../http/parse-body.js";

/** What every operation may use. */
export interface OperationDeps {
  store: Store;
  /** The base of `task_url` and the other urls bk-sops answers, ending with `/`. */
  bkSopsHost: string;
  /** The simulated engine that runs started tasks. */
  engine: Engine;
  logger?: { info(message: string): void; warn(message: string): void };
}

/** One call of an operation, once a front door has verified the caller. */
export interface OperationInput {
  caller: Caller;
  /** Path parameters by the spec's names (digits): `template_id`, `bk_biz_id`, `task_id`, … */
  params: Record<string, string>;
  /** The JSON body (POST operations; `empty` for GET). */
  body: Body;
  /** Query parameters, the last value of each as Django's `request.GET.get` reads them (GET operations). */
  query: Record<string, string>;
  /** MCP callers (gateway `v_mcp*` apps): bk-sops trims some answers for them. */
  mcp: boolean;
}

/** What a bk-sops view returns: its dict. Front doors add `trace_id`, the ESB its own fields. */
export type ViewResult = Record<string, unknown>;

/**
 * One bk-sops API operation, independent of the front door it is reached through. The gateway
 * serves it at `/<name>/<path params…>/`, the ESB at `/api/c/compapi/v2/sops/<name>/` with the
 * path parameters in the body (POST) or the query (GET).
 */
export interface Operation {
  /** bk-sops' name of the operation, e.g. `create_task`. */
  name: string;
  /** The spec's operationIds of its forms; a form bk-sops does not offer has none. */
  operationIds: { gateway?: string; esb?: string };
  method: "GET" | "POST";
  /** Path parameters of the gateway form, in path order. */
  pathParams: readonly string[];
  /** bk-sops' view: throws an ApiError for every documented refusal. */
  handle(deps: OperationDeps, input: OperationInput): ViewResult | Promise<ViewResult>;
}
