import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, nestingDepth } from "../src/index.js";

describe("nestingDepth", () => {
  it.each([
    ["a scalar", "1", 0],
    ["an empty object", "{}", 1],
    ["an array in an object", '{"a":[1,2]}', 2],
    ["siblings do not add up", "[[1],[2],[3]]", 2],
    ["brackets inside strings are skipped", '{"a":"[[[{{{"}', 1],
    ["an escaped quote does not end the string", '{"a":"\\"[[["}', 1],
    ["an escaped backslash before the closing quote", '["\\\\",[1]]', 2],
    ["unbalanced text still reports its deepest point", "[[[", 3],
  ])("%s: %s has depth %i", (_label, text, depth) => {
    expect(nestingDepth(text)).toBe(depth);
  });

  it("counts a body nested one level past the limit without recursing", () => {
    const deep = "[".repeat(MAX_JSON_DEPTH + 1) + "]".repeat(MAX_JSON_DEPTH + 1);
    expect(nestingDepth(deep)).toBe(MAX_JSON_DEPTH + 1);
    // Far deeper than any call stack: a recursive scan would throw here.
    expect(nestingDepth('{"a":'.repeat(200_000))).toBe(200_000);
  });
});
