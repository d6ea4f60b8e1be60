import { canonicalTree, type ExamplePair, listExamplePairs, loadSpec } from "@bksops/api-types";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestServerContext } from "../../src/testing.js";
import { createViaGateway, DEMO_AUTH, freshContext, send, tableCounts } from "../helpers.js";

// Every documented pair of every operation of the spec, answered by the in-process server as
// documented: exactly, but for the values generated per request (trace_id, request_id) and, for a
// created task, its ids and urls.
// The task operations' pairs need tasks in given states (`x-contract.task`) and compare generated
// values by type: operations/task-examples.test.ts answers them.
const TASK_OPERATION =
  /\/(create_and_start_task|get_task_detail|get_task_node_detail|get_task_status|operate_task|start_task)\//;
const allPairs = listExamplePairs(loadSpec()).filter(
  (pair) => pair.request && !TASK_OPERATION.test(pair.path),
);
const createsTask = (pair: ExamplePair) =>
  (pair.response.value as { data?: { task_id?: unknown } }).data?.task_id !== undefined;
const pairs = allPairs.filter((pair) => !createsTask(pair));
const creations = allPairs.filter(createsTask);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The demo ids the examples were written against (`x-contract` may name others). */
const DEMO_IDS: Record<string, string> = { bk_biz_id: "2", template_id: "1" };

/**
 * The request an example documents, sent as written (the examples name the demo credentials and
 * ids): path values from `x-contract` or the demo ids, the parameters' example values, the body,
 * and `X-Bkapi-Authorization` for the gateway form unless the credentials travel in the request.
 */
async function requestOf(context: TestServerContext, pair: ExamplePair) {
  const request = pair.request;
  const contract = request?.contract ?? {};
  const esb = pair.path.startsWith("/api/c/compapi/");
  const omit = new Set(contract.omit ?? []);
  const values: Record<string, string> = { ...DEMO_IDS };
  if (contract.template_id) values.template_id = contract.template_id;
  if (pair.path.includes("{task_id}")) values.task_id = await fixtureTask(context);
  Object.assign(values, contract.params);
  const path = pair.path.replace(/\{([^}]+)\}/g, (_all, name: string) =>
    encodeURIComponent(String(request?.parameters.path[name] ?? values[name])),
  );
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(request?.parameters.query ?? {}))
    if (!omit.has(name)) query.set(name, String(value));
  for (const [name, value] of Object.entries(contract.params ?? {}))
    if (!pair.path.includes(`{${name}}`)) query.set(name, value);
  let body = request?.value;
  if (isObject(body) && omit.size > 0)
    body = Object.fromEntries(Object.entries(body).filter(([k]) => !omit.has(k)));
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request?.parameters.header ?? {})) headers[name] = String(value);
  const credentialsSent = (isObject(body) && "bk_app_code" in body) || query.has("bk_app_code");
  const auth = contract.authorization ?? (esb || credentialsSent ? undefined : DEMO_AUTH);
  if (auth) headers["X-Bkapi-Authorization"] = JSON.stringify(auth);
  const search = query.size > 0 ? `?${query}` : "";
  return { path: `${esb ? "" : "/api/bk-sops/prod"}${path}${search}`, method: pair.method, body, headers };
}

let fixture: Promise<string> | undefined;
/** A task of the demo template, for operations that read or act on one (`{task_id}`). */
function fixtureTask(context: TestServerContext): Promise<string> {
  fixture ??= createViaGateway(context, { name: "fixture" }).then((answer) =>
    String(answer.json.data.task_id),
  );
  return fixture;
}

/** The documented body with generated values replaced by what the server sent, once checked. */
function expected(pair: ExamplePair, actual: Json) {
  const want = { ...(pair.response.value as Json) };
  for (const key of ["trace_id", "request_id"]) {
    if (key in want) {
      expect(actual[key], key).toMatch(/^[0-9a-f]{32}$/);
      want[key] = actual[key];
    }
  }
  // One success example serves both forms; the ESB adds `message: ""` and a `request_id`.
  if (want.result === true && pair.path.startsWith("/api/c/compapi/")) {
    expect(actual.message).toBe("");
    expect(actual.request_id).toMatch(/^[0-9a-f]{32}$/);
    want.message = actual.message;
    want.request_id = actual.request_id;
  }
  if (pair.response.contract.message === "first-line" && typeof actual.message === "string") {
    expect(actual.message.split("\n")[0]).toBe(want.message);
    want.message = actual.message;
  }
  return want;
}

describe("documented examples of every operation", () => {
  let context: TestServerContext;
  beforeAll(() => {
    context = freshContext();
  });

  it("cover every operation of the spec", () => {
    const operationIds = new Set(allPairs.map((pair) => pair.operationId));
    for (const id of ["createTask", "createTaskEsb", "getTemplateList", "previewCommonTaskTreeEsb"]) {
      expect(operationIds).toContain(id);
    }
    expect(pairs.length).toBeGreaterThanOrEqual(60);
  });

  it.each(pairs.map((pair) => [`${pair.operationId} ${pair.name}`, pair] as const))(
    "%s: answered as documented, and nothing is stored",
    async (_label, pair) => {
      const { path, method, body, headers } = await requestOf(context, pair);
      const before = tableCounts(context);
      const answer = await send(context, path, { method, body, headers });
      expect(answer.status).toBe(pair.response.status);
      expect(answer.json).toEqual(expected(pair, answer.json));
      expect(tableCounts(context)).toEqual(before);
    },
  );
});

describe("documented examples that create a task", () => {
  let context: TestServerContext;
  beforeAll(() => {
    context = freshContext();
  });

  it.each(creations.map((pair) => [`${pair.operationId} ${pair.name}`, pair] as const))(
    "%s: the same task, with generated ids, ids and urls of its own",
    async (_label, pair) => {
      const { path, method, body, headers } = await requestOf(context, pair);
      const answer = await send(context, path, { method, body, headers });
      // biome-ignore lint/suspicious/noExplicitAny: documented JSON
      const want = pair.response.value as any;
      expect(answer.status).toBe(200);
      expect(answer.json.result).toBe(true);
      expect(answer.json.code).toBe(0);
      const { task_id: taskId, task_url: taskUrl, pipeline_tree: tree, ...rest } = answer.json.data;
      expect(Number.isInteger(taskId)).toBe(true);
      expect(taskUrl).toBe(`http://bk_sops_host/taskflow/execute/3/?instance_id=${taskId}`);
      if (want.data.function_task_claim_url) {
        expect(rest.function_task_claim_url).toBe(
          `http://bk_sops_host/function/execute/3/?instance_id=${taskId}`,
        );
      } else {
        expect(rest).toEqual({});
      }
      expect(canonicalTree(tree)).toEqual(canonicalTree(want.data.pipeline_tree));
      const sent = pair.request?.value as { name: string };
      expect(context.store.tasks.find(taskId)?.name).toBe(sent.name);
    },
  );
});
