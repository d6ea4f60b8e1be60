// How a JSON value is written in each sample's language, indented under its line.

/** Single-quotes `text` for a POSIX shell. */
export const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/** `value` as a JSON (and TypeScript) literal, its lines after the first indented by `indent`. */
export function jsonLiteral(value: unknown, indent = ""): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}

/** `value` as a Python literal (dicts, lists, str, int, float, True/False/None). */
export function pythonLiteral(value: unknown, indent = ""): string {
  const inner = `${indent}    `;
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  // JSON's string escapes are all valid in Python string literals.
  if (typeof value === "string" || typeof value === "number") return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((item) => `${inner}${pythonLiteral(item, inner)},`).join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return "{}";
  const lines = entries.map(
    ([key, item]) => `${inner}${JSON.stringify(key)}: ${pythonLiteral(item, inner)},`,
  );
  return `{\n${lines.join("\n")}\n${indent}}`;
}
