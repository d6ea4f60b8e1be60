import {
  bool,
  compare,
  contains,
  equals,
  float,
  isInt,
  isSuperset,
  list,
  PyError,
  type PyValue,
  str,
  toInt,
  toStr,
} from "./py-values.js";

/**
 * bamboo's gateway condition language (bamboo_engine/utils/boolrule), as bk-sops runs it: the
 * condition is rendered first, then parsed and tested without a context. Our own parser and
 * evaluator, no `eval`; the grammar and the evaluation order follow bamboo's pyparsing rules:
 *
 *   expression := condition (("and" | "or") condition)*
 *   condition  := value OPERATOR value | "(" expression ")"
 *   value      := float | int | "text" | 'text' | true | false | name(.name)* | "(" item ("," item)* ")"
 *
 * Operators: == != < > >= <= in notin issuperset notissuperset (any case). A bare name stands for
 * itself as a string (`prod == "prod"` is true): there is no context to look names up in.
 */

/** The expression is not in the language: bamboo's `ParseException`. */
export class BoolRuleSyntaxError extends Error {
  override name = "BoolRuleSyntaxError";
}

type Operator = "==" | "!=" | "<" | ">" | ">=" | "<=" | "in" | "notin" | "issuperset" | "notissuperset";

interface Comparison {
  kind: "compare";
  left: PyValue;
  op: Operator;
  right: PyValue;
}
interface Group {
  kind: "group";
  items: Expression;
}
type Expression = Array<Comparison | Group | "and" | "or">;

// Each lexical piece is matched where the parser stands (sticky regexes, no skipping inside).
const WHITESPACE = /[ \t\n\r]*/y;
const REAL = /[+-]?(?:\d+\.\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const INTEGER = /[+-]?\d+(?:[eE]\+?\d+)?/y;
const DOUBLE_QUOTED = /"([^"\n\r]*)"/y;
const SINGLE_QUOTED = /'([^'\n\r]*)'/y;
const BOOLEAN = /true|false/iy;
const NAME = "(?:\\$\\{)?_?[A-Za-z][A-Za-z0-9_]*\\}?";
const PATH = new RegExp(`${NAME}(?:\\.${NAME})*`, "y");
// Longer operators first where one is the start of another, as pyparsing's oneOf orders them.
const OPERATOR = /==|!=|<=|<|>=|>|notissuperset|notin|issuperset|in/iy;
const JOIN = /(and|or)(?![A-Za-z0-9_$])/iy;

class Parser {
  private at = 0;
  constructor(private readonly text: string) {}

  private skip(): void {
    WHITESPACE.lastIndex = this.at;
    WHITESPACE.exec(this.text);
    this.at = WHITESPACE.lastIndex;
  }

  /** Matches `pattern` after whitespace; advances only on success. */
  private match(pattern: RegExp): RegExpExecArray | undefined {
    const start = this.at;
    this.skip();
    pattern.lastIndex = this.at;
    const found = pattern.exec(this.text);
    if (!found) {
      this.at = start;
      return undefined;
    }
    this.at = pattern.lastIndex;
    return found;
  }

  private literal(char: string): boolean {
    const start = this.at;
    this.skip();
    if (this.text[this.at] === char) {
      this.at += 1;
      return true;
    }
    this.at = start;
    return false;
  }

  /** `and` / `or` as pyparsing's Keyword: not glued to a name on either side. */
  private keyword(): RegExpExecArray | undefined {
    const start = this.at;
    this.skip();
    if (this.at > 0 && /[A-Za-z0-9_$]/.test(this.text[this.at - 1] ?? "")) {
      this.at = start;
      return undefined;
    }
    this.at = start;
    return this.match(JOIN);
  }

  private fail(): never {
    throw new BoolRuleSyntaxError(
      `Expected an expression (at char ${this.at}), (line:1, col:${this.at + 1})`,
    );
  }

  /** One literal value; the first alternative that matches wins, as in pyparsing's MatchFirst. */
  private simple(): PyValue | undefined {
    const real = this.match(REAL);
    if (real) return float(Number.parseFloat(real[0]));
    const integer = this.match(INTEGER);
    if (integer) {
      // pyparsing keeps the exponent ("1E5"), which Python's int() then refuses.
      const text = integer[0].replace(/e/, "E");
      return toInt(str(text));
    }
    const quoted = this.match(DOUBLE_QUOTED) ?? this.match(SINGLE_QUOTED);
    if (quoted) return str(quoted[1] ?? "");
    const boolean = this.match(BOOLEAN);
    if (boolean) return bool(boolean[0].toLowerCase() === "true");
    const path = this.match(PATH);
    if (path) return str(path[0]);
    return undefined;
  }

  /** A value, or a parenthesised list of values. */
  private value(): PyValue | undefined {
    const simple = this.simple();
    if (simple) return simple;
    const start = this.at;
    if (!this.literal("(")) return undefined;
    const items: PyValue[] = [];
    do {
      const item = this.simple();
      if (!item) {
        this.at = start;
        return undefined;
      }
      items.push(item);
    } while (this.literal(","));
    if (!this.literal(")")) {
      this.at = start;
      return undefined;
    }
    return list(items);
  }

  private condition(): Comparison | Group {
    const start = this.at;
    const left = this.value();
    if (left) {
      const op = this.match(OPERATOR);
      const right = op ? this.value() : undefined;
      if (op && right) return { kind: "compare", left, op: op[0].toLowerCase() as Operator, right };
    }
    this.at = start;
    if (!this.literal("(")) this.fail();
    const items = this.expression();
    if (!this.literal(")")) this.fail();
    return { kind: "group", items };
  }

  expression(): Expression {
    const items: Expression = [this.condition()];
    for (;;) {
      const start = this.at;
      const join = this.keyword();
      if (!join) return items;
      try {
        const next = this.condition();
        items.push(join[1]?.toLowerCase() as "and" | "or", next);
      } catch (error) {
        // A dangling "and"/"or" is left unparsed, and the whole text then fails to parse.
        if (!(error instanceof BoolRuleSyntaxError)) throw error;
        this.at = start;
        return items;
      }
    }
  }

  parseAll(): Expression {
    const items = this.expression();
    this.skip();
    if (this.at !== this.text.length) this.fail();
    return items;
  }
}

/**
 * Parses a rendered condition. Throws BoolRuleSyntaxError when the text is not in the language,
 * PyError when Python would fail while parsing (an integer with an exponent).
 */
export function parseBoolRule(text: string): Expression | "match-all" {
  if (text === "*") return "match-all";
  return new Parser(text).parseAll();
}

// boolrule's `double_equals_trans`: loose conversions before the comparison.
function loosen(op: Operator, left: PyValue, right: PyValue): [PyValue, PyValue] {
  if (op === "in" || op === "notin") {
    if (right.type !== "list" || right.value.length === 0) return [left, right];
    const extra: PyValue[] = [];
    for (const item of right.value) {
      try {
        if (isInt(left)) extra.push(toInt(item));
        else if (left.type === "str") extra.push(str(toStr(item)));
      } catch {
        // items that do not convert are left out
      }
    }
    return [left, list([...right.value, ...extra])];
  }
  if (op === "issuperset" || op === "notissuperset") {
    return [left.type === "str" ? list([left]) : left, right.type === "str" ? list([right]) : right];
  }
  let [l, r] = [left, right];
  try {
    if (isInt(l)) r = toInt(r);
    else if (isInt(r)) l = toInt(l);
    if (l.type === "str") r = str(toStr(r));
    else if (r.type === "str") l = str(toStr(l));
  } catch {
    // a failed conversion leaves the values as they are
  }
  return [l, r];
}

function test(comparison: Comparison): boolean {
  const [left, right] = loosen(comparison.op, comparison.left, comparison.right);
  switch (comparison.op) {
    case "==":
      return equals(left, right);
    case "!=":
      return !equals(left, right);
    case "<":
    case "<=":
    case ">":
    case ">=":
      return compare(comparison.op, left, right);
    case "in":
      return contains(right, left);
    case "notin":
      return !contains(right, left);
    case "issuperset":
      return isSuperset(left, right);
    case "notissuperset":
      return !isSuperset(left, right);
  }
}

/**
 * boolrule's evaluation order: strictly left to right, stopping at the first `or` after a true
 * condition or the first `and` after a false one (so `false and x or true` is false).
 */
function evaluate(items: Expression): boolean {
  let passed = false;
  for (const item of items) {
    if (item === "or") {
      if (passed) return true;
      continue;
    }
    if (item === "and") {
      if (!passed) return false;
      continue;
    }
    passed = item.kind === "group" ? evaluate(item.items) : test(item);
  }
  return passed;
}

/** bamboo's `BoolRule(text).test()`: throws BoolRuleSyntaxError or PyError as bamboo would raise. */
export function testBoolRule(text: string): boolean {
  const parsed = parseBoolRule(text);
  return parsed === "match-all" ? true : evaluate(parsed);
}

export { PyError };
