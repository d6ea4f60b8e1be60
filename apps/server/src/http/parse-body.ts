import { MAX_JSON_DEPTH, nestingDepth } from "@bksops/domain";

/** The request body as bk-sops' decorators see it. */
export type Body = { kind: "empty" } | { kind: "invalid" } | { kind: "json"; value: unknown };

/**
 * Parses a raw body: `""` is empty (bk-sops reads it as `{}`); anything not JSON is invalid, and
 * so is JSON nested deeper than Python's json.loads can read (MAX_JSON_DEPTH).
 */
export function parseBody(raw: string): Body {
  if (raw.length === 0) return { kind: "empty" };
  if (nestingDepth(raw) > MAX_JSON_DEPTH) return { kind: "invalid" };
  try {
    return { kind: "json", value: JSON.parse(raw) };
  } catch {
    return { kind: "invalid" };
  }
}
