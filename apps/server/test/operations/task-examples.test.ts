import { canonicalTree, type ExamplePair, listExamplePairs, loadSpec } from "@bksops/api-types";
import { beforeAll, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/engine/clock.js";
import { createTestContext, type TestServerContext } from "../../src/testing.js";
import { DEMO_AUTH, send } from "../helpers.js";

// Every example pair of the task operations, in both forms, answered by the in-process server as
// documented. The tasks the examples need are made as the conformance suite makes them
// (`x-contract`), with the engine on a fake clock instead of waiting.
const TASK_OPERATIONS = [
  "createAndStartTask",
  "getTaskDetail",
  "getTaskNodeDetail",
  "getTaskStatus",
  "operateTask",
  "startTask",
];
const pairs = listExamplePairs(loadSpec()).filter(
  (pair) => pair.request && TASK_OPERATIONS.includes(pair.operationId.replace(/Esb$/, "")),
);
const ESB_PREFIX = "/api/c/compapi/v2/sops/";
const GATEWAY_PREFIX = "/api/bk-sops/prod";
const HEX32 = /^[0-9a-f]{32}$/;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

let context: TestServerContext;
let clock: FakeClock;

async function call(method: string, path: string, body?: unknown) {
  const headers = { "X-Bkapi-Authorization": JSON.stringify(DEMO_AUTH) };
  return send(context, `${GATEWAY_PREFIX}${path}`, { method, body, headers });
}

/** The task a pair acts on, made and prepared as its `x-contract` says. */
async function taskFor(pair: ExamplePair): Promise<{ id: string; tree: Json } | undefined> {
  const contract = pair.request?.contract ?? {};
  const usesTask =
    contract.task !== undefined ||
    pair.path.includes("{task_id}") ||
    "task_id" in (pair.request?.parameters.query ?? {}) ||
    (isObject(pair.request?.value) && "task_id" in pair.request.value);
  if (!usesTask || contract.keep?.includes("task_id") || contract.params?.task_id) return undefined;
  const { template_id: templateId, ...params } = contract.task?.create ?? {};
  const template = templateId ?? (contract.fixture === "demo" ? "1" : "4");
  const created = await call("POST", `/create_task/${template}/2/`, { name: "example", ...params });
  const task = { id: String(created.json.data.task_id), tree: created.json.data.pipeline_tree as Json };
  for (const step of contract.task?.steps ?? []) {
    if (step === "finish" || step === "settle") clock.advance(60_000);
    else if (step === "start") await call("POST", `/start_task/${task.id}/2/`, {});
    else await call("POST", `/operate_task/${task.id}/2/`, { action: step });
  }
  return task;
}

function nodeOf(tree: Json, templateNodeId: string): string {
  const found = Object.entries(tree.activities as Json).find(
    ([, activity]) => (activity as Json).template_node_id === templateNodeId,
  );
  if (!found) throw new Error(`no node from ${templateNodeId}`);
  return found[0];
}

async function requestOf(pair: ExamplePair) {
  const contract = pair.request?.contract ?? {};
  const keep = contract.keep ?? [];
  const task = await taskFor(pair);
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(pair.request?.parameters.query ?? {})) query[key] = String(value);
  if (task && !keep.includes("task_id") && "task_id" in query) query.task_id = task.id;
  if (task && contract.node) query.node_id = nodeOf(task.tree, contract.node);
  let body = pair.request?.value;
  if (task && isObject(body) && "task_id" in body) body = { ...body, task_id: task.id };
  const search = Object.keys(query).length > 0 ? `?${new URLSearchParams(query)}` : "";
  if (pair.path.startsWith(ESB_PREFIX)) return { path: `${pair.path}${search}`, body, headers: {} };
  const values: Record<string, string> = {
    template_id: contract.template_id ?? "1",
    bk_biz_id: "2",
    task_id: task?.id ?? "1",
    ...contract.params,
  };
  const path = pair.path.replace(/\{([^}]+)\}/g, (_all, name: string) => values[name] ?? "");
  const headers = { "X-Bkapi-Authorization": JSON.stringify(contract.authorization ?? DEMO_AUTH) };
  return { path: `${GATEWAY_PREFIX}${path}${search}`, body, headers };
}

/** Values at a dotted path (`*`: every key) of both answers, as [documented holder, answered holder, key]. */
function* at(want: unknown, got: unknown, segments: string[]): Generator<[Json, Json, string]> {
  const [head, ...rest] = segments;
  if (head === undefined || !isObject(want) || !isObject(got)) return;
  for (const key of head === "*" ? Object.keys(want) : [head]) {
    if (!(key in want) || !(key in got)) continue;
    if (rest.length === 0) yield [want, got, key];
    else yield* at(want[key], got[key], rest);
  }
}

/** The answer as the documented one should read: generated values checked by type and taken over. */
function expected(pair: ExamplePair, answer: Json): unknown {
  const want = structuredClone(pair.response.value) as Json;
  const got = structuredClone(answer);
  const contract = pair.response.contract;
  for (const path of contract["generated-keys"] ?? []) {
    for (const [doc, ans, key] of at(want, got, path.split("."))) {
      const keys = Object.keys(doc[key] as Json);
      expect(Object.keys(ans[key] as Json)).toHaveLength(keys.length);
      ans[key] = Object.fromEntries(Object.values(ans[key] as Json).map((value, i) => [keys[i], value]));
    }
  }
  for (const path of contract.generated ?? []) {
    for (const [doc, ans, key] of at(want, got, path.split("."))) {
      expect(typeof ans[key], path).toBe(typeof doc[key]);
      ans[key] = doc[key];
    }
  }
  for (const key of ["trace_id", "request_id"]) {
    if (!(key in want)) continue;
    expect(got[key], key).toMatch(HEX32);
    got[key] = want[key];
  }
  if (want.result === true) {
    for (const [key, value] of Object.entries({ message: "", request_id: undefined, data: null })) {
      if (!(key in want) && key in got && (value === undefined || got[key] === value)) delete got[key];
    }
  }
  if (contract.message === "first-line" && typeof got.message === "string") {
    expect(got.message.split("\n")[0]).toBe(want.message);
    got.message = want.message;
  }
  if (isObject(want.data) && isObject(got.data) && typeof want.data.task_url === "string") {
    // The url names the task the example made: the same url but for the task id.
    const pattern = want.data.task_url.replace(/\d+$/, "");
    expect(got.data.task_url).toEqual(
      expect.stringMatching(new RegExp(`^${pattern.replace(/[.?]/g, "\\$&")}\\d+$`)),
    );
    got.data.task_url = want.data.task_url;
  }
  if (isObject(want.data) && isObject(got.data) && isObject(want.data.pipeline_tree)) {
    expect(canonicalTree(got.data.pipeline_tree as Json)).toEqual(canonicalTree(want.data.pipeline_tree));
    got.data.pipeline_tree = want.data.pipeline_tree;
    for (const key of ["id", "task_id", "create_time", "name"])
      if (key in want.data) got.data[key] = want.data[key];
  }
  return { want, got };
}

describe("documented examples of the task operations", () => {
  beforeAll(() => {
    clock = new FakeClock();
    context = createTestContext({ clock });
  });

  it("cover every operation in both forms", () => {
    const ids = new Set(pairs.map((pair) => pair.operationId));
    for (const id of TASK_OPERATIONS) {
      expect(ids.has(id), id).toBe(true);
      expect(ids.has(`${id}Esb`), `${id}Esb`).toBe(true);
    }
  });

  it.each(pairs.map((pair) => [`${pair.operationId} ${pair.name}`, pair] as const))(
    "%s: answered as documented",
    async (_label, pair) => {
      const { path, body, headers } = await requestOf(pair);
      const answer = await send(context, path, { method: pair.method, body, headers });
      expect(answer.status).toBe(pair.response.status);
      const { want, got } = expected(pair, answer.json) as { want: unknown; got: unknown };
      expect(got).toEqual(want);
    },
  );
});
