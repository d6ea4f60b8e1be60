/**
 * Python's `repr()` and a close cousin of `pprint.pformat(width=72, sort_dicts=False)` for
 * JSON values, so validation messages read exactly like bk-sops' (jsonschema's `str(error)`).
 */

/** `repr()` of a JSON value as Python prints the object `json.loads` would make of it. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return pyNumber(value);
  if (typeof value === "string") return pyString(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(", ")}]`;
  if (typeof value === "object") {
    const items = Object.entries(value as Record<string, unknown>).map(
      ([key, item]) => `${pyString(key)}: ${pyRepr(item)}`,
    );
    return `{${items.join(", ")}}`;
  }
  return pyString(String(value));
}

function pyNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return String(value);
  if (!Number.isFinite(value)) return value > 0 ? "inf" : value < 0 ? "-inf" : "nan";
  const text = String(value);
  return text.includes("e") ? text.replace(/e([+-])(\d)$/, "e$10$2") : text;
}

const ESCAPES: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** Python's string repr: single quotes unless the text has a ' and no ". */
export function pyString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (ESCAPES[char]) out += ESCAPES[char];
    else if (char === quote) out += `\\${quote}`;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += char;
  }
  return out + quote;
}

/** pprint-style: the repr when it fits in `width`, else one item per line, nested alike. */
export function pyFormat(value: unknown, width = 72, indent = 0): string {
  const flat = pyRepr(value);
  if (flat.length + indent <= width || value === null || typeof value !== "object") return flat;
  const inner = indent + 1;
  const pad = " ".repeat(inner);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[${value.map((item) => pyFormat(item, width, inner)).join(`,\n${pad}`)}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return "{}";
  const lines = entries.map(([key, item]) => {
    const head = `${pyString(key)}: `;
    return head + pyFormat(item, width, inner + head.length);
  });
  return `{${lines.join(`,\n${pad}`)}}`;
}
