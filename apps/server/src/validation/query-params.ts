/**
 * bk-sops reads the options of its GET APIs with Django REST framework serializers
 * (`gcloud/apigw/serializers.py`). These helpers read a query string the same way and give the
 * same error texts, in bk-sops' default language (zh-hans, `LANGUAGE_CODE`).
 */

const TRUE = new Set(["t", "y", "yes", "true", "on", "1"]);
const FALSE = new Set(["f", "n", "no", "false", "off", "0"]);

/** Field errors by field name, in declaration order: the `message` of an invalid request. */
export type FieldErrors = Record<string, string[]>;

/** A DRF `BooleanField(required=False, default=False)` read from a query string. */
export function queryBoolean(query: Record<string, string>, name: string, errors: FieldErrors): boolean {
  const raw = query[name];
  // A query string is HTML input for DRF: a missing or empty field takes the default.
  if (raw === undefined || raw === "") return false;
  const value = raw.toLowerCase();
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  errors[name] = ["必须是有效的布尔值。"];
  return false;
}

/** A DRF `ChoiceField(required=False, choices, default)` read from a query string. */
export function queryChoice<T extends string>(
  query: Record<string, string>,
  name: string,
  choices: readonly T[],
  fallback: T,
  errors: FieldErrors,
): T {
  const raw = query[name];
  if (raw === undefined || raw === "") return fallback;
  if ((choices as readonly string[]).includes(raw)) return raw as T;
  errors[name] = [`“${raw}” 不是合法选项。`];
  return fallback;
}
