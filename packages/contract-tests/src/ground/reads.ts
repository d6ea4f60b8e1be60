import { type RunContext, sendFor } from "../checks/check.js";
import { readRequest } from "../checks/requests.js";
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

/** The answer's body when it is a bk-sops success, else undefined. */
export function successData(exchange: Exchange): unknown {
  const json = exchange.response?.json as Json | undefined;
  return json && typeof json === "object" && json.result === true ? json.data : undefined;
}
