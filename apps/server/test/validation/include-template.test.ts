import { describe, expect, it } from "vitest";
import { BkSopsParamsError } from "../../src/errors.js";
import { includeTemplate } from "../../src/operations/shared/include-template.js";

describe("includeTemplate: bk-sops' IncludeTemplateSerializer on a query", () => {
  it.each([
    ["nothing given: every default", {}, { include_notify: false, format: "json" }],
    [
      "DRF's true spellings, any case",
      { include_notify: "TRUE", include_labels: "On", include_constants: "y" },
      { include_notify: true, include_labels: true, include_constants: true },
    ],
    [
      "DRF's false spellings",
      { include_notify: "off", include_labels: "N", include_constants: "0" },
      { include_notify: false, include_labels: false, include_constants: false },
    ],
    [
      "an empty value is the default",
      { include_notify: "", format: "" },
      { include_notify: false, format: "json" },
    ],
    ["format yaml", { format: "yaml" }, { format: "yaml" }],
  ])("%s", (_name, query, want) => {
    expect(includeTemplate(query)).toMatchObject(want);
  });

  it.each([
    [
      "a word that is no boolean",
      { include_notify: "maybe" },
      { include_notify: ["Must be a valid boolean."] },
    ],
    [
      "null is no boolean either (no allow_null)",
      { include_labels: "null" },
      { include_labels: ["Must be a valid boolean."] },
    ],
    ["a format in another case", { format: "JSON" }, { format: ["“JSON” 不是合法选项。"] }],
    [
      "several at once, in the serializer's field order",
      { format: "x", unfold_subprocess: "2", include_executor_proxy: "yes please" },
      {
        include_executor_proxy: ["Must be a valid boolean."],
        unfold_subprocess: ["Must be a valid boolean."],
        format: ["“x” 不是合法选项。"],
      },
    ],
  ])("refuses %s", (_name, query, fields) => {
    let thrown: unknown;
    try {
      includeTemplate(query);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BkSopsParamsError);
    expect((thrown as BkSopsParamsError).fields).toEqual(fields);
    expect(Object.keys((thrown as BkSopsParamsError).fields)).toEqual(Object.keys(fields));
  });
});
