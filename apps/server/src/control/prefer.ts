import { ScenarioError } from "./scenario-error.js";

/**
 * The scenario preferences a request may carry in `Prefer` (RFC 7240): `code=N`, `example=NAME`
 * (the names Prism reads too) and `delay=MS`. Other preferences (`return=…`, Prism's
 * `dynamic=…`) are not ours and are ignored, as the RFC asks; a preference given twice counts
 * once, the first time (RFC 7240 §2).
 */
export interface ScenarioPreferences {
  code?: number;
  example?: string;
  delay?: number;
}

/** Statuses a request may ask for: a forced answer is a real HTTP answer with a body. */
export const MIN_CODE = 200;
export const MAX_CODE = 599;
/** The longest `delay` (ms): a request cannot hold a connection longer than this on purpose. */
export const MAX_DELAY_MS = 60_000;

/**
 * Reads the scenario preferences of a `Prefer` header (several headers arrive joined by `, `).
 * Returns `undefined` when it holds none of ours; throws ScenarioError on a value we cannot use.
 */
export function parsePrefer(header: string): ScenarioPreferences | undefined {
  let found: ScenarioPreferences | undefined;
  for (const item of splitOutsideQuotes(header, ",")) {
    // `name=value; param=…`: parameters of a preference are not used by ours.
    const [head = ""] = splitOutsideQuotes(item, ";");
    const equals = head.indexOf("=");
    const name = (equals === -1 ? head : head.slice(0, equals)).trim().toLowerCase();
    if (name !== "code" && name !== "example" && name !== "delay") continue;
    found ??= {};
    if (found[name] !== undefined) continue;
    const value = equals === -1 ? "" : unquote(head.slice(equals + 1).trim());
    if (name === "example") found.example = readExample(value);
    else if (name === "code") found.code = readInteger("code", value, MIN_CODE, MAX_CODE);
    else found.delay = readInteger("delay", value, 0, MAX_DELAY_MS);
  }
  return found;
}

function readExample(value: string): string {
  if (value === "")
    throw new ScenarioError("Prefer: example needs the name of one of the operation's examples");
  return value;
}

function readInteger(name: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (!/^[0-9]+$/.test(value) || number < min || number > max) {
    const unit = name === "delay" ? " (milliseconds)" : "";
    throw new ScenarioError(
      `Prefer: ${name} must be an integer from ${min} to ${max}${unit}, got ${JSON.stringify(value)}`,
    );
  }
  return number;
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(.)/g, "$1");
  }
  return value;
}

/** Splits on `separator` where it is not inside a quoted string. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === "\\" && quoted) i += 1;
    else if (char === '"') quoted = !quoted;
    else if (char === separator && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
