import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadSpec } from "@bksops/api-types";
import { operationPathIn } from "./operations.js";
import type { Form } from "./types.js";

/** Bad usage: the CLI prints the message and exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

const STRINGS = [
  "base-url",
  "esb-url",
  "gateway-url",
  "target",
  "form",
  "app-code",
  "app-secret",
  "bk-token",
  "username",
  "biz-id",
  "template-id",
  "template-source",
  "common-template-id",
  "trusted-app-code",
  "trusted-app-secret",
  "unprivileged-bk-token",
  "example-templates",
  "timeout",
  "max-skipped",
  "max-latency-ms",
  "max-exclusions",
  "report-dir",
  "config",
] as const;
const BOOLEANS = [
  "allow-writes",
  "allow-starts",
  "read-only",
  "fail-on-skip",
  "demo-data",
  "no-color",
  "list",
  "help",
] as const;
const LISTS = ["only", "skip"] as const;
type Key = (typeof STRINGS)[number] | (typeof BOOLEANS)[number] | (typeof LISTS)[number];
const KEYS = new Set<string>([...STRINGS, ...BOOLEANS, ...LISTS]);

/** The resolved settings of one run (flags > env `BK_SOPS_CONTRACT_*` > `--config` file). */
export interface Config {
  target?: "prism" | "reference";
  bases: Partial<Record<Form, string>>;
  form: Form;
  appCode?: string;
  appSecret?: string;
  bkToken?: string;
  username?: string;
  bizId?: string;
  templateId?: string;
  templateSource?: string;
  commonTemplateId?: string;
  trustedAppCode?: string;
  trustedAppSecret?: string;
  unprivilegedBkToken?: string;
  /** Documented template id → the deployment's id of its imported copy. */
  exampleTemplates?: Record<string, string>;
  demoData: boolean;
  allowWrites: boolean;
  allowStarts: boolean;
  readOnly: boolean;
  only: string[];
  skip: string[];
  timeoutMs: number;
  maxSkipped?: number;
  maxLatencyMs?: number;
  maxExclusions: number;
  reportDir?: string;
  color?: boolean;
  list: boolean;
  help: boolean;
}

/** The environment variable of a flag: `--app-secret` → `BK_SOPS_CONTRACT_APP_SECRET`. */
export const envName = (flag: string) => `BK_SOPS_CONTRACT_${flag.toUpperCase().replace(/-/g, "_")}`;

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * A `--config` file: a JSON object whose keys are flags' names (`app-code` or `appCode`); a key
 * that is not one of `keys` is an error. No path: no file, no keys.
 */
export function readConfigFile(
  path: string | undefined,
  keys: ReadonlySet<string> = KEYS,
): Record<string, unknown> {
  if (!path) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new UsageError(`cannot read config file ${path}: ${(error as Error).message.split("\n")[0]}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new UsageError(`config file ${path} is not a JSON object`);
  const entries = Object.entries(parsed).map(([key, value]) => [kebab(key), value] as const);
  const unknown = entries.filter(([key]) => !keys.has(key) || key === "config").map(([key]) => key);
  if (unknown.length > 0)
    throw new UsageError(
      `config file ${path}: unknown key(s) ${unknown.join(", ")} (the keys are the flags' names, e.g. "app-code" or "appCode")`,
    );
  return Object.fromEntries(entries);
}

function parseFlags(argv: string[]): Record<string, unknown> {
  return parseCommandFlags(argv, { strings: STRINGS, booleans: BOOLEANS, lists: LISTS });
}

/** A command's flags (strict, no positionals): strings, booleans, repeatable strings. */
export function parseCommandFlags(
  argv: string[],
  names: { strings: readonly string[]; booleans: readonly string[]; lists?: readonly string[] },
): Record<string, unknown> {
  const options = Object.fromEntries([
    ...names.strings.map((k) => [k, { type: "string" as const }]),
    ...names.booleans.map((k) => [k, { type: "boolean" as const }]),
    ...(names.lists ?? []).map((k) => [k, { type: "string" as const, multiple: true }]),
  ]);
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0] ?? "bad arguments");
  }
}

/**
 * Each setting read from the flags, then the environment (`BK_SOPS_CONTRACT_…`), then the config
 * file: `raw` as found, `text` (an empty value is none), `bool` (`true`, `1`, `yes`).
 */
export function layeredSettings<K extends string>(
  flags: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
  file: Record<string, unknown>,
) {
  const raw = (key: K): unknown => flags[key] ?? env[envName(key)] ?? file[key];
  const text = (key: K) => {
    const value = raw(key);
    return value === undefined || value === "" ? undefined : String(value);
  };
  const bool = (key: K) => [true, "1", "true", "yes"].includes(raw(key) as string | boolean);
  return { raw, text, bool };
}

/** `1=17,100=4` → {"1": "17", "100": "4"}; problems go to `problems`. */
function idMap(text: string | undefined, problems: string[]): Record<string, string> | undefined {
  if (!text) return undefined;
  const map: Record<string, string> = {};
  for (const item of text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^(\d+)=(\d+)$/.exec(item);
    if (match) map[match[1] as string] = match[2] as string;
    else
      problems.push(
        `--example-templates takes documented=deployed id pairs such as 1=17,100=4, not "${item}"`,
      );
  }
  return map;
}

/** Reads flags, then the environment, then the config file; throws UsageError listing every problem. */
export function resolveConfig(argv: string[], env: NodeJS.ProcessEnv = process.env): Config {
  const flags = parseFlags(argv);
  const configPath = (flags.config as string | undefined) ?? env[envName("config")];
  const file = readConfigFile(configPath);
  const { raw, text, bool } = layeredSettings<Key>(flags, env, file);
  const list = (key: Key) => {
    const value = raw(key);
    const items = Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];
    return items
      .flatMap((item) => item.split(","))
      .map((item) => item.trim())
      .filter(Boolean);
  };
  const problems: string[] = [];
  const count = (key: Key, min: number): number | undefined => {
    const value = text(key);
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min)
      problems.push(`--${key} must be an integer >= ${min}, not ${value}`);
    return parsed;
  };
  const target = text("target");
  if (target && target !== "prism" && target !== "reference")
    problems.push(`--target must be prism or reference, not ${target}`);
  const form = text("form") ?? "esb";
  if (form !== "esb" && form !== "gateway") problems.push(`--form must be esb or gateway, not ${form}`);
  const timeout = count("timeout", 1) ?? 10_000;
  const bases: Partial<Record<Form, string>> = { esb: text("esb-url"), gateway: text("gateway-url") };
  const baseUrl = text("base-url");
  if (baseUrl) bases[form as Form] = baseUrl;
  for (const url of Object.values(bases)) {
    if (!url) continue;
    if (!URL.canParse(url)) {
      problems.push(`not a URL: ${url}`);
      continue;
    }
    const operation = operationPathIn(url, loadSpec());
    if (operation)
      problems.push(
        `${url} ends in an operation path (${operation}): give the base URL, e.g. https://bkapi.example.com/api/bk-sops/prod for the gateway or https://paas.example.com for the ESB`,
      );
  }
  const hasUrl = Object.values(bases).some(Boolean);
  if (target && hasUrl) problems.push("give either --target or --base-url, not both");
  const maxSkipped = bool("fail-on-skip") ? 0 : count("max-skipped", 0);
  const config: Config = {
    target: target as Config["target"],
    bases,
    form: form as Form,
    appCode: text("app-code"),
    appSecret: text("app-secret"),
    bkToken: text("bk-token"),
    username: text("username"),
    bizId: text("biz-id"),
    templateId: text("template-id"),
    templateSource: text("template-source"),
    commonTemplateId: text("common-template-id"),
    trustedAppCode: text("trusted-app-code"),
    trustedAppSecret: text("trusted-app-secret"),
    unprivilegedBkToken: text("unprivileged-bk-token"),
    exampleTemplates: idMap(text("example-templates"), problems),
    demoData: bool("demo-data"),
    allowWrites: bool("allow-writes"),
    allowStarts: bool("allow-starts"),
    readOnly: bool("read-only"),
    only: list("only"),
    skip: list("skip"),
    timeoutMs: timeout,
    maxSkipped,
    maxLatencyMs: count("max-latency-ms", 1),
    maxExclusions: count("max-exclusions", 0) ?? 8,
    reportDir: text("report-dir"),
    color: bool("no-color") ? false : undefined,
    list: bool("list"),
    help: bool("help"),
  };
  if (config.help || config.list) {
    if (problems.length > 0) throw new UsageError(problems.join("\n"));
    return config;
  }
  if (!target && !hasUrl) problems.push("give --base-url URL (or --target prism|reference)");
  if (config.allowWrites && config.readOnly) problems.push("give --allow-writes or --read-only, not both");
  if (!!config.trustedAppCode !== !!config.trustedAppSecret)
    problems.push("give --trusted-app-code and --trusted-app-secret together");
  if (hasUrl && !config.demoData) {
    const missing: string[] = (["app-code", "app-secret", "biz-id", "template-id"] as const).filter(
      (key) => !text(key),
    );
    if (!config.bkToken && !config.username) missing.push("bk-token");
    if (missing.length > 0)
      problems.push(
        `missing ${missing.map((k) => `--${k}`).join(", ")} (or ${missing.map(envName).join(", ")})`,
      );
  }
  if (problems.length > 0) throw new UsageError(problems.join("\n"));
  return config;
}
