import { shellQuote } from "./mask.js";
import type { Target } from "./targets/target.js";
import type { Exchange, Form, ReceivedResponse, SentRequest } from "./types.js";

/** A request to one form of the target; `path` is relative to that form's base URL. */
export interface Outgoing {
  form: Form;
  /** The spec's operationId of the request; default the form's create_task. */
  operationId?: string;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is (for malformed bodies); wins over `body`. */
  raw?: string;
}

/** Where the ESB serves bk-sops' operations: `${ESB_PREFIX}/<name>/`. */
export const ESB_PREFIX = "/api/c/compapi/v2/sops";
export const ESB_PATH = `${ESB_PREFIX}/create_task/`;

/** create_task's operationId in each form. */
export const CREATE_TASK: Record<Form, string> = { esb: "createTaskEsb", gateway: "createTask" };

/** The form a spec path belongs to: the ESB's paths start with its prefix. */
export const formOfPath = (path: string): Form => (path.startsWith(`${ESB_PREFIX}/`) ? "esb" : "gateway");
export const AUTH_HEADER = "X-Bkapi-Authorization";

/** The gateway path of a template and business. */
export const gatewayPath = (templateId: string, bizId: string) => `/create_task/${templateId}/${bizId}/`;

async function receive(response: Response): Promise<ReceivedResponse> {
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: Object.fromEntries(response.headers.entries()), text, json };
}

/**
 * Sends one request within `timeoutMs`. The exchange records it through `mask`, which puts a
 * placeholder where each secret was (so reports show no secret and their curl lines still run).
 */
export async function send(
  target: Target,
  out: Outgoing,
  timeoutMs: number,
  mask: (text: string) => string = (text) => text,
): Promise<Exchange> {
  const base = target.bases[out.form];
  if (!base) throw new Error(`the target has no base URL for the ${out.form} form`);
  const method = out.method ?? "POST";
  const body = out.raw ?? (out.body === undefined ? undefined : JSON.stringify(out.body));
  const headers: Record<string, string> = {
    ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    ...out.headers,
  };
  const url = `${base}${out.path}`;
  const recorded: SentRequest = {
    method,
    url: mask(url),
    headers: Object.fromEntries(Object.entries(headers).map(([key, value]) => [key, mask(value)])),
    body: body === undefined ? undefined : mask(body),
  };
  const operationId = out.operationId ?? CREATE_TASK[out.form];
  const started = performance.now();
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    const request = new Request(url, { method, headers, body, signal: abort.signal });
    const response = await Promise.race([Promise.resolve(target.fetch(request)).then(receive), timeout]);
    return { form: out.form, operationId, request: recorded, response, ms: performance.now() - started };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error as Error).message;
    return { form: out.form, operationId, request: recorded, error: reason, ms: performance.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A curl command that reproduces the request as printed: the secrets it recorded as
 * `$BK_SOPS_CONTRACT_…` placeholders expand from the environment when the line is run.
 */
export function curlOf(request: SentRequest): string {
  const parts = ["curl -sS", `-X ${request.method}`, shellQuote(request.url)];
  for (const [key, value] of Object.entries(request.headers))
    parts.push(`-H ${shellQuote(`${key}: ${value}`)}`);
  if (request.body !== undefined) parts.push(`--data-raw ${shellQuote(request.body)}`);
  return parts.join(" ");
}
