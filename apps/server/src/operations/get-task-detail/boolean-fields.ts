/**
 * Django REST framework's BooleanField on query values: the texts it reads as true or false, and
 * its error otherwise (bk-sops answers the serializer's errors, in its default language, Chinese).
 */
const TRUE = new Set([
  "t",
  "T",
  "y",
  "Y",
  "yes",
  "Yes",
  "YES",
  "true",
  "True",
  "TRUE",
  "on",
  "On",
  "ON",
  "1",
]);
const FALSE = new Set([
  "f",
  "F",
  "n",
  "N",
  "no",
  "No",
  "NO",
  "false",
  "False",
  "FALSE",
  "off",
  "Off",
  "OFF",
  "0",
]);
export const INVALID_BOOLEAN = "必须是有效的布尔值。";

export type BooleanFields =
  | { ok: true; values: Record<string, boolean> }
  | { ok: false; errors: Record<string, string[]> };

/** The fields' values (false when absent), or the serializer's errors by field. */
export function booleanFieldErrors(query: Record<string, string>, fields: readonly string[]): BooleanFields {
  const values: Record<string, boolean> = {};
  const errors: Record<string, string[]> = {};
  for (const field of fields) {
    const text = query[field];
    if (text === undefined || FALSE.has(text)) values[field] = false;
    else if (TRUE.has(text)) values[field] = true;
    else errors[field] = [INVALID_BOOLEAN];
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, values };
}
