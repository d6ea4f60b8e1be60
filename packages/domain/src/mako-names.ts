/**
 * Which names a `${...}` segment reads, as Mako reports "undeclared identifiers" for it. bamboo uses
 * that list to find the constants a value refers to. This is a tokenizer-level reading of the Python
 * expression, not a parser: it follows Mako's visitor on the expression shapes templates use.
 */

const KEYWORDS = new Set(
  (
    "False None True and as assert async await break class continue def del elif else except finally for " +
    "from global if import in is lambda nonlocal not or pass raise return try while with yield"
  ).split(" "),
);
// Mako never reports these: Python's constants, `print`, and its own `context`.
const NEVER_REPORTED = new Set(["True", "False", "None", "print", "context"]);
// Mako's built-in escape filters (`${x | h}`) are not identifiers of the template.
const DEFAULT_ESCAPES = new Set(["x", "h", "u", "trim", "entity", "unicode", "decode", "str", "n"]);

type Token = { kind: "name" | "number" | "string" | "op"; text: string };

const NAME = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*/uy;
const NUMBER = /(?:0[xXoObB][0-9a-fA-F_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?[jJ]?)/y;
const STRING_START = /(?:[rRbBuUfF]{1,2})?("""|'''|"|')/y;
const OPERATORS = [
  "**=",
  "//=",
  ">>=",
  "<<=",
  "...",
  ":=",
  "==",
  "!=",
  "<=",
  ">=",
  "**",
  "//",
  "->",
  "<<",
  ">>",
];

/**
 * If a string literal starts at `at`, the index just past it; null when it never ends; undefined when
 * no string starts there.
 */
function stringEnd(source: string, at: number): number | null | undefined {
  STRING_START.lastIndex = at;
  const start = STRING_START.exec(source);
  if (!start) return undefined;
  const delimiter = start[1] as string;
  let end = at + start[0].length;
  while (end < source.length && !source.startsWith(delimiter, end)) {
    if (delimiter.length === 1 && source[end] === "\n") return null;
    end += source[end] === "\\" ? 2 : 1; // even raw strings cannot end on an escaped quote
  }
  return end >= source.length ? null : end + delimiter.length;
}

/** Split Python source into tokens; undefined when it cannot be Python (an unterminated string). */
function tokenize(source: string): Token[] | undefined {
  const tokens: Token[] = [];
  let at = 0;
  const match = (re: RegExp): string | undefined => {
    re.lastIndex = at;
    const m = re.exec(source);
    return m ? m[0] : undefined;
  };
  while (at < source.length) {
    const ch = source[at] as string;
    if (/\s/.test(ch) || ch === "\\") {
      at += 1;
      continue;
    }
    const end = stringEnd(source, at);
    if (end === null) return undefined;
    if (end !== undefined) {
      tokens.push({ kind: "string", text: source.slice(at, end) });
      at = end;
      continue;
    }
    const name = match(NAME);
    if (name !== undefined) {
      tokens.push({ kind: "name", text: name });
      at += name.length;
      continue;
    }
    const number = /[\d.]/.test(ch) ? match(NUMBER) : undefined;
    if (number) {
      tokens.push({ kind: "number", text: number });
      at += number.length;
      continue;
    }
    const op = OPERATORS.find((candidate) => source.startsWith(candidate, at)) ?? ch;
    tokens.push({ kind: "op", text: op });
    at += op.length;
  }
  return tokens;
}

const isOperand = (t: Token | undefined): boolean =>
  t !== undefined &&
  (t.kind === "number" || t.kind === "string" || (t.kind === "name" && !KEYWORDS.has(t.text)));

/** Names read by a Python expression (or simple statement), in the order Mako first reports them. */
export function expressionNames(source: string): string[] | undefined {
  const tokens = tokenize(source);
  if (!tokens) return undefined;
  const reported: string[] = [];
  const declared = new Set<string>();
  const brackets: string[] = [];
  // Each open lambda: its parameters and the bracket depth its body lives at.
  const lambdas: Array<{ params: Set<string>; depth: number; inBody: boolean }> = [];
  let bindingFor: number | undefined; // bracket depth of a comprehension `for` target list
  let skippingDefault = false;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const depth = brackets.length;
    if (token.kind === "op") {
      if ("([{".includes(token.text)) brackets.push(token.text);
      else if (")]}".includes(token.text)) {
        const open = brackets.pop();
        if (open === undefined || "([{".indexOf(open) !== ")]}".indexOf(token.text)) return undefined;
      }
      const lambda = lambdas[lambdas.length - 1];
      if (lambda && !lambda.inBody && token.text === ":" && depth === lambda.depth) lambda.inBody = true;
      if (lambda && !lambda.inBody && token.text === "," && depth === lambda.depth) skippingDefault = false;
      if (lambda && !lambda.inBody && token.text === "=" && depth === lambda.depth) skippingDefault = true;
      // A lambda body ends where its enclosing list item or bracket ends.
      while (lambdas.length > 0) {
        const top = lambdas[lambdas.length - 1] as { depth: number; inBody: boolean };
        const closes =
          brackets.length < top.depth || (top.inBody && token.text === "," && depth === top.depth);
        if (!closes) break;
        lambdas.pop();
      }
      continue;
    }
    if (isOperand(token) && isOperand(prev) && !(token.kind === "string" && prev?.kind === "string")) {
      return undefined; // two operands in a row: Python rejects it, and so Mako reports nothing
    }
    if (token.kind !== "name") continue;
    const lambda = lambdas[lambdas.length - 1];
    if (token.text === "lambda") {
      lambdas.push({ params: new Set(), depth, inBody: false });
      skippingDefault = false;
      continue;
    }
    if (token.text === "for") bindingFor = depth;
    if (token.text === "in" && bindingFor === depth) bindingFor = undefined;
    if (KEYWORDS.has(token.text)) continue;
    if (prev?.kind === "op" && prev.text === ".") continue; // attribute, not a variable
    if (lambda && !lambda.inBody) {
      // Mako counts plain parameters as local and does not visit their defaults.
      const starred = prev?.kind === "op" && (prev.text === "*" || prev.text === "**");
      if (!skippingDefault && !starred) lambda.params.add(token.text);
      continue;
    }
    if (next?.kind === "op" && next.text === "=" && (depth > 0 || i === 0)) {
      if (depth === 0) declared.add(token.text); // `${a = b}` assigns: Mako compiles statements too
      continue; // keyword argument name
    }
    if (bindingFor !== undefined || (next?.kind === "op" && next.text === ":=")) {
      declared.add(token.text);
      continue;
    }
    if (lambdas.some((l) => l.params.has(token.text))) continue;
    if (declared.has(token.text) || NEVER_REPORTED.has(token.text)) continue;
    if (!reported.includes(token.text)) reported.push(token.text);
  }
  return brackets.length === 0 ? reported : undefined;
}

/** Where the Python part of `${...}` ends: the `|` that starts filters, or the closing `}`. */
function splitExpression(segment: string): { code: string; filters: string | undefined } | undefined {
  let depth = 0;
  let pipe: number | undefined;
  let at = 2;
  while (at < segment.length) {
    const end = stringEnd(segment, at);
    if (end === null) return undefined;
    if (end !== undefined) {
      at = end;
      continue;
    }
    const ch = segment[at] as string;
    if (ch === "}" && depth === 0) {
      if (pipe === undefined) return { code: segment.slice(2, at), filters: undefined };
      return { code: segment.slice(2, pipe), filters: segment.slice(pipe + 1, at) };
    }
    if ("([{".includes(ch)) depth += 1;
    else if (")]}".includes(ch)) depth -= 1;
    else if (ch === "|" && depth === 0 && pipe === undefined) pipe = at;
    at += 1;
  }
  return undefined;
}

/**
 * The undeclared names of one `${...}` segment as Mako reports them: `${a}` → [a];
 * `${a + int(b)}` → [a, int, b]; `${obj.attr}` → [obj]; `${"x"}` → []. A segment Mako cannot parse
 * yields [] (bamboo logs it and treats it as referencing nothing).
 */
export function segmentNames(segment: string): string[] {
  if (!segment.startsWith("${")) return [];
  const parts = splitExpression(segment);
  if (!parts) return [];
  const names = expressionNames(parts.code.trim());
  if (!names) return [];
  if (parts.filters === undefined) return names;
  const filterNames = expressionNames(`(${parts.filters})`);
  if (!filterNames) return [];
  for (const name of filterNames) if (!DEFAULT_ESCAPES.has(name) && !names.includes(name)) names.push(name);
  return names;
}

const SEGMENT = /\$\{[^$#]+\}/g;

/** Every `${...}` segment in a string, as bamboo's TEMPLATE_PATTERN finds them. */
export function templateSegments(text: string): string[] {
  return text.match(SEGMENT) ?? [];
}
