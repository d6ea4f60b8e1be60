import type { ExamplePair } from "@bksops/api-types";
import { AUTH_HEADER, ESB_PATH, gatewayPath, type Outgoing } from "../http.js";
import { DEMO_EXAMPLE_IDS } from "../targets/target.js";
import type { Form } from "../types.js";
import { type RunContext, TASK_PREFIX } from "./check.js";
import { isObject } from "./diff.js";
import { credentialKeys } from "./requests.js";

type Json = Record<string, unknown>;

/** The form an operation of the spec is reached through. */
export const formOf = (pair: ExamplePair): Form => (pair.operationId === "createTaskEsb" ? "esb" : "gateway");

/** A request built from an example, and the `key=value` texts it changed (to fix the expected message). */
export interface ExampleRequest {
  out: Outgoing;
  replaced: Array<[from: string, to: string]>;
}

const USER_KEYS = ["bk_token", "bk_username"];

// Puts the target's credentials and ids into the keys the example has, except those it keeps.
function substitute(value: Json, keep: string[], target: Json, replaced: Array<[string, string]>): Json {
  const out = { ...value };
  const set = (key: string, to: string | undefined) => {
    if (to === undefined) return;
    if (typeof out[key] === "string" && out[key] !== to)
      replaced.push([`${key}=${out[key]}`, `${key}=${to}`]);
    out[key] = to;
  };
  for (const key of ["bk_app_code", "bk_app_secret", "bk_biz_id", "template_id"]) {
    if (key in out && !keep.includes(key)) set(key, target[key] as string | undefined);
  }
  if (USER_KEYS.some((key) => key in out) && !USER_KEYS.some((key) => keep.includes(key))) {
    for (const key of USER_KEYS) delete out[key];
    for (const key of USER_KEYS) if (typeof target[key] === "string") out[key] = target[key];
  }
  return out;
}

/** The example's request as the target should receive it (see the brief's substitution rules). */
export function exampleRequest(ctx: RunContext, pair: ExamplePair): ExampleRequest {
  const form = formOf(pair);
  const contract = pair.request?.contract ?? {};
  const keep = contract.keep ?? [];
  // Demo examples name demo templates, so their ids stay; credentials are always the target's.
  const ids = contract.fixture === "demo" ? DEMO_EXAMPLE_IDS : ctx.identity;
  const own: Json = {
    ...credentialKeys(ctx.identity.credentials),
    bk_biz_id: ids.bizId,
    template_id: ids.templateId,
  };
  const replaced: Array<[string, string]> = [];
  let body = pair.request?.value;
  if (isObject(body)) {
    body = substitute(body, keep, own, replaced);
    for (const key of contract.omit ?? []) delete (body as Json)[key];
    const creates = isObject(pair.response.value) && pair.response.value.result === true;
    if (creates && typeof (body as Json).name === "string")
      (body as Json).name = `${TASK_PREFIX}${(body as Json).name}`;
  }
  const headers: Record<string, string> = {};
  if (ctx.target.staticMock) {
    // Prism picks the answer by name (and by status when it is not the first one).
    headers.Prefer =
      pair.response.status === 200
        ? `example=${pair.name}`
        : `code=${pair.response.status}, example=${pair.name}`;
  }
  if (form === "esb") return { out: { form, path: ESB_PATH, headers, body }, replaced };
  const credentialsInBody = isObject(body) && "bk_app_code" in body;
  if (contract.authorization) {
    headers[AUTH_HEADER] = JSON.stringify(substitute(contract.authorization, keep, own, replaced));
  } else if (!credentialsInBody || ctx.target.staticMock) {
    // Prism answers 401 without the header, whatever the body holds.
    headers[AUTH_HEADER] = JSON.stringify(credentialKeys(ctx.identity.credentials));
  }
  const path = gatewayPath(contract.template_id ?? ids.templateId, ids.bizId);
  return { out: { form, path, headers, body }, replaced };
}

/** The documented answer with the substituted `key=value` texts of its message replaced too. */
export function expectedAnswer(pair: ExamplePair, replaced: Array<[string, string]>): unknown {
  const value = pair.response.value;
  if (!isObject(value) || typeof value.message !== "string") return value;
  const message = replaced.reduce((text, [from, to]) => text.split(from).join(to), value.message);
  return { ...value, message };
}
