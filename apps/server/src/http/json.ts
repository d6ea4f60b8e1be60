/**
 * Answers as Django's `JsonResponse` writes them. A view's dict may hold `RawJson` values: JSON
 * text already serialised (a task's tree is serialised once, for its row and its answer).
 */

/** JSON text spliced into an answer as it is. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON.stringify of a view's result, with `RawJson` values inserted verbatim, ASCII-escaped. */
export function encodeAnswer(value: unknown): string {
  return asciiJson(encode(value));
}

function encode(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return JSON.stringify(value) ?? "null";
  let out = "";
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    out += `${out ? "," : ""}${JSON.stringify(key)}:${encode(item)}`;
  }
  return `{${out}}`;
}

/** Django's JsonResponse escapes every non-ASCII character as `\uXXXX`; so does this. */
export function asciiJson(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
