// The Prism mock of the spec as users run it (scripts/mock-server.mjs: Prism behind its front): it
// answers the documented requests with the documented responses, `Prefer` selects every named
// example, and it rejects invalid requests. Hostile bodies: mock-hostile.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ExamplePair, listExamplePairs } from "../../packages/api-types/src/examples.js";
import type { OpenApiDocument } from "../../packages/api-types/src/spec.js";
import { bundleSpec } from "../scripts/bundle.mjs";
import { type MockServer, startMock } from "../scripts/mock-server.mjs";

const spec = bundleSpec() as OpenApiDocument;
const pairs = listExamplePairs(spec);

/** The published credentials, sent in `X-Bkapi-Authorization` unless an example says otherwise. */
const DOCUMENTED_AUTH = { bk_app_code: "esb_test", bk_app_secret: "xxx", bk_token: "xxx" };
const ESB_PATH = "/api/c/compapi/v2/sops/create_task/";

let mock: MockServer;

beforeAll(async () => {
  // Prism needs ~1.5 s idle and up to ~6 s on a busy 2-core machine.
  mock = await startMock({ host: "127.0.0.1", prism: { timeoutMs: 45_000 } });
}, 60_000);

afterAll(async () => {
  await mock?.stop();
});

interface Sent {
  method?: string;
  path: string;
  body: unknown;
  /** Raw body text, for bodies that are not JSON.stringify of a value. */
  rawBody?: string;
  headers?: Record<string, string>;
}

interface Answer {
  status: number;
  contentType: string;
  headers: Headers;
  body: unknown;
}

async function post({ method = "POST", path, body, rawBody, headers = {} }: Sent): Promise<Answer> {
  const response = await fetch(`${mock.url}${path}`, {
    method,
    headers: method === "GET" ? headers : { "content-type": "application/json", ...headers },
    body: method === "GET" ? undefined : (rawBody ?? JSON.stringify(body)),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text so a failing assertion shows it
  }
  return {
    status: response.status,
    contentType: response.headers.get("content-type") ?? "",
    headers: response.headers,
    body: parsed,
  };
}

/** The demo ids the examples were written against (`x-contract` may name others). */
const DEMO_IDS: Record<string, string> = { bk_biz_id: "2", template_id: "1" };

/**
 * The request of a pair as a client would send it to the mock, for any operation: path values
 * from the example's contract or the demo ids, the query from its parameters, the body (POST), and
 * `X-Bkapi-Authorization` for the gateway form.
 */
function requestOf(pair: ExamplePair): Sent {
  const contract = pair.request?.contract ?? {};
  const values: Record<string, string> = { ...DEMO_IDS, task_id: "1" };
  if (contract.template_id) values.template_id = contract.template_id;
  Object.assign(values, contract.params);
  const path = pair.path.replace(/\{([^}]+)\}/g, (_all, name: string) => values[name] ?? "");
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(pair.request?.parameters.query ?? {}))
    query.set(name, String(value));
  for (const [name, value] of Object.entries(contract.params ?? {}))
    if (!pair.path.includes(`{${name}}`)) query.set(name, value);
  const esb = pair.path.startsWith("/api/c/compapi/");
  const body =
    pair.method === "GET"
      ? undefined
      : pair.request
        ? pair.request.value
        : documentedRequest(pair.operationId);
  return {
    method: pair.method,
    path: query.size > 0 ? `${path}?${query}` : path,
    body,
    headers: esb
      ? {}
      : { "X-Bkapi-Authorization": JSON.stringify(contract.authorization ?? DOCUMENTED_AUTH) },
  };
}

function pairNamed(operationId: string, name: string): ExamplePair {
  const pair = pairs.find((candidate) => candidate.operationId === operationId && candidate.name === name);
  if (!pair) throw new Error(`the spec has no example pair ${operationId}/${name}`);
  return pair;
}

function documentedRequest(operationId: string): unknown {
  const request = pairNamed(operationId, "documented").request;
  if (!request) throw new Error(`${operationId} has no documented request example`);
  return request.value;
}

/**
 * Prism validated the request and refused it. With a 422 or 400 response in the spec it answers
 * that response and lists the violations in the `sl-violations` header (the gateway form has a
 * 400); otherwise it answers its own 422 `application/problem+json` (the ESB form).
 */
function expectRejected(answer: Answer, violation: RegExp) {
  expect([400, 422]).toContain(answer.status);
  const violations: { message: string }[] = answer.contentType.startsWith("application/problem+json")
    ? ((answer.body as { validation?: { message: string }[] }).validation ?? [])
    : JSON.parse(answer.headers.get("sl-violations") ?? "[]");
  expect(violations.map((item) => item.message).join("\n")).toMatch(violation);
}

describe("the spec's example pairs", () => {
  it("include a documented pair of every operation", () => {
    const operationIds = new Set(pairs.map((pair) => pair.operationId));
    expect(
      pairs
        .filter((pair) => pair.name === "documented")
        .map((pair) => pair.operationId)
        .sort(),
    ).toEqual([...operationIds].sort());
    expect(operationIds).toContain("createTask");
    expect(operationIds).toContain("createTaskEsb");
  });
});

describe("credentials in the body", () => {
  // The gateway reads them from the body when X-Bkapi-Authorization is absent, so the spec's
  // security lets a request go without the header (it used to be refused with Prism's 401).
  it("gateway: the documented request, credentials in its body and no header, gets the documented response", async () => {
    const pair = pairNamed("createTask", "documented");
    const answer = await post({ path: "/create_task/1/2/", body: pair.request?.value });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(pair.response.value);
  });
});

describe("documented requests", () => {
  it.each([
    ["createTask", "POST /create_task/1/2/ with X-Bkapi-Authorization"],
    ["createTaskEsb", `POST ${ESB_PATH}`],
  ])("%s: %s gets the documented response", async (operationId) => {
    const pair = pairNamed(operationId, "documented");
    const answer = await post(requestOf(pair));
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(answer.body).toEqual(pair.response.value);
  });
});

describe("Prefer selects every named example", () => {
  const valid = pairs.filter((pair) => !pair.request?.invalid);
  const invalid = pairs.filter((pair) => pair.request?.invalid);

  it.each(valid.map((pair) => [`${pair.operationId}/${pair.name}`, pair.response.status, pair] as const))(
    "%s: answers the %i example",
    async (_label, status, pair) => {
      const prefer = status === 200 ? `example=${pair.name}` : `code=${status}, example=${pair.name}`;
      const sent = requestOf(pair);
      const answer = await post({ ...sent, headers: { ...sent.headers, Prefer: prefer } });
      expect(answer.status).toBe(status);
      expect(answer.body).toEqual(pair.response.value);
    },
  );

  // The requests of `x-invalid-examples` break the schema on purpose, and Prism validates a request
  // before it looks at `Prefer`: the mock cannot serve these examples, it must refuse the request.
  it.each(invalid.map((pair) => [`${pair.operationId}/${pair.name}`, pair] as const))(
    "%s: the invalid request is rejected (400/422), not answered with the example",
    async (_label, pair) => {
      const sent = requestOf(pair);
      const answer = await post({ ...sent, headers: { ...sent.headers, Prefer: `example=${pair.name}` } });
      expectRejected(answer, /./);
      expect(answer.body).not.toEqual(pair.response.value);
    },
  );
});

describe("invalid requests", () => {
  const gateway = {
    path: "/create_task/1/2/",
    headers: { "X-Bkapi-Authorization": JSON.stringify(DOCUMENTED_AUTH) },
  };
  const esbCredentials = { ...DOCUMENTED_AUTH, bk_biz_id: "2", template_id: "1" };

  it("ESB: a body without name gets a 422 problem+json naming the property", async () => {
    const answer = await post({ path: ESB_PATH, body: { ...esbCredentials, flow_type: "common" } });
    expect(answer.status).toBe(422);
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({ status: 422, title: "Invalid request" });
    expectRejected(answer, /required property 'name'/);
  });

  it("gateway: a body without name is rejected with the spec's 400 and the violation", async () => {
    const answer = await post({ ...gateway, body: { flow_type: "common" } });
    expect(answer.status).toBe(400);
    expectRejected(answer, /required property 'name'/);
  });

  it.each([
    ["gateway", gateway],
    ["ESB", { path: ESB_PATH }],
  ] as const)("%s: a JSON body that is not an object is rejected", async (_form, target) => {
    const answer = await post({ ...target, body: [1] });
    expectRejected(answer, /must be object/);
  });

  it("gateway: a JSON body sent as text/plain is not refused (bk-sops reads any body as JSON)", async () => {
    const answer = await post({
      ...gateway,
      body: undefined,
      rawBody: JSON.stringify(documentedRequest("createTask")),
      headers: { ...gateway.headers, "content-type": "text/plain" },
    });
    expect(answer.status).toBe(200);
  });

  it("gateway: a non-numeric template_id is rejected", async () => {
    const answer = await post({ ...gateway, path: "/create_task/abc/2/", body: { name: "tasktest" } });
    expectRejected(answer, /template_id|pattern/);
  });
});
