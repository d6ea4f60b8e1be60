import { describe, expect, it } from "vitest";
import { HEAP_GROWING_PERCENT, heapGrowthFlag } from "../../src/heap-growth.js";

describe("the server's heap growth factor", () => {
  it.each([
    ["no node flags", [], `--heap-growing-percent=${HEAP_GROWING_PERCENT}`],
    [
      "other node flags",
      ["--enable-source-maps", "--max-old-space-size=512"],
      `--heap-growing-percent=${HEAP_GROWING_PERCENT}`,
    ],
    ["the operator's own factor", ["--heap-growing-percent=200"], undefined],
    ["the operator's own factor, underscores", ["--heap_growing_percent=10"], undefined],
    [
      "a flag that only starts alike",
      ["--heap-growing-percentage=5"],
      `--heap-growing-percent=${HEAP_GROWING_PERCENT}`,
    ],
  ])("%s: sets %s", (_label, execArgv, expected) => {
    expect(heapGrowthFlag(execArgv)).toBe(expected);
  });
});
