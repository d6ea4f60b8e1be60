import { pyString } from "@bksops/domain";

/**
 * The Python values a gateway condition can hold once parsed (bamboo's boolrule makes ints,
 * floats, bools, strings and tuples of them), tagged so that `1`, `1.0` and `True` stay apart
 * where Python keeps them apart (str()) and meet where Python lets them meet (==, <, sets).
 */
export type PyValue =
  | { type: "int"; value: number }
  | { type: "float"; value: number }
  | { type: "bool"; value: boolean }
  | { type: "str"; value: string }
  | { type: "list"; value: PyValue[] };

/** A Python exception raised while testing a condition; `message` is Python's `str(e)`. */
export class PyError extends Error {
  override name = "PyError";
}

export const int = (value: number): PyValue => ({ type: "int", value });
export const float = (value: number): PyValue => ({ type: "float", value });
export const bool = (value: boolean): PyValue => ({ type: "bool", value });
export const str = (value: string): PyValue => ({ type: "str", value });
export const list = (value: PyValue[]): PyValue => ({ type: "list", value });

/** `isinstance(v, int)`: bools are ints in Python. */
export const isInt = (v: PyValue): boolean => v.type === "int" || v.type === "bool";
const isNumber = (v: PyValue): boolean => isInt(v) || v.type === "float";
const numberOf = (v: PyValue): number => (v.type === "bool" ? (v.value ? 1 : 0) : (v.value as number));

/** Python's type name, as TypeError messages print it. */
export const typeName = (v: PyValue): string => v.type;

/** Python's `repr()` of a float: shortest round-trip digits, exponent form outside 1e-4 ≤ |x| < 1e16. */
export function floatRepr(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  if (value === 0) return Object.is(value, -0) ? "-0.0" : "0.0";
  const [mantissa = "0", exponentText = "0"] = value.toExponential().split("e");
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace("-", "").replace(".", "");
  const sign = negative ? "-" : "";
  if (exponent < -4 || exponent >= 16) {
    const head = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const magnitude = String(Math.abs(exponent)).padStart(2, "0");
    return `${sign}${head}e${exponent < 0 ? "-" : "+"}${magnitude}`;
  }
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  const whole = digits.padEnd(exponent + 1, "0");
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole.slice(0, exponent + 1)}.${fraction || "0"}`;
}

/** Python's `repr()`. */
export function repr(v: PyValue): string {
  switch (v.type) {
    case "str":
      return pyString(v.value);
    case "list":
      return `[${v.value.map(repr).join(", ")}]`;
    default:
      return toStr(v);
  }
}

/** Python's `str()`. */
export function toStr(v: PyValue): string {
  switch (v.type) {
    case "str":
      return v.value;
    case "int":
      return String(v.value);
    case "float":
      return floatRepr(v.value);
    case "bool":
      return v.value ? "True" : "False";
    case "list":
      return repr(v);
  }
}

const INT_LITERAL = /^\s*[+-]?\d+(?:_\d+)*\s*$/;

/** Python's `int()`. */
export function toInt(v: PyValue): PyValue {
  switch (v.type) {
    case "int":
      return v;
    case "bool":
      return int(v.value ? 1 : 0);
    case "float":
      if (!Number.isFinite(v.value)) {
        throw new PyError(
          Number.isNaN(v.value)
            ? "cannot convert float NaN to integer"
            : "cannot convert float infinity to integer",
        );
      }
      return int(Math.trunc(v.value));
    case "str":
      if (!INT_LITERAL.test(v.value)) {
        throw new PyError(`invalid literal for int() with base 10: ${pyString(v.value)}`);
      }
      return int(Number.parseInt(v.value.replace(/_/g, ""), 10));
    case "list":
      throw new PyError("int() argument must be a string, a bytes-like object or a real number, not 'list'");
  }
}

/** Python's `==`. */
export function equals(a: PyValue, b: PyValue): boolean {
  if (isNumber(a) && isNumber(b)) return numberOf(a) === numberOf(b);
  if (a.type === "str" && b.type === "str") return a.value === b.value;
  if (a.type === "list" && b.type === "list") {
    return (
      a.value.length === b.value.length && a.value.every((item, i) => equals(item, b.value[i] as PyValue))
    );
  }
  return false;
}

/** Python's ordering operators; mixed types raise TypeError as in Python 3. */
export function compare(op: "<" | "<=" | ">" | ">=", a: PyValue, b: PyValue): boolean {
  const order = ordering(op, a, b);
  switch (op) {
    case "<":
      return order < 0;
    case "<=":
      return order <= 0;
    case ">":
      return order > 0;
    case ">=":
      return order >= 0;
  }
}

function ordering(op: string, a: PyValue, b: PyValue): number {
  if (isNumber(a) && isNumber(b)) return Math.sign(numberOf(a) - numberOf(b));
  if (a.type === "str" && b.type === "str") return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  if (a.type === "list" && b.type === "list") {
    for (let i = 0; i < Math.min(a.value.length, b.value.length); i += 1) {
      const [x, y] = [a.value[i] as PyValue, b.value[i] as PyValue];
      if (!equals(x, y)) return ordering(op, x, y);
    }
    return Math.sign(a.value.length - b.value.length);
  }
  throw new PyError(`'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

/** Python's `item in container`. */
export function contains(container: PyValue, item: PyValue): boolean {
  if (container.type === "list") return container.value.some((member) => equals(member, item));
  if (container.type === "str") {
    if (item.type !== "str") {
      throw new PyError(`'in <string>' requires string as left operand, not ${typeName(item)}`);
    }
    return container.value.includes(item.value);
  }
  throw new PyError(`argument of type '${typeName(container)}' is not iterable`);
}

/** The members of Python's `set(v)`. */
function members(v: PyValue): PyValue[] {
  if (v.type === "str") return [...v.value].map(str);
  if (v.type !== "list") throw new PyError(`'${typeName(v)}' object is not iterable`);
  const unhashable = v.value.find((item) => item.type === "list");
  if (unhashable) throw new PyError("unhashable type: 'list'");
  return v.value;
}

/** Python's `set(a).issuperset(set(b))`. */
export function isSuperset(a: PyValue, b: PyValue): boolean {
  const mine = members(a);
  return members(b).every((item) => mine.some((member) => equals(member, item)));
}
