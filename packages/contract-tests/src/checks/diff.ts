import type { Difference } from "../types.js";

type Json = Record<string, unknown>;

/** True for a plain JSON object (not an array, not null). */
export const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const kind = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);

/** Appends to `out` every place where `actual` differs from `expected`, exactly. */
export function diffValues(
  expected: unknown,
  actual: unknown,
  path: string,
  out: Difference[],
): Difference[] {
  if (kind(expected) !== kind(actual)) {
    out.push({ path, note: `expected ${kind(expected)}, got ${kind(actual)}`, expected, actual });
  } else if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) {
      out.push({ path, note: `expected ${expected.length} item(s), got ${actual.length}`, expected, actual });
    } else {
      expected.forEach((item, index) => {
        diffValues(item, actual[index], `${path}[${index}]`, out);
      });
    }
  } else if (isObject(expected) && isObject(actual)) {
    for (const key of Object.keys(expected)) {
      const at = path ? `${path}.${key}` : key;
      if (!(key in actual)) out.push({ path: at, note: "missing", expected: expected[key] });
      else diffValues(expected[key], actual[key], at, out);
    }
    for (const key of Object.keys(actual)) {
      if (!(key in expected))
        out.push({ path: path ? `${path}.${key}` : key, note: "not documented", actual: actual[key] });
    }
  } else if (expected !== actual) {
    out.push({ path, note: "differs", expected, actual });
  }
  return out;
}

/** A short, one-line JSON rendering of a value for diffs and reasons. */
export function brief(value: unknown, max = 160): string {
  const text = value === undefined ? "(absent)" : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A readable diff: per difference `- expected` / `+ actual` (`(absent)` where one side has nothing), then its detail. */
export function renderDiff(differences: Difference[]): string {
  return differences
    .map((d) => {
      const lines = [`@ ${d.path || "(body)"}: ${d.note}`];
      const missing = d.note === "missing";
      const extra = d.note === "not documented";
      if ("expected" in d || missing || extra) lines.push(`- ${extra ? "(absent)" : brief(d.expected, 400)}`);
      if ("actual" in d || missing || extra) lines.push(`+ ${missing ? "(absent)" : brief(d.actual, 400)}`);
      if (d.detail) lines.push(d.detail.replace(/^/gm, "    "));
      return lines.join("\n");
    })
    .join("\n");
}
