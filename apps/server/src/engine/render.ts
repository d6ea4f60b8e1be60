import type { Constant } from "@bksops/domain";
import { isPlainObject, pyRepr, pyStr, segmentNames } from "@bksops/domain";
import { floatRepr } from "./py-values.js";

/**
 * bamboo's template rendering (bamboo_engine/template), as far as a simulation needs it: a
 * `${name}` segment is replaced by Python's `str()` of the value; a segment Mako would have to
 * evaluate (`${a + 1}`, `${x.upper()}`, filters) is left as written, which is also what bamboo
 * does with any segment whose evaluation fails.
 */

/** bamboo's TEMPLATE_PATTERN: `${...}` without `$`, `{`, `}` or `#` inside. */
const TEMPLATE = /\$\{[^${}#]+\}/g;
const PLAIN_NAME = /^\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}$/;

/** Python's `str()` of a JSON value, as Mako prints it into text. */
export function makoStr(value: unknown): string {
  if (typeof value === "number" && !Number.isInteger(value)) return floatRepr(value);
  if (typeof value === "object" && value !== null) return pyRepr(value);
  return pyStr(value);
}

/** The distinct `${...}` segments of a string, as bamboo finds them. */
export const segmentsOf = (text: string): string[] => [...new Set(text.match(TEMPLATE) ?? [])];

/**
 * bamboo's `Template(value).render(context)` (keys without `${}`): strings are rendered, lists and
 * dicts rendered item by item. A string that is exactly one segment naming a context key gives
 * that value itself, not its text.
 */
export function render(value: unknown, context: Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((item) => render(item, context));
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, render(item, context)]));
  }
  if (typeof value !== "string") return value;
  const segments = segmentsOf(value);
  if (segments.length === 1 && segments[0] === value) {
    const key = value.slice(2, -1);
    if (Object.hasOwn(context, key)) return context[key];
  }
  let text = value;
  for (const segment of segments) {
    const name = PLAIN_NAME.exec(segment)?.[1];
    if (name === undefined || !Object.hasOwn(context, name)) continue;
    text = text.split(segment).join(makoStr(context[name]));
  }
  return text;
}

/** The constant keys (`${name}`) a value refers to, as bamboo's `get_reference()` reports them. */
export function referencesOf(value: unknown): string[] {
  const found = new Set<string>();
  const walk = (item: unknown) => {
    if (typeof item === "string") {
      for (const segment of segmentsOf(item))
        for (const name of segmentNames(segment)) found.add(`\${${name}}`);
    } else if (Array.isArray(item)) item.forEach(walk);
    else if (isPlainObject(item)) Object.values(item).forEach(walk);
  };
  walk(value);
  return [...found];
}

/** bamboo's `transform_escape_char`: raw newlines and tabs become `\n`, `\t` unless already escaped. */
export function escapeControls(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const escapes: Array<[string, string]> = [
    ["\n", "\\n"],
    ["\r", "\\r"],
    ["\t", "\\t"],
  ];
  if (escapes.some(([, escaped]) => value.includes(escaped))) return value;
  return escapes.reduce((text, [raw, escaped]) => text.split(raw).join(escaped), value);
}

/** The context could not be built: bamboo's hydrate raised (a constant that refers to itself). */
export class HydrateError extends Error {
  override name = "HydrateError";
}

// Python's default recursion limit is 1000 frames; a chain of references this deep is a loop.
const MAX_DEPTH = 200;

/**
 * bamboo's `Context.hydrate(deformat=True)` over the context values `keys` refer to, directly or
 * through other values: `constants` are splice values (each string rendered with the others),
 * `plain` ones are taken as they are and refer to nothing (bamboo's PLAIN context values: what a
 * subprocess was given, what a node wrote out). A plain value stands in for a constant of the same
 * key. Keys come back without `${}`, in the order of the constants, then the plain values'.
 */
export function hydrate(
  constants: Record<string, Constant>,
  keys: Iterable<string>,
  plain: Record<string, unknown> = {},
): Record<string, unknown> {
  const known = (key: string) => Object.hasOwn(plain, key) || Object.hasOwn(constants, key);
  const pool = new Set<string>();
  const pending = [...keys];
  while (pending.length > 0) {
    const key = pending.pop() as string;
    if (pool.has(key) || !known(key)) continue;
    pool.add(key);
    if (!Object.hasOwn(plain, key)) pending.push(...referencesOf(constants[key]?.value));
  }
  const resolve = (key: string, depth: number): unknown => {
    if (Object.hasOwn(plain, key)) return plain[key];
    if (depth > MAX_DEPTH)
      throw new HydrateError("maximum recursion depth exceeded while calling a Python object");
    const value = constants[key]?.value;
    const context: Record<string, unknown> = {};
    for (const ref of referencesOf(value))
      if (pool.has(ref)) context[ref.slice(2, -1)] = resolve(ref, depth + 1);
    return render(value, context);
  };
  const hydrated: Record<string, unknown> = {};
  for (const key of [...Object.keys(constants), ...Object.keys(plain)]) {
    if (pool.has(key) && !Object.hasOwn(hydrated, key.slice(2, -1)))
      hydrated[key.slice(2, -1)] = resolve(key, 0);
  }
  return hydrated;
}

/** Python's `json.dumps(value)` with its defaults: `", "` and `": "` separators, ASCII only. */
export function pyJsonDumps(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value === true) return "true";
  if (value === false) return "false";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : floatRepr(value);
  if (typeof value === "string") {
    return JSON.stringify(value).replace(
      /[\u0080-\uffff]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
  }
  if (Array.isArray(value)) return `[${value.map(pyJsonDumps).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{${entries.map(([key, item]) => `${pyJsonDumps(key)}: ${pyJsonDumps(item)}`).join(", ")}}`;
}
