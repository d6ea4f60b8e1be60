import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Form } from "./types.js";

/** Bad usage: the CLI prints the message on one line and exits 2. */
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
  "timeout",
  "report-dir",
  "config",
] as const;
const BOOLEANS = ["allow-writes", "demo-data", "no-color", "list", "help"] as const;
const LISTS = ["only", "skip"] as const;
type Key = (typeof STRINGS)[number] | (typeof BOOLEANS)[number] | (typeof LISTS)[number];

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
  demoData: boolean;
  allowWrites: boolean;
  only: string[];
  skip: string[];
  timeoutMs: number;
  reportDir?: string;
  color?: boolean;
  list: boolean;
  help: boolean;
}

/** The environment variable of a flag: `--app-secret` → `BK_SOPS_CONTRACT_APP_SECRET`. */
export const envName = (flag: string) => `BK_SOPS_CONTRACT_${flag.toUpperCase().replace(/-/g, "_")}`;

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function readConfigFile(path: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new UsageError(`cannot read config file ${path}: ${(error as Error).message.split("\n")[0]}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new UsageError(`config file ${path} is not a JSON object`);
  return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [kebab(key), value]));
}

function parseFlags(argv: string[]): Record<string, unknown> {
  const options = Object.fromEntries([
    ...STRINGS.map((k) => [k, { type: "string" as const }]),
    ...BOOLEANS.map((k) => [k, { type: "boolean" as const }]),
    ...LISTS.map((k) => [k, { type: "string" as const, multiple: true }]),
  ]);
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0] ?? "bad arguments");
  }
}

/** Reads flags, then the environment, then the config file; throws UsageError listing every problem. */
export function resolveConfig(argv: string[], env: NodeJS.ProcessEnv = process.env): Config {
  const flags = parseFlags(argv);
  const configPath = (flags.config as string | undefined) ?? env[envName("config")];
  const file = configPath ? readConfigFile(configPath) : {};
  const raw = (key: Key): unknown => flags[key] ?? env[envName(key)] ?? file[key];
  const text = (key: Key) => {
    const value = raw(key);
    return value === undefined || value === "" ? undefined : String(value);
  };
  const bool = (key: Key) => [true, "1", "true", "yes"].includes(raw(key) as string | boolean);
  const list = (key: Key) => {
    const value = raw(key);
    const items = Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];
    return items
      .flatMap((item) => item.split(","))
      .map((item) => item.trim())
      .filter(Boolean);
  };
  const problems: string[] = [];
  const target = text("target");
  if (target && target !== "prism" && target !== "reference")
    problems.push(`--target must be prism or reference, not ${target}`);
  const form = text("form") ?? "esb";
  if (form !== "esb" && form !== "gateway") problems.push(`--form must be esb or gateway, not ${form}`);
  const timeout = Number(text("timeout") ?? 10_000);
  if (!Number.isInteger(timeout) || timeout <= 0)
    problems.push(`--timeout must be a positive number of milliseconds, not ${text("timeout")}`);
  const bases: Partial<Record<Form, string>> = { esb: text("esb-url"), gateway: text("gateway-url") };
  const baseUrl = text("base-url");
  if (baseUrl) bases[form as Form] = baseUrl;
  for (const url of Object.values(bases)) if (url && !URL.canParse(url)) problems.push(`not a URL: ${url}`);
  const hasUrl = Object.values(bases).some(Boolean);
  if (target && hasUrl) problems.push("give either --target or --base-url, not both");
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
    demoData: bool("demo-data"),
    allowWrites: bool("allow-writes"),
    only: list("only"),
    skip: list("skip"),
    timeoutMs: timeout,
    reportDir: text("report-dir"),
    color: bool("no-color") ? false : undefined,
    list: bool("list"),
    help: bool("help"),
  };
  if (config.help || config.list) return config;
  if (!target && !hasUrl) problems.push("give --base-url URL (or --target prism|reference)");
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
  if (problems.length > 0) throw new UsageError(problems.join("; "));
  return config;
}
