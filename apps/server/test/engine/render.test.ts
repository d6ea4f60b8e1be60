import { constant } from "@bksops/domain/testing";
import { describe, expect, it } from "vitest";
import { floatRepr } from "../../src/engine/py-values.js";
import {
  escapeControls,
  HydrateError,
  hydrate,
  makoStr,
  pyJsonDumps,
  render,
} from "../../src/engine/render.js";

const constants = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).map(([key, value], i) => [key, constant(key, i, { value })]));

describe("Python's str() of values, as Mako writes them", () => {
  it.each([
    ["text", "prod", "prod"],
    ["an int", 3, "3"],
    ["a float", 1.5, "1.5"],
    ["true", true, "True"],
    ["null", null, "None"],
    ["a list", [1, "a"], "[1, 'a']"],
    ["a dict", { k: "v" }, "{'k': 'v'}"],
  ])("%s", (_name, value, want) => {
    expect(makoStr(value)).toBe(want);
  });

  it.each([
    [1.0, "1.0"],
    [0.1, "0.1"],
    [1e16, "1e+16"],
    [1.5e-7, "1.5e-07"],
    [123456.789, "123456.789"],
    [-2.5, "-2.5"],
    [0.0001, "0.0001"],
    [0.00001, "1e-05"],
  ])("float %s is %s", (value, want) => {
    expect(floatRepr(value)).toBe(want);
  });
});

describe("rendering a condition with the context", () => {
  const context = { env: "prod", n: 3, flag: true, list: [1, 2] };
  it.each([
    ["a plain reference", '${env} == "prod"', 'prod == "prod"'],
    ["spaces inside the braces", '${ env } == "prod"', 'prod == "prod"'],
    ["a number", "${n} > 2", "3 > 2"],
    ["a boolean", "${flag} == True", "True == True"],
    ["a list", "1 in ${list}", "1 in [1, 2]"],
    ["the same reference twice", "${env} == ${env}", "prod == prod"],
    ["an unknown name is left as written", "${missing} == 1", "${missing} == 1"],
    ["an expression is left as written", "${n + 1} == 4", "${n + 1} == 4"],
  ])("%s", (_name, text, want) => {
    expect(render(text, context)).toBe(want);
  });

  it("gives the value itself when the text is one reference", () => {
    expect(render("${flag}", context)).toBe(true);
    expect(render("${list}", context)).toEqual([1, 2]);
  });

  it("renders lists and dicts item by item", () => {
    expect(render({ a: ["${env}", { b: "x${n}" }] }, context)).toEqual({ a: ["prod", { b: "x3" }] });
  });
});

describe("the context a condition sees", () => {
  it("holds the constants referred to, through other constants, rendered, in the tree's order", () => {
    const tree = constants({
      "${unused}": "x",
      "${greeting}": "hello ${user}",
      "${user}": "${first} ${last}",
      "${first}": "Ada",
      "${last}": "Lovelace",
    });
    expect(hydrate(tree, ["${greeting}"])).toEqual({
      greeting: "hello Ada Lovelace",
      user: "Ada Lovelace",
      first: "Ada",
      last: "Lovelace",
    });
    expect(Object.keys(hydrate(tree, ["${greeting}"]))).toEqual(["greeting", "user", "first", "last"]);
  });

  it("fails on constants that refer to each other in a loop, as Python's recursion limit does", () => {
    const tree = constants({ "${a}": "${b}", "${b}": "${a}" });
    expect(() => hydrate(tree, ["${a}"])).toThrow(HydrateError);
  });

  it("escapes raw newlines and tabs unless the text already has escapes", () => {
    expect(escapeControls("a\nb\tc")).toBe("a\\nb\\tc");
    expect(escapeControls("a\\nb\nc")).toBe("a\\nb\nc");
    expect(escapeControls(3)).toBe(3);
  });
});

describe("Python's json.dumps", () => {
  it.each([
    [{ env: "pre prod" }, '{"env": "pre prod"}'],
    [{ a: 1, b: [true, null] }, '{"a": 1, "b": [true, null]}'],
    [{ t: "测试" }, '{"t": "\\u6d4b\\u8bd5"}'],
    [{ q: 'say "hi"' }, '{"q": "say \\"hi\\""}'],
  ])("%j", (value, want) => {
    expect(pyJsonDumps(value)).toBe(want);
  });
});
