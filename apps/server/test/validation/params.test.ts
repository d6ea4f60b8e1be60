import { pyFormat, pyRepr } from "@bksops/domain";
import { describe, expect, it } from "vitest";
import { paramsError } from "../../src/validation/params.js";

describe("parameter errors read like bk-sops' jsonschema errors", () => {
  const firstLines: Array<[string, Record<string, unknown>, string]> = [
    ["a missing name", {}, "'name' is a required property"],
    ["an empty name", { name: "" }, "'' should be non-empty"],
    ["a 101-character name", { name: "n".repeat(101) }, `'${"n".repeat(101)}' is too long`],
    ["a name that is a number", { name: 1 }, "1 is not of type 'string'"],
    ["an unknown flow_type", { name: "t", flow_type: "x" }, "'x' is not one of ['common', 'common_func']"],
    ["constants as a list", { name: "t", constants: [] }, "[] is not of type 'object'"],
    [
      "an exclude list as a string",
      { name: "t", exclude_task_nodes_id: "n1" },
      "'n1' is not of type 'array'",
    ],
    ["scheme id 0", { name: "t", template_schemes_id: 0 }, "0 is not valid under any of the given schemas"],
    [
      "a missing name beats a bad flow_type (shallowest error first)",
      { flow_type: "x" },
      "'name' is a required property",
    ],
  ];
  it.each(firstLines)("%s", (_name, params, want) => {
    expect(paramsError(params)?.split("\n")[0]).toBe(want);
  });

  it.each([
    ["template_source", { name: "t", template_source: 5 }],
    ["scope", { name: "t", scope: null }],
    ["simplify_vars", { name: "t", simplify_vars: 1 }],
    ["description", { name: "t", description: { any: "thing" } }],
  ])("does not check %s, as bk-sops' schema does not", (_name, params) => {
    expect(paramsError(params)).toBeUndefined();
  });

  it("prints the failed schema and the instance as Python would, schema limited to what bk-sops checks", () => {
    const instance = { flow_type: "common", constants: {}, exclude_task_nodes_id: [] };
    expect(paramsError(instance)).toBe(
      [
        "'name' is a required property",
        "",
        "Failed validating 'required' in schema:",
        "    {'type': 'object',",
        "     'required': ['name'],",
        "     'properties': {'name': {'type': 'string',",
        "                             'minLength': 1,",
        "                             'maxLength': 100},",
        "                    'flow_type': {'type': 'string',",
        "                                  'enum': ['common', 'common_func']},",
        "                    'constants': {'type': 'object'},",
        "                    'exclude_task_nodes_id': {'type': 'array'},",
        "                    'execute_task_nodes_id': {'type': 'array'},",
        "                    'template_schemes_id': {'oneOf': [{'type': 'string',",
        "                                                       'minLength': 1},",
        "                                                      {'type': 'integer',",
        "                                                       'minimum': 1},",
        "                                                      {'type': 'array',",
        "                                                       'items': {'type': ['string',",
        "                                                                          'integer']}}]}}}",
        "",
        "On instance:",
        "    {'flow_type': 'common', 'constants': {}, 'exclude_task_nodes_id': []}",
      ].join("\n"),
    );
  });
});

describe("Python repr", () => {
  it.each([
    [null, "None"],
    [true, "True"],
    [1.5, "1.5"],
    ["it's", `"it's"`],
    ["a\nb", "'a\\nb'"],
    [{ k: [1, "x"] }, "{'k': [1, 'x']}"],
    ["任务", "'任务'"],
  ])("repr(%j) is %s", (value, want) => {
    expect(pyRepr(value)).toBe(want);
  });

  it("breaks what does not fit in 72 columns, one item per line", () => {
    const value = { alpha: "a".repeat(40), beta: "b".repeat(40) };
    expect(pyFormat(value)).toBe(`{'alpha': '${"a".repeat(40)}',\n 'beta': '${"b".repeat(40)}'}`);
  });
});
