import { describe, expect, it } from "vitest";
import { errorRows, messagePattern, REWRITTEN_BY_ESB } from "../src/errors.js";
import type { ExampleRequest } from "../src/requests.js";
import { fixtureSpec } from "./fixture-spec.js";

const request = (fields: Partial<ExampleRequest>): ExampleRequest => ({
  name: "x",
  invalid: false,
  path: {},
  query: {},
  headers: {},
  ...fields,
});

describe("messagePattern", () => {
  const cases: Array<
    [string, { message: string; request?: ExampleRequest; firstLine?: boolean; want: string }]
  > = [
    [
      "a quoted value becomes its field",
      {
        message: "'daily' is not one of ['common']",
        request: request({ body: { flow_type: "daily" } }),
        want: "'{flow_type}' is not one of ['common']",
      },
    ],
    [
      "a key=value becomes its field, whether it came from the path or the body",
      {
        message: "template[id=5] of project[project_id=3,biz_id=2] does not exist",
        request: request({ path: { template_id: "5", bk_biz_id: "2" } }),
        want: "template[id={template_id}] of project[project_id=3,biz_id={bk_biz_id}] does not exist",
      },
    ],
    [
      "a value that is only a word of the message stays",
      {
        message: "common template[id=9] does not exist",
        request: request({ body: { template_source: "common" }, path: { template_id: "9" } }),
        want: "common template[id={template_id}] does not exist",
      },
    ],
    [
      "array items count as their field",
      {
        message: "task node[id=node1] is not optional",
        request: request({ body: { exclude: ["node1"] } }),
        want: "task node[id={exclude}] is not optional",
      },
    ],
    [
      "a value inside a longer one is not replaced",
      { message: "id=77 here", request: request({ path: { id: "7" } }), want: "id=77 here" },
    ],
    [
      "only the first line of a first-line message, marked with …",
      { message: "'name' is required\n\nFailed validating", firstLine: true, want: "'name' is required …" },
    ],
    ["a message without request values is kept, its line breaks folded", { message: "a\n b", want: "a b" }],
  ];
  it.each(cases)("%s", (_name, { message, request: sent, firstLine, want }) => {
    expect(messagePattern(message, sent, firstLine)).toBe(want);
  });
});

describe("errorRows", () => {
  const rows = errorRows(fixtureSpec());
  const row = (operationId: string, code: number) =>
    rows.filter((candidate) => candidate.operationId === operationId && candidate.code === code);

  it("lists every error example of every operation with its status, source and summary", () => {
    expect(row("makeThing", 404000)).toEqual([
      {
        operationId: "makeThing",
        status: 200,
        code: 404000,
        source: "view",
        message: "thing[id={thing_id}] not found",
        when: "The thing does not exist",
        example: "missing",
      },
    ]);
    expect(row("makeThing", 1600)[0]).toMatchObject({
      status: 400,
      source: "gateway",
      message: "bad secret",
    });
  });

  it("reads a response's single example, its description saying when", () => {
    expect(row("makeThing", 400000).find((candidate) => candidate.status === 405)).toMatchObject({
      message: "use POST",
      when: "Only POST.",
      source: "view",
    });
  });

  it("leaves success answers out", () => {
    expect(rows.some((candidate) => candidate.code === 0)).toBe(false);
    expect(rows.some((candidate) => candidate.operationId === "listThings")).toBe(false);
  });

  it("calls an ESB error that repeats a view's message a rewritten view error", () => {
    expect(row("makeThingEsb", 1300)[0]?.source).toBe(REWRITTEN_BY_ESB);
  });

  it("calls an ESB error with a trace_id or a dict message a rewritten view error, others the ESB's", () => {
    const doc = fixtureSpec();
    const examples = (
      doc.paths["/esb/thing/"] as never as {
        post: {
          responses: { "200": { content: { "application/json": { examples: Record<string, unknown> } } } };
        };
      }
    ).post.responses["200"].content["application/json"].examples;
    examples.esb_missing = { value: { result: false, code: 1300, message: "other words", trace_id: "abc" } };
    examples.esb_dict = { value: { result: false, code: 1300, message: { name: ["required"] } } };
    examples.esb_own = { value: { result: false, code: 1300, message: "APP Code cannot be empty" } };
    const sources = errorRows(doc)
      .filter((candidate) => candidate.operationId === "makeThingEsb" && candidate.example)
      .map((candidate) => [candidate.example, candidate.source]);
    expect(sources).toEqual([
      ["esb_missing", REWRITTEN_BY_ESB],
      ["esb_dict", REWRITTEN_BY_ESB],
      ["esb_own", "ESB"],
    ]);
  });

  it("lists codes an envelope documents without an example, with no status and the code's description", () => {
    expect(row("makeThing", 500000)).toEqual([
      { operationId: "makeThing", code: 500000, source: "view", when: "It broke." },
    ]);
    expect(row("makeThing", 1650)[0]).toMatchObject({ when: "Gateway failed (HTTP 500)." });
    expect(row("makeThing", 1650)[0]?.status).toBeUndefined();
    expect(row("makeThingEsb", 1301)[0]).toMatchObject({ source: "ESB", when: "Rate limited." });
  });

  it("takes only the first line of a message the example marks first-line", () => {
    expect(row("makeThing", 400000).find((candidate) => candidate.status === 200)?.message).toBe(
      "'name' is required …",
    );
  });
});
