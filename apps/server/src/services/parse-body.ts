/** The request body as bk-sops' decorators see it. */
export type Body =
  | { kind: "empty" }
  | { kind: "invalid" }
  | { kind: "json"; value: unknown };

/** Parses a raw body: `""` is empty (bk-sops reads it as `{}`); anything not JSON is invalid. */
export function parseBody(raw: string): Body {
  if (raw.length === 0) return { kind: "empty" };
  try {
    return { kind: "json", value: JSON.parse(raw) };
  } catch {
    return { kind: "invalid" };
  }
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
