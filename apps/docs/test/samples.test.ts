import { describe, expect, it } from "vitest";
import { pythonLiteral, shellQuote } from "../src/literals.js";
import { listOperations } from "../src/operations.js";
import {
  defaultCredentials,
  type ExampleRequest,
  exampleRequests,
  sampleRequest,
  urlOf,
} from "../src/requests.js";
import { codeSamples } from "../src/samples.js";
import { fixtureSpec } from "./fixture-spec.js";

const doc = fixtureSpec();
const operation = (id: string) => {
  const found = listOperations(doc).find((candidate) => candidate.operationId === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};

describe("operations and their documented requests", () => {
  it("fills server variables and takes path-level servers over the spec's", () => {
    expect(operation("makeThing").servers[0]?.url).toBe("http://127.0.0.1:8000/api/prod");
    expect(operation("makeThingEsb").servers[0]?.url).toBe("http://127.0.0.1:8000");
  });

  it("finds the credentials header of the operation's security, and none when it has none", () => {
    expect(operation("makeThing").authHeader).toBe("X-Auth");
    expect(operation("makeThingEsb").authHeader).toBeUndefined();
  });

  it("lists body examples, valid first, with required path parameters from their example", () => {
    const requests = exampleRequests(doc, operation("makeThing"));
    expect(requests.map((request) => [request.name, request.invalid])).toEqual([
      ["ok", false],
      ["missing", false],
      ["wrong_secret", false],
      ["no_name", true],
    ]);
    expect(requests[0]).toMatchObject({ path: { thing_id: "7" }, body: { name: "box", bk_app_code: "app" } });
    expect(requests[0]?.headers).toEqual({}); // the optional header is sent only when an example names it
    expect(requests[2]?.authorization).toEqual({ bk_app_code: "app", bk_app_secret: "bad" });
  });

  it("names the requests of an operation without a body after its parameters' examples", () => {
    const requests = exampleRequests(doc, operation("listThings"));
    expect(requests.map((request) => request.name)).toEqual(["small"]);
    expect(requests[0]?.query).toEqual({ limit: 2 });
    expect(urlOf("http://h/", operation("listThings"), requests[0] as ExampleRequest)).toBe(
      "http://h/things/?limit=2",
    );
  });

  it("samples the example named documented, else the first valid one", () => {
    const requests = exampleRequests(doc, operation("makeThing"));
    expect(sampleRequest(requests).name).toBe("ok");
    expect(
      sampleRequest([...requests, { ...(requests[1] as ExampleRequest), name: "documented" }]).name,
    ).toBe("documented");
  });

  it("takes the default credentials from the credential schema's examples", () => {
    expect(defaultCredentials(doc)).toEqual({ bk_app_code: "app", bk_app_secret: "secret" });
  });
});

describe("code samples", () => {
  const [curl, typescript, python] = codeSamples({
    operation: operation("makeThing"),
    request: sampleRequest(exampleRequests(doc, operation("makeThing"))),
    baseUrl: "http://127.0.0.1:8000/api/prod",
    credentials: { bk_app_code: "app", bk_app_secret: "it's" },
  });

  it("curl sends the method, the URL, the credentials header and the body", () => {
    expect(curl?.lang).toBe("Shell");
    expect(curl?.source).toContain("curl -X POST 'http://127.0.0.1:8000/api/prod/thing/7/'");
    expect(curl?.source).toContain(`-H 'X-Auth: {"bk_app_code":"app","bk_app_secret":"it'\\''s"}'`);
    expect(curl?.source).toContain(`"name": "box"`);
  });

  it("TypeScript calls openapi-fetch with the spec's path and the generated paths type", () => {
    expect(typescript?.source).toContain('import type { paths } from "@bksops/api-types";');
    expect(typescript?.source).toContain("createClient<paths>");
    expect(typescript?.source).toContain('client.POST("/thing/{thing_id}/"');
    expect(typescript?.source).toMatch(/path: \{\s+"thing_id": "7"\s+\}/);
  });

  it("Python posts the body as json= and builds the header with json.dumps", () => {
    expect(python?.source).toContain("requests.post(");
    expect(python?.source).toContain('"X-Auth": json.dumps({');
    expect(python?.source).toMatch(/json=\{\s+"name": "box",/);
  });
});

describe("literals", () => {
  const cases: Array<[string, unknown, string]> = [
    ["null, booleans", [null, true, false], "[\n    None,\n    True,\n    False,\n]"],
    ["empty containers", { a: [], b: {} }, '{\n    "a": [],\n    "b": {},\n}'],
    ["strings with quotes and ${}", 'say "${x}"', '"say \\"${x}\\""'],
    ["numbers", 1.5, "1.5"],
  ];
  it.each(cases)("Python: %s", (_name, value, want) => {
    expect(pythonLiteral(value)).toBe(want);
  });

  it("shell quoting survives single quotes", () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});
