import { createTestContext, DEMO, type TestServerContext } from "../src/testing.js";

export { DEMO };

export const DEMO_AUTH = { bk_app_code: "esb_test", bk_app_secret: "xxx", bk_token: "xxx" };
export const ESB_PATH = "/api/c/compapi/v2/sops/create_task/";
export const gatewayPath = (templateId: string | number = 1, bizId: string | number = 2) =>
  `/api/bk-sops/prod/create_task/${templateId}/${bizId}/`;

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers
  json: any;
}

/** Sends a request to the in-process app; `body` is JSON-encoded unless it is a string. */
export async function send(
  context: TestServerContext,
  path: string,
  options: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === "string"
        ? options.body
        : JSON.stringify(options.body);
  const response = await context.app.request(path, {
    method: options.method ?? "POST",
    body,
    headers: { "Content-Type": "application/json", ...options.headers },
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** POSTs a create_task through the gateway form with the demo credentials in the header. */
export function createViaGateway(
  context: TestServerContext,
  body: unknown,
  options: { templateId?: string | number; bizId?: string | number; auth?: Record<string, string> } = {},
) {
  return send(context, gatewayPath(options.templateId, options.bizId), {
    body,
    headers: { "X-Bkapi-Authorization": JSON.stringify(options.auth ?? DEMO_AUTH) },
  });
}

/** POSTs a create_task through the ESB form with the demo credentials and ids in the body. */
export function createViaEsb(context: TestServerContext, body: Record<string, unknown>) {
  return send(context, ESB_PATH, { body: { ...DEMO_AUTH, bk_biz_id: "2", template_id: "1", ...body } });
}

export function freshContext(): TestServerContext {
  return createTestContext();
}

/** Every row of a table, to check what a request changed. */
export function tableCounts(context: TestServerContext) {
  const count = (table: string) =>
    (context.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    tasks: count("tasks"),
    function_tasks: count("function_tasks"),
    users: count("users"),
    templates: count("templates"),
  };
}

/** A fresh app with scenario control on, as a server on a loopback address has it. */
export function controlledContext(options: { journalSize?: number; databasePath?: string } = {}) {
  const context = createTestContext({
    controls: { journalSize: options.journalSize },
    databasePath: options.databasePath,
  });
  if (!context.controls) throw new Error("scenario control is off");
  return context as TestServerContext & { controls: NonNullable<TestServerContext["controls"]> };
}

/** A request to the control API (`/_bksops/<path>`). */
export function control(context: TestServerContext, method: string, path: string, body?: unknown) {
  return send(context, `/_bksops${path}`, { method, body });
}
