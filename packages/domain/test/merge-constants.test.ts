import { describe, expect, it } from "vitest";
import { applyConstantValues, SimplifyVarsError, simplifyConstants } from "../src/merge-constants.js";
import { constant } from "../src/testing/builder.js";
import type { Constant } from "../src/types.js";

const meta = (value: unknown): Constant =>
  constant("${m}", 0, { is_meta: true, custom_type: "select", value });

describe("applyConstantValues: meta constants (docs/bk-sops-behaviour.md §6.1 step 3)", () => {
  it.each([
    ["a dict value becomes its default", { given: { default: "gz", items: [] }, want: "gz" }],
    ["a falsy default falls back to default_text", { given: { default: "", default_text: "t" }, want: "t" }],
    ["no default at all gives an empty string", { given: { items: [] }, want: "" }],
    ["a non-dict value is kept", { given: "plain", want: "plain" }],
  ])("%s", (_name, { given, want }) => {
    const constants = { "${m}": meta(given) };
    applyConstantValues(constants, {});
    expect(constants["${m}"]?.value).toEqual(want);
    expect(constants["${m}"]?.meta).toEqual(meta(given));
  });

  it("leaves a meta constant that already has meta alone", () => {
    const constants = { "${m}": { ...meta({ default: "gz" }), meta: "kept" } };
    applyConstantValues(constants, {});
    expect(constants["${m}"]).toMatchObject({ meta: "kept", value: { default: "gz" } });
  });
});

describe("applyConstantValues: request values (docs/bk-sops-behaviour.md §6.1 step 4)", () => {
  it.each([
    [
      "matches by exact key",
      { values: { "${a}": "x" }, want: { "${a}": "x", "${hidden}": "h", "${out}": "" } },
    ],
    [
      "ignores unknown keys and near misses",
      { values: { a: "x", "${A}": "y", "${zzz}": 1 }, want: { "${a}": "", "${hidden}": "h", "${out}": "" } },
    ],
    [
      "overwrites hidden and output constants without checks",
      {
        values: { "${hidden}": { any: "json" }, "${out}": 5 },
        want: { "${a}": "", "${hidden}": { any: "json" }, "${out}": 5 },
      },
    ],
    [
      "sets a meta constant's value after converting it",
      { values: { "${m}": "sh" }, want: { "${a}": "", "${hidden}": "h", "${out}": "", "${m}": "sh" } },
    ],
  ])("%s", (_name, { values, want }) => {
    const constants: Record<string, Constant> = {
      "${a}": constant("${a}", 0, { validation: "^\\d+$" }),
      "${hidden}": constant("${hidden}", 1, { show_type: "hide", value: "h" }),
      "${out}": constant("${out}", 2, { source_type: "component_outputs" }),
    };
    if ("${m}" in want) constants["${m}"] = meta({ default: "gz" });
    applyConstantValues(constants, values);
    expect(Object.fromEntries(Object.entries(constants).map(([k, c]) => [k, c.value]))).toEqual(want);
  });
});

describe("simplifyConstants (docs/bk-sops-behaviour.md §6.1 step 5)", () => {
  const fresh = (): Record<string, Constant> => ({
    "${a}": constant("${a}", 0, { custom_type: "select", is_meta: true, value: "v" }),
    "${b}": constant("${b}", 1, { source_type: "component_inputs", custom_type: "" }),
  });

  it("turns a custom constant into a required textarea and keeps its value", () => {
    const constants = fresh();
    simplifyConstants(constants, ["${a}", "${a}", "${missing}"]);
    const a = constants["${a}"];
    expect(a).toMatchObject({
      custom_type: "textarea",
      source_tag: "textarea.textarea",
      is_meta: false,
      value: "v",
    });
    expect(JSON.parse(a?.form_schema as string)).toEqual({
      type: "textarea",
      attrs: { name: "文本框", hookable: true, validation: [{ type: "required" }] },
    });
  });

  it.each([
    ["a non-custom constant", { given: ["${b}"] }],
    ["null", { given: null }],
    ["a dict, whose keys are iterated", { given: { x: 1 } }],
  ])("leaves constants unchanged for %s", (_name, { given }) => {
    const constants = fresh();
    simplifyConstants(constants, given);
    expect(constants).toEqual(fresh());
  });

  it.each([
    ["a number", { given: 3, message: "'int' object is not iterable" }],
    ["a list holding a list", { given: [["${a}"]], message: "unhashable type: 'list'" }],
  ])("fails like Python for %s", (_name, { given, message }) => {
    expect(() => simplifyConstants(fresh(), given)).toThrow(new SimplifyVarsError(message));
  });
});
