import { describe, expect, it } from "vitest";
import {
  deref,
  formatErrors,
  listExamplePairs,
  loadSpec,
  type SchemaName,
  validatorAt,
  validatorFor,
} from "../src/index.js";

const spec = loadSpec();
const pairs = listExamplePairs(spec);

describe("documented examples", () => {
  it("exist for every operation of the spec, both forms of create_task among them", () => {
    const ids = new Set(pairs.map((pair) => pair.operationId));
    const operationIds = Object.values(spec.paths).flatMap((item) =>
      Object.values(item)
        .map((operation) => (operation as { operationId?: string }).operationId)
        .filter((id): id is string => typeof id === "string"),
    );
    expect([...ids].sort()).toEqual([...new Set(operationIds)].sort());
    expect(ids).toContain("createTask");
    expect(ids).toContain("createTaskEsb");
    expect(pairs.filter((pair) => pair.operationId.startsWith("createTask")).length).toBeGreaterThanOrEqual(
      25,
    );
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

  // Parameters may be shared by an operation's two forms; each of their example names must be
  // answered by at least one operation that uses the parameter.
  const parameterUsers = new Map<unknown, Set<string>>();
  const operationsOf = () =>
    Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.values(item)
        .map((raw) => deref<Record<string, unknown>>(spec, raw))
        .filter((operation) => typeof operation?.operationId === "string")
        .map((operation) => ({ path, operation, id: operation.operationId as string })),
    );
  for (const { operation, id } of operationsOf()) {
    for (const raw of (operation.parameters ?? []) as unknown[]) {
      const parameter = deref<object>(spec, raw);
      parameterUsers.set(parameter, (parameterUsers.get(parameter) ?? new Set()).add(id));
    }
  }
  const answeredBy = (id: string) => new Set(pairs.filter((p) => p.operationId === id).map((p) => p.name));

  it("leave no request body example without a response of the same name", () => {
    for (const { path, operation, id } of operationsOf()) {
      const body = deref<{
        content?: Record<string, { examples?: object }>;
        "x-invalid-examples"?: object;
      }>(spec, operation.requestBody ?? {});
      const names = [
        ...Object.keys(body.content?.["application/json"]?.examples ?? {}),
        ...Object.keys(body["x-invalid-examples"] ?? {}),
      ];
      const answered = answeredBy(id);
      expect(
        names.filter((name) => !answered.has(name)),
        `${path} ${id}`,
      ).toEqual([]);
    }
  });

  it("leave no parameter example without a response of the same name", () => {
    for (const [parameter, users] of parameterUsers) {
      const {
        name,
        examples,
        "x-invalid-examples": invalid,
      } = parameter as {
        name: string;
        examples?: object;
        "x-invalid-examples"?: object;
      };
      const answered = new Set([...users].flatMap((id) => [...answeredBy(id)]));
      const names = [...Object.keys(examples ?? {}), ...Object.keys(invalid ?? {})];
      expect(
        names.filter((example) => !answered.has(example)),
        `${name} of ${[...users].join(", ")}`,
      ).toEqual([]);
    }
  });

  const parameterExamples = Object.entries(spec.components?.parameters ?? {}).flatMap(([key, raw]) => {
    const parameter = raw as {
      examples?: Record<string, unknown>;
      "x-invalid-examples"?: Record<string, unknown>;
    };
    const of = (set: Record<string, unknown> | undefined, valid: boolean) =>
      Object.entries(set ?? {}).map(
        ([name, example]) =>
          [`${key} ${name}`, { key, value: deref<{ value: unknown }>(spec, example).value, valid }] as const,
      );
    return [...of(parameter.examples, true), ...of(parameter["x-invalid-examples"], false)];
  });
  it.each(parameterExamples)(
    "parameter example %s validates, or is listed as invalid and fails",
    (_label, { key, value, valid }) => {
      expect(validatorAt(`#/components/parameters/${key}/schema`)(value)).toBe(valid);
    },
  );

  it("mark a request invalid when it leaves out a required query parameter or sends an invalid value", () => {
    const invalid = (id: string, name: string) =>
      pairs.find((pair) => pair.operationId === id && pair.name === name)?.request?.invalid;
    expect(invalid("getTemplateListEsb", "documented")).toBe(false);
    expect(invalid("getTemplateListEsb", "esb_missing_bk_biz_id")).toBe(true);
    expect(invalid("getTemplateList", "invalid_include")).toBe(true);
    expect(invalid("getTemplateList", "name_keyword")).toBe(false);
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
        value: { id: "g", name: "", type: "ConvergeGateway", incoming: ["a", "b"], outgoing: "c" },
        valid: true,
      },
    ],
  ];
  it.each(cases)("%s", (_name, { schema, value, valid }) => {
    expect(validatorFor(schema)(value)).toBe(valid);
  });
});
