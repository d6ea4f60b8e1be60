import { describe, expect, it } from "vitest";
import { segmentNames, templateSegments } from "../src/mako-names.js";

describe("segmentNames: the names a ${...} segment reads, as Mako reports them", () => {
  it.each([
    ["a plain name", { given: "${a}", want: ["a"] }],
    ["spaces inside the braces", { given: "${ a }", want: ["a"] }],
    ["a call and an operator", { given: "${a + int(b)}", want: ["a", "int", "b"] }],
    ["attribute access", { given: "${obj.attr.deeper}", want: ["obj"] }],
    ["a method call on a literal", { given: '${",".join(items)}', want: ["items"] }],
    ["string literals", { given: "${'a' + \"b\"}", want: [] }],
    ["a brace inside a string", { given: '${x + "}"}', want: ["x"] }],
    ["keywords and constants", { given: "${a if not b else None}", want: ["a", "b"] }],
    ["keyword arguments", { given: "${f(x, sep=y)}", want: ["f", "x", "y"] }],
    ["lambda parameters", { given: "${(lambda v: v + k)(1)}", want: ["k"] }],
    ["a comprehension variable after it is bound", { given: "${[1 for x in xs if x]}", want: ["xs"] }],
    [
      "a comprehension variable read before Mako sees it bound",
      { given: "${[x for x in xs]}", want: ["x", "xs"] },
    ],
    ["subscripts and numbers", { given: "${data['k'][0] * 2.5}", want: ["data"] }],
    ["a default escape filter", { given: "${a | h}", want: ["a"] }],
    ["a custom filter", { given: "${a | myfilter}", want: ["a", "myfilter"] }],
    ["print and context, which Mako never reports", { given: "${print(context)}", want: [] }],
    ["a Python syntax error", { given: "${a b}", want: [] }],
    ["unbalanced brackets", { given: "${f(a}", want: [] }],
    ["text after the expression", { given: "${a}'s}", want: ["a"] }],
  ])("%s", (_name, { given, want }) => {
    expect(segmentNames(given)).toEqual(want);
  });
});

describe("templateSegments", () => {
  it.each([
    ["two segments", { given: "echo ${a} and ${b}", want: ["${a}", "${b}"] }],
    ["no segment", { given: "plain $text", want: [] }],
    ["a # stops a segment", { given: "${a#b}", want: [] }],
  ])("%s", (_name, { given, want }) => {
    expect(templateSegments(given)).toEqual(want);
  });
});
