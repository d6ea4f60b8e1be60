import { type RunContext, sendFor } from "../checks/check.js";
import { postRequest, readRequest } from "../checks/requests.js";
import type { Credentials, Exchange, Form } from "../types.js";

/** One read of bk-sops operation `name` (GET), in the given form (default: the run's). */
export function readOperation(
  ctx: RunContext,
  name: string,
  pathParams: Array<[string, string]>,
  query: Record<string, string> = {},
  options: { form?: Form; credentials?: Credentials } = {},
): Promise<Exchange> {
  const form = options.form ?? ctx.form;
  const operationId = ctx.operations.get(name)?.operationIds[form];
  if (!operationId) throw new Error(`the spec has no ${form} form of ${name}`);
  return sendFor(
    ctx,
    readRequest({
      form,
      name,
      operationId,
      pathParams,
      query,
      credentials: options.credentials ?? ctx.identity.credentials,
    }),
  );
}

type Json = Record<string, unknown>;

/**
 * One call of bk-sops operation `name` with its own method: a GET with `query`, or a POST (the
 * previews) with `body`, in the given form (default: the run's).
 */
export function callOperation(
  ctx: RunContext,
  name: string,
  pathParams: Array<[string, string]>,
  options: { query?: Record<string, string>; body?: Json; form?: Form; credentials?: Credentials } = {},
): Promise<Exchange> {
  const operation = ctx.operations.get(name);
  if (operation?.method !== "POST") return readOperation(ctx, name, pathParams, options.query ?? {}, options);
  const form = options.form ?? ctx.form;
  const operationId = operation.operationIds[form];
  if (!operationId) throw new Error(`the spec has no ${form} form of ${name}`);
  return sendFor(
    ctx,
    postRequest({
      form,
      name,
      operationId,
      pathParams,
      query: options.query,
      credentials: options.credentials ?? ctx.identity.credentials,
      body: options.body ?? {},
    }),
  );
}

/** The answer's body when it is a bk-sops success, else undefined. */
export function successData(exchange: Exchange): unknown {
  const json = exchange.response?.json as Json | undefined;
  return json && typeof json === "object" && json.result === true ? json.data : undefined;
}
