import { describe, expect, it } from "vitest";
import {
  deref,
  formatErrors,
  listExamplePairs,
  loadSpec,
  type SchemaName,
  validatorFor,
} from "../src/index.js";

const spec = loadSpec();
const pairs = listExamplePairs(spec);

describe("documented examples", () => {
  it("exist for both forms of every operation", () => {
    const ids = new Set(pairs.map((pair) => pair.operationId));
    for (const id of [
      "createTask",
      "createAndStartTask",
      "getTaskDetail",
      "getTaskNodeDetail",
      "getTaskStatus",
      "operateTask",
      "startTask",
    ]) {
      expect(ids.has(id), id).toBe(true);
      expect(ids.has(`${id}Esb`), `${id}Esb`).toBe(true);
    }
    expect(pairs.length).toBeGreaterThanOrEqual(25);
  });

  it.each(pairs.map((pair) => [`${pair.operationId} ${pair.response.status} ${pair.name}`, pair] as const))(
    "response example %s validates against its schema",
    (_label, pair) => {
      const validate = validatorFor(pair.response.schema as SchemaName);
      expect(validate(pair.response.value), formatErrors(validate.errors).join("\n")).toBe(true);
    },
  );

  const withRequest = pairs.filter((pair) => pair.request?.schema);
  it.each(withRequest.map((pair) => [`${pair.operationId} ${pair.name}`, pair] as const))(
    "request example %s validates, or is listed as invalid and fails",
    (_label, pair) => {
      const validate = validatorFor(pair.request?.schema as SchemaName);
      expect(validate(pair.request?.value)).toBe(!pair.request?.invalid);
    },
  );

  it("pair every 200 response example with a request example of the same name", () => {
    const unpaired = pairs.filter((pair) => pair.response.status === 200 && !pair.request);
    expect(unpaired.map((pair) => `${pair.operationId}:${pair.name}`)).toEqual([]);
  });

  it("leave no request or parameter example without a response of the same name", () => {
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const rawOperation of Object.values(item)) {
        const operation = deref<Record<string, unknown>>(spec, rawOperation);
        if (typeof operation?.operationId !== "string") continue;
        const body = deref<{
          content?: Record<string, { examples?: object }>;
          "x-invalid-examples"?: object;
        }>(spec, operation.requestBody ?? {});
        const parameters = ((operation.parameters ?? []) as unknown[]).map((p) =>
          deref<{ examples?: object }>(spec, p),
        );
        const names = [
          ...Object.keys(body.content?.["application/json"]?.examples ?? {}),
          ...Object.keys(body["x-invalid-examples"] ?? {}),
          ...parameters.flatMap((parameter) => Object.keys(parameter.examples ?? {})),
        ];
        const answered = new Set(
          pairs.filter((pair) => pair.operationId === operation.operationId).map((pair) => pair.name),
        );
        expect(
          names.filter((name) => !answered.has(name)),
          `${path} ${operation.operationId}`,
        ).toEqual([]);
      }
    }
  });

  it("include the published request and response verbatim", () => {
    const documented = pairs.find((pair) => pair.operationId === "createTask" && pair.name === "documented");
    if (!documented) throw new Error("no documented pair");
    expect(documented.request?.value).toMatchObject({ bk_app_code: "esb_test", name: "tasktest" });
    expect((documented.response.value as { data: { task_id: number } }).data.task_id).toBe(10);
  });
});

describe("schema validators", () => {
  const cases: Array<[string, { schema: SchemaName; value: unknown; valid: boolean }]> = [
    ["accepts a minimal request", { schema: "CreateTaskParams", value: { name: "t" }, valid: true }],
    ["rejects an empty name", { schema: "CreateTaskParams", value: { name: "" }, valid: false }],
    [
      "rejects a 101-character name",
      { schema: "CreateTaskParams", value: { name: "x".repeat(101) }, valid: false },
    ],
    [
      "accepts a 100-character name",
      { schema: "CreateTaskParams", value: { name: "x".repeat(100) }, valid: true },
    ],
    [
      "rejects an unknown flow_type",
      { schema: "CreateTaskParams", value: { name: "t", flow_type: "x" }, valid: false },
    ],
    [
      "rejects constants that are a list",
      { schema: "CreateTaskParams", value: { name: "t", constants: [] }, valid: false },
    ],
    [
      "rejects a string exclude list",
      { schema: "CreateTaskParams", value: { name: "t", exclude_task_nodes_id: "n1" }, valid: false },
    ],
    [
      "rejects a callback_url without scheme",
      { schema: "CreateTaskParams", value: { name: "t", callback_url: "ftp://x" }, valid: false },
    ],
    [
      "accepts an empty callback_url",
      { schema: "CreateTaskParams", value: { name: "t", callback_url: "" }, valid: true },
    ],
    [
      "rejects a task_id given as a string",
      { schema: "CreateTaskData", value: { task_id: "1", task_url: "http://h/" }, valid: false },
    ],
    [
      "rejects an activity of unknown type",
      {
        schema: "Activity",
        value: { id: "n", type: "Unknown", name: "x", incoming: [], outgoing: "l" },
        valid: false,
      },
    ],
    [
      "accepts incoming as a list or a string",
      {
        schema: "ConvergeGateway",
        value: { id: "g", type: "ConvergeGateway", incoming: ["a", "b"], outgoing: "c" },
        valid: true,
      },
    ],
  ];
  it.each(cases)("%s", (_name, { schema, value, valid }) => {
    expect(validatorFor(schema)(value)).toBe(valid);
  });
});
