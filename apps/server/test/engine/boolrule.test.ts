import { describe, expect, it } from "vitest";
import { BoolRuleSyntaxError, PyError, testBoolRule } from "../../src/engine/boolrule.js";

// Expected values follow bamboo's boolrule (pyparsing grammar, Python comparisons).
describe("bamboo's condition language: what holds", () => {
  const cases: Array<[string, boolean]> = [
    // Bare names stand for themselves: conditions are tested without a context.
    ['prod == "prod"', true],
    ['test == "prod"', false],
    ['test != "prod"', true],
    ["'single' == \"single\"", true],
    // Numbers, and the loose conversions of double_equals_trans.
    ["1 == 1", true],
    ["1 == 1.0", true],
    ['1 == "1"', true],
    ['"1" == 1', true],
    ['1 == "01"', true],
    ['1 == "one"', false],
    ["2 > 1", true],
    ["2 >= 2", true],
    ["1.5 < 2", true],
    ["-1 < 0", true],
    [".5 == 0.5", true],
    ['"b" > "a"', true],
    ['10 > "9"', true],
    ['"10" > 9', true],
    // Booleans: any case, and they are ints.
    ["True == True", true],
    ["true == TRUE", true],
    ["True == 1", true],
    ["False == 0", true],
    // int("True") fails first, so no conversion to text happens at all.
    ['True == "True"', false],
    // in / notin with tuples, converted to the left side's type.
    ["1 in (1, 2, 3)", true],
    ['1 in ("1", "2")', true],
    ['"a" in ("a", "b")', true],
    ['"2" in (1, 2)', true],
    ["4 notin (1, 2, 3)", true],
    ['"ell" in "hello"', true],
    ['"x" notin "hello"', true],
    // issuperset: strings are wrapped, not split.
    ["(1, 2, 3) issuperset (1, 2)", true],
    ['"abc" issuperset "a"', false],
    ['("a", "b") issuperset "a"', true],
    ["(1, 2) notissuperset (3)", true],
    // Operators and keywords in any case.
    ["1 IN (1)", true],
    ["1 == 1 AND 2 == 2", true],
    ["1 == 2 Or 2 == 2", true],
    // Strictly left to right, stopping at the first decisive and/or.
    ["1 == 1 and 2 == 2 and 3 == 3", true],
    ["1 == 2 or 1 == 1", true],
    ["1 == 2 and 1 == 1 or 2 == 2", false],
    ["1 == 1 or 1 == 2 and 1 == 2", true],
    // Groups.
    ["(1 == 2 or 2 == 2) and 3 == 3", true],
    ["((1 == 1))", true],
    // Paths and unrendered references are text.
    ["a.b == a.b", true],
    ["${env} == ${env}", true],
    // The match-all rule.
    ["*", true],
  ];
  it.each(cases)("%s is %s", (text, want) => {
    expect(testBoolRule(text)).toBe(want);
  });
});

describe("bamboo's condition language: what it refuses", () => {
  it.each([
    ["a bare value", "True"],
    ["an unknown operator", "1 = 1"],
    ["a dangling and", "1 == 1 and"],
    ["text after the condition", "1 == 1 2"],
    ["a name with a space", 'pre prod == "prod"'],
    ["a name that is not ASCII", '测试 == "prod"'],
    ["a keyword glued to a number", "1 == 1and 2 == 2"],
    ["a word that starts like a boolean", "truex == 1"],
    ["an unclosed group", "(1 == 1"],
    ["empty text", ""],
  ])("%s: %s", (_name, text) => {
    expect(() => testBoolRule(text)).toThrow(BoolRuleSyntaxError);
  });

  it.each([
    ["comparing text with a number", '"a" < 1', "'<' not supported between instances of 'str' and 'int'"],
    ["in over a number", "1 in 2", "argument of type 'int' is not iterable"],
    ["a number in text", '1 in "123"', "'in <string>' requires string as left operand, not int"],
    ["a superset of a number", "1 issuperset (1)", "'int' object is not iterable"],
    ["an integer with an exponent", "1e5 == 1", "invalid literal for int() with base 10: '1E5'"],
  ])("%s raises Python's error", (_name, text, message) => {
    expect(() => testBoolRule(text)).toThrow(PyError);
    expect(() => testBoolRule(text)).toThrow(message);
  });

  it("evaluates lazily: a later bad comparison does not matter once the answer is known", () => {
    expect(testBoolRule('1 == 1 or "a" < 1')).toBe(true);
    expect(testBoolRule('1 == 2 and "a" < 1')).toBe(false);
  });
});
