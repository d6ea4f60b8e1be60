import { isObject } from "./diff.js";

type Json = Record<string, unknown>;
type Container = Json | unknown[];

const kind = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);
const isContainer = (value: unknown): value is Container => isObject(value) || Array.isArray(value);

/** The keys of `container` a path segment names: `*` names them all. */
function keysOf(container: Container, segment: string): string[] {
  const all = Array.isArray(container) ? container.map((_, index) => String(index)) : Object.keys(container);
  return segment === "*" ? all : all.filter((key) => key === segment);
}

/** Calls `visit` with each pair of parents (expected, actual) and key the dotted path reaches in both. */
function visit(
  expected: unknown,
  actual: unknown,
  segments: string[],
  at: (expectedParent: Container, actualParent: Container, key: string) => void,
): void {
  const [segment, ...rest] = segments;
  if (segment === undefined || !isContainer(expected) || !isContainer(actual)) return;
  for (const key of keysOf(expected, segment)) {
    if (!(key in actual)) continue;
    if (rest.length === 0) at(expected, actual, key);
    else visit((expected as Json)[key], (actual as Json)[key], rest, at);
  }
}

/**
 * `actual` as the comparison should see it: under each `generatedKeys` path, an object keyed by
 * generated ids gets the documented keys, entry by entry in order (when both have as many
 * entries); at each `generated` path, a value of the documented JSON kind takes the documented
 * value. What differs in kind or count is left for the diff to report.
 */
export function withGeneratedValues(
  expected: unknown,
  actual: unknown,
  generated: readonly string[] = [],
  generatedKeys: readonly string[] = [],
): unknown {
  const copy = structuredClone(actual);
  const root = { value: copy };
  const wrap = (value: unknown) => ({ value });
  for (const path of generatedKeys) {
    visit(wrap(expected), root, ["value", ...path.split(".")], (want, got, key) => {
      const documented = (want as Json)[key];
      const answered = (got as Json)[key];
      if (!isObject(documented) || !isObject(answered)) return;
      const names = Object.keys(documented);
      const values = Object.values(answered);
      if (names.length !== values.length) return;
      (got as Json)[key] = Object.fromEntries(names.map((name, index) => [name, values[index]]));
    });
  }
  for (const path of generated) {
    visit(wrap(expected), root, ["value", ...path.split(".")], (want, got, key) => {
      const documented = (want as Json)[key];
      if (kind(documented) === kind((got as Json)[key])) (got as Json)[key] = structuredClone(documented);
    });
  }
  return root.value;
}
