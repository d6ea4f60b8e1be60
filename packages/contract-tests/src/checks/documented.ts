import { CREATE_TASK } from "../http.js";
import type { Form } from "../types.js";
import type { RunContext } from "./check.js";
import { isObject } from "./diff.js";

type Json = Record<string, unknown>;

/** The documented response example `name` of the form's operation (a copy), if the spec has it. */
export function responseExample(
  ctx: RunContext,
  form: Form,
  name: string,
): { status: number; value: Json } | undefined {
  const pair = ctx.pairs.find((p) => p.operationId === CREATE_TASK[form] && p.name === name);
  if (!pair || !isObject(pair.response.value)) return undefined;
  return { status: pair.response.status, value: structuredClone(pair.response.value) };
}

/** A bk-sops answer as the ESB passes it on: code 1306000, `data: null`, a request id (docs/bk-sops-behaviour.md §1.2). */
export function throughEsb(value: Json): Json {
  return { ...value, code: 1306000, data: null, request_id: "0".repeat(32) };
}

/**
 * The documented answer for a form: the ESB example when there is one, else the gateway
 * example as the ESB rewrites it. `edit` adapts the message to what this request sent.
 */
export function documentedAnswer(
  ctx: RunContext,
  names: { gateway: string; esb?: string },
  edit: (message: string) => string = (m) => m,
): { status: number; value: Json } {
  const own = ctx.form === "esb" && names.esb ? responseExample(ctx, "esb", names.esb) : undefined;
  const base = own ?? responseExample(ctx, "gateway", names.gateway);
  if (!base) throw new Error(`the spec has no response example "${names.gateway}"`);
  const value = own || ctx.form === "gateway" ? base.value : throughEsb(base.value);
  if (typeof value.message === "string") value.message = edit(value.message);
  return { status: own || ctx.form === "gateway" ? base.status : 200, value };
}
