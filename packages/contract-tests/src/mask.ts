/** Body and header keys whose values are secrets. */
export const SECRET_KEYS = new Set([
  "bk_app_secret",
  "app_secret",
  "bk_token",
  "access_token",
  "bk_signature",
]);
export const MASK = "***";

function maskValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskValue);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, SECRET_KEYS.has(key) ? MASK : maskValue(item)]),
  );
}

/** The JSON text with every secret-keyed value replaced by `***`; other text unchanged. */
export function maskJsonText(text: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null) return text;
    return JSON.stringify(maskValue(parsed));
  } catch {
    return text;
  }
}

/**
 * Replaces every occurrence of the given secrets in a text (for output that is not JSON).
 * Values shorter than 3 characters are left alone: masking every "t" would garble the output,
 * and secret-keyed values are masked structurally anyway.
 */
export function secretMasker(secrets: Array<string | undefined>): (text: string) => string {
  // Longest first, so a secret that contains another is masked whole.
  const list = [...new Set(secrets.filter((s): s is string => !!s && s.length >= 3))].sort(
    (a, b) => b.length - a.length,
  );
  return (text) => list.reduce((out, secret) => out.split(secret).join(MASK), text);
}
