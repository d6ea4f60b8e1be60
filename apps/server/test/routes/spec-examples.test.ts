import { canonicalTree, type ExamplePair, listExamplePairs, loadSpec } from "@bksops/api-types";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestServerContext } from "../../src/testing.js";
import { DEMO_AUTH, ESB_PATH, freshContext, gatewayPath, send, tableCounts } from "../helpers.js";

// Every documented error pair of create_task, answered by the in-process server exactly as
// documented (generated values such as trace_id and request_id compared by form). The task
// operations' pairs have their own test (operations/task-examples.test.ts).
const allPairs = listExamplePairs(loadSpec()).filter(
  (pair) => pair.request && (pair.operationId === "createTask" || pair.operationId === "createTaskEsb"),
);
const isSuccess = (pair: ExamplePair) => (pair.response.value as { result?: boolean }).result === true;
const pairs = allPairs.filter((pair) => !isSuccess(pair));
const successes = allPairs.filter(isSuccess);

function requestOf(pair: ExamplePair) {
  const contract = pair.request?.contract ?? {};
  if (pair.operationId === "createTaskEsb") return { path: ESB_PATH, body: pair.request?.value, headers: {} };
  const body = pair.request?.value as Record<string, unknown>;
  const headers: Record<string, string> = {};
  const auth =
    contract.authorization ??
    (body && typeof body === "object" && "bk_app_code" in body ? undefined : DEMO_AUTH);
  if (auth) headers["X-Bkapi-Authorization"] = JSON.stringify(auth);
  return { path: gatewayPath(contract.template_id ?? 1, 2), body, headers };
}

/** The documented body with generated values replaced by what the server sent, once checked. */
function expected(pair: ExamplePair, actual: Record<string, unknown>) {
  const want = { ...(pair.response.value as Record<string, unknown>) };
  for (const key of ["trace_id", "request_id"]) {
    if (key in want) {
      expect(actual[key], key).toMatch(key === "request_id" ? /^[0-9a-f]{32}$/ : /^[0-9a-f]{32}$/);
      want[key] = actual[key];
    }
  }
  if (pair.response.contract.message === "first-line" && typeof actual.message === "string") {
    expect(actual.message.split("\n")[0]).toBe(want.message);
    want.message = actual.message;
  }
  return want;
}

describe("documented error examples", () => {
  let context: TestServerContext;
  beforeAll(() => {
    context = freshContext();
  });

  it("cover the documented errors", () => {
    expect(pairs.length).toBeGreaterThanOrEqual(15);
  });

  it.each(pairs.map((pair) => [`${pair.operationId} ${pair.name}`, pair] as const))(
    "%s: answered as documented, and nothing is stored",
    async (_label, pair) => {
      const before = tableCounts(context);
      const { path, body, headers } = requestOf(pair);
      const answer = await send(context, path, { body, headers });
      expect(answer.status).toBe(pair.response.status);
      expect(answer.json).toEqual(expected(pair, answer.json));
      expect(tableCounts(context)).toEqual(before);
    },
  );
});

describe("documented success examples", () => {
  let context: TestServerContext;
  beforeAll(() => {
    context = freshContext();
  });

  it.each(successes.map((pair) => [`${pair.operationId} ${pair.name}`, pair] as const))(
    "%s: the same task, with generated ids, ids and urls of its own",
    async (_label, pair) => {
      const { path, body, headers } = requestOf(pair);
      const answer = await send(context, path, { body, headers });
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
