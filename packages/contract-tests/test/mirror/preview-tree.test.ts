import { describe, expect, it } from "vitest";
import { sameJson, treeFromPreview } from "../../src/mirror/preview-tree.js";

const constant = (key: string, index: number, extra: Record<string, unknown> = {}) => ({
  key,
  index,
  source_type: "custom",
  value: "",
  ...extra,
});

describe("sameJson", () => {
  it.each([
    [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, false],
    [[1, 2], [2, 1], false],
    [{ a: null }, { a: 0 }, false],
  ])("%j vs %j: %s", (a, b, same) => {
    expect(sameJson(a, b)).toBe(same);
  });
});

describe("an older version rebuilt from its preview", () => {
  it("gives the pruned variables back and the kept ones the free indexes, in index order", () => {
    const preview = {
      pipeline_tree: {
        constants: { "${used_b}": constant("${used_b}", 1), "${used_a}": constant("${used_a}", 0) },
        outputs: [],
      },
      constants_not_referred: { "${unused}": constant("${unused}", 1, { value: "kept as it was" }) },
    };
    const { tree, assumedOutputs } = treeFromPreview(preview);
    const constants = tree.constants as Record<string, { index: number; value: unknown }>;
    expect(Object.keys(constants)).toEqual(["${used_a}", "${unused}", "${used_b}"]);
    expect(Object.values(constants).map((c) => c.index)).toEqual([0, 1, 2]);
    expect(constants["${unused}"]?.value).toBe("kept as it was");
    expect(assumedOutputs).toEqual([]);
    expect(tree.outputs).toEqual([]);
  });

  it("takes an unused custom variable the current version lists as an output to be one of this version too", () => {
    const preview = {
      pipeline_tree: { constants: { "${a}": constant("${a}", 0) }, outputs: ["${kept_output}"] },
      constants_not_referred: {
        "${result}": constant("${result}", 1),
        "${plain}": constant("${plain}", 2),
        "${node_out}": constant("${node_out}", 3, { source_type: "component_outputs" }),
      },
    };
    const { tree, assumedOutputs } = treeFromPreview(preview, ["${result}", "${kept_output}", "${node_out}"]);
    expect(assumedOutputs).toEqual(["${result}"]);
    expect(tree.outputs).toEqual(["${kept_output}", "${result}"]);
  });
});
