/** The request body as bk-sops' decorators see it. */
export type Body = { kind: "empty" } | { kind: "invalid" } | { kind: "json"; value: unknown };

/**
 * Python's json.loads gives up (RecursionError) past its recursion limit, about 1,000 levels,
 * and bk-sops answers that body "invalid param format"; so does this, before anything recursive
 * (validation, messages, serialisation) can meet such a value.
 */
export const MAX_JSON_DEPTH = 1000;

/** Parses a raw body: `""` is empty (bk-sops reads it as `{}`); anything not JSON is invalid. */
export function parseBody(raw: string): Body {
  if (raw.length === 0) return { kind: "empty" };
  if (nestingDepth(raw) > MAX_JSON_DEPTH) return { kind: "invalid" };
  try {
    return { kind: "json", value: JSON.parse(raw) };
  } catch {
    return { kind: "invalid" };
  }
}

/** The deepest bracket nesting of JSON text, strings skipped; linear and without recursion. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i += 1;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (char === 0x5d || char === 0x7d) depth -= 1;
  }
  return deepest;
}
