import type { Identity } from "./types.js";

export const MASK = "***";

/** The environment variable a secret is read from, written where the secret would be: `$NAME`. */
const PLACEHOLDER = /\$BK_SOPS_CONTRACT_[A-Z_]+/g;

/** Each configured secret and the `$VARIABLE` that stands for it in recorded requests. */
export function secretPlaceholders(identity: Identity): Array<[secret: string, placeholder: string]> {
  const pairs: Array<[string | undefined, string]> = [
    [identity.credentials.appSecret, "$BK_SOPS_CONTRACT_APP_SECRET"],
    [identity.credentials.bkToken, "$BK_SOPS_CONTRACT_BK_TOKEN"],
    [identity.trustedCredentials?.appSecret, "$BK_SOPS_CONTRACT_TRUSTED_APP_SECRET"],
    [identity.trustedCredentials?.bkToken, "$BK_SOPS_CONTRACT_BK_TOKEN"],
    [identity.unprivilegedBkToken, "$BK_SOPS_CONTRACT_UNPRIVILEGED_BK_TOKEN"],
  ];
  // Values shorter than 3 characters are left alone: replacing every "t" would garble the text.
  return pairs.filter((pair): pair is [string, string] => !!pair[0] && pair[0].length >= 3);
}

/**
 * Replaces every configured secret in a recorded text (raw, JSON-escaped or URL-encoded) by its
 * placeholder, longest first so a secret that contains another is replaced whole.
 */
export function placeholderMasker(pairs: Array<[string, string]>): (text: string) => string {
  const variants = pairs.flatMap(([secret, placeholder]) =>
    [secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)].map(
      (form) => [form, placeholder] as const,
    ),
  );
  variants.sort((a, b) => b[0].length - a[0].length);
  return (text) => variants.reduce((out, [form, placeholder]) => out.split(form).join(placeholder), text);
}

/**
 * Replaces every occurrence of the given secrets in a text (the last guard of every output).
 * Values shorter than 3 characters are left alone.
 */
export function secretMasker(secrets: Array<string | undefined>): (text: string) => string {
  const list = [...new Set(secrets.filter((s): s is string => !!s && s.length >= 3))].sort(
    (a, b) => b.length - a.length,
  );
  return (text) => list.reduce((out, secret) => out.split(secret).join(MASK), text);
}

/**
 * A shell word in double quotes in which the recorded placeholders expand from the environment
 * and everything else is literal (`\`, `"`, `` ` `` and every other `$` escaped).
 */
export function shellQuote(text: string): string {
  let out = "";
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    out += `${escapeForDoubleQuotes(text.slice(last, match.index))}\${${match[0].slice(1)}}`;
    last = (match.index ?? 0) + match[0].length;
  }
  return `"${out}${escapeForDoubleQuotes(text.slice(last))}"`;
}

const escapeForDoubleQuotes = (text: string) => text.replace(/[\\"`$]/g, (char) => `\\${char}`);
