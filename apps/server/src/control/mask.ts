/**
 * Masking of credentials in what the journal shows. The journal keeps requests as they arrived
 * and masks when it is read, so recording a request costs nothing.
 */
import { SECRET_KEYS } from "@bksops/domain";

export const MASK = "***";

/** A copy of a JSON value with the value of every secret key, at any depth, masked. */
export function maskValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskValue);
  if (value === null || typeof value !== "object") return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SECRET_KEYS.has(key) ? MASK : maskValue(item);
  }
  return copy;
}

const SECRET_ALTERNATIVES = [...SECRET_KEYS].join("|");
// `"bk_token": "…"` in text that is not valid JSON (a truncated or malformed body or header).
const JSON_PAIR = new RegExp(
  `("(?:${SECRET_ALTERNATIVES})"\\s*:\\s*)("(?:[^"\\\\]|\\\\.)*"|[^,}\\]\\s]+)`,
  "g",
);
// `bk_token=…` in a form-encoded body or a cookie header.
const FORM_PAIR = new RegExp(`(^|[&;\\s])((?:${SECRET_ALTERNATIVES})=)([^&;]*)`, "g");

/** Text that may hold secrets: parsed and masked when it is JSON, else masked where they look like pairs. */
export function maskText(text: string): unknown {
  try {
    return maskValue(JSON.parse(text));
  } catch {
    return text.replace(JSON_PAIR, `$1"${MASK}"`).replace(FORM_PAIR, `$1$2${MASK}`);
  }
}

/** A header value that may hold secrets, as text: JSON objects are masked and re-encoded. */
export function maskHeader(value: string): string {
  const masked = maskText(value);
  return typeof masked === "string" ? masked : JSON.stringify(masked);
}
