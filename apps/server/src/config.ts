import type { EngineTiming } from "./engine/timing.js";

/** Server configuration, read from the environment in this one place and checked all at once. */
export interface Config {
  port: number;
  host: string;
  databasePath: string;
  /** The base of `task_url`; always ends with `/` (bk-sops' APP_HOST). */
  bkSopsHost: string;
  templatesDir: string | undefined;
  logLevel: LogLevel;
  /** Origins allowed by CORS; `["*"]` allows any. */
  corsOrigins: string[];
  /** Load the demo data at start (`DEMO_DATA=0` turns it off). */
  demoData: boolean;
  /**
   * Scenario control (`Prefer`, rules, journal, reset, snapshots, uploads under `/_bksops/`):
   * `CONTROL_API=auto` (the default) turns it on only when `HOST` is a loopback address.
   */
  controls: boolean;
  /** `CONTROL_API` as given: `auto`, `on` or `off`. */
  controlApi: "auto" | "on" | "off";
  /** Requests the journal keeps (the oldest are dropped first); `0` keeps none. */
  journalSize: number;
  /** How long the simulated engine's plugin nodes run. */
  engineTiming: EngineTiming;
  /** The folder of the built docs site served at /docs/; default the docs package's build. */
  docsDir: string | undefined;
}

export const LOG_LEVELS = ["silent", "error", "warn", "info", "debug"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEFAULT_DATABASE_PATH = "data/bk-sops.sqlite";
// Every recorded request outlives a few young-generation collections and is promoted, so a longer
// journal turns each answer into old-generation garbage: at 500 entries the peak RSS under a
// 10-connection create_task load rose by 10–30 MB (BENCHMARKS.md); at 100 it stays within a few MB.
export const DEFAULT_JOURNAL_SIZE = 100;
export const MAX_JOURNAL_SIZE = 100_000;

/**
 * Whether `host` only accepts connections from this machine: `localhost`, 127.0.0.0/8, `::1`
 * (`0.0.0.0` and `::` accept from everywhere).
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  return (
    bare === "localhost" ||
    bare === "::1" ||
    /^127(\.\d{1,3}){3}$/.test(bare) ||
    /^::ffff:127(\.\d{1,3}){3}$/.test(bare)
  );
}

const CONTROL_API_VALUES = new Map<string, Config["controlApi"]>([
  ["auto", "auto"],
  ["on", "on"],
  ["1", "on"],
  ["true", "on"],
  ["off", "off"],
  ["0", "off"],
  ["false", "off"],
]);

/** Thrown by `loadConfig`; its message lists every bad variable, one per line. */
export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  }
}

/** Reads and validates the configuration from `env`, with defaults that run out of the box. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const problems: string[] = [];

  const port = readPort(env.PORT, problems);
  const host = (env.HOST ?? "127.0.0.1").trim();
  if (!host) problems.push("HOST must not be empty (default 127.0.0.1)");

  const databasePath = env.DATABASE_PATH?.trim() || DEFAULT_DATABASE_PATH;

  let bkSopsHost = (env.BK_SOPS_HOST ?? "").trim();
  if (bkSopsHost && !/^https?:\/\/[^\s/]+/.test(bkSopsHost)) {
    problems.push(`BK_SOPS_HOST must be an http(s) URL such as http://bk_sops_host/, got "${bkSopsHost}"`);
  }
  if (!bkSopsHost) bkSopsHost = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}/`;
  if (!bkSopsHost.endsWith("/")) bkSopsHost += "/";

  const logLevel = (env.LOG_LEVEL ?? "info").trim().toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${env.LOG_LEVEL}"`);
  }

  const corsOrigins = (env.CORS_ORIGINS ?? "*")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (origin !== "*" && !/^https?:\/\/[^\s/]+$/.test(origin)) {
      problems.push(
        `CORS_ORIGINS entries must be "*" or origins such as http://localhost:5173, got "${origin}"`,
      );
    }
  }

  const demo = (env.DEMO_DATA ?? "1").trim();
  if (!["0", "1", "true", "false"].includes(demo)) {
    problems.push(`DEMO_DATA must be 1 or 0, got "${env.DEMO_DATA}"`);
  }

  const controlApi = CONTROL_API_VALUES.get((env.CONTROL_API ?? "auto").trim().toLowerCase());
  if (!controlApi) problems.push(`CONTROL_API must be auto, on or off, got "${env.CONTROL_API}"`);
  // Off the loopback interface the controls (which can erase the data) need an explicit "on".
  const controls = controlApi === "on" || (controlApi === "auto" && isLoopbackHost(host));

  const journalSize = readInteger(env.JOURNAL_SIZE, DEFAULT_JOURNAL_SIZE, MAX_JOURNAL_SIZE);
  if (journalSize === undefined) {
    problems.push(`JOURNAL_SIZE must be an integer from 0 to ${MAX_JOURNAL_SIZE}, got "${env.JOURNAL_SIZE}"`);
  }

  const engineTiming = readEngineTiming(env, problems);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host,
    databasePath,
    bkSopsHost,
    templatesDir: env.TEMPLATES_DIR?.trim() || undefined,
    logLevel: logLevel as LogLevel,
    corsOrigins,
    demoData: demo === "1" || demo === "true",
    controls,
    controlApi: controlApi ?? "auto",
    journalSize: journalSize ?? DEFAULT_JOURNAL_SIZE,
    engineTiming,
    docsDir: env.DOCS_DIR?.trim() || undefined,
  };
}

/** An integer from 0 to `max`, `fallback` when unset, `undefined` when invalid. */
function readInteger(value: string | undefined, fallback: number, max: number): number | undefined {
  if (value === undefined || value.trim() === "") return fallback;
  const number = Number(value);
  return /^\s*\d+\s*$/.test(value) && number <= max ? number : undefined;
}

/** The largest duration accepted for a node: a day. */
const MAX_NODE_MS = 86_400_000;

function readDuration(name: string, text: string, problems: string[]): number | undefined {
  const ms = Number(text);
  if (!/^\d+$/.test(text) || ms > MAX_NODE_MS) {
    problems.push(`${name} must be a whole number of milliseconds from 0 to ${MAX_NODE_MS}, got "${text}"`);
    return undefined;
  }
  return ms;
}

/** ENGINE_SPEED, ENGINE_NODE_MS and ENGINE_COMPONENT_MS (`code=ms,code=ms`). */
function readEngineTiming(env: Record<string, string | undefined>, problems: string[]): EngineTiming {
  const speedText = (env.ENGINE_SPEED ?? "1").trim();
  const speed = Number(speedText);
  if (speedText === "" || !Number.isFinite(speed) || speed <= 0 || speed > 1_000_000) {
    problems.push(
      `ENGINE_SPEED must be a number above 0 and up to 1000000 (1: real time), got "${env.ENGINE_SPEED}"`,
    );
  }
  const nodeMs = readDuration("ENGINE_NODE_MS", (env.ENGINE_NODE_MS ?? "1000").trim(), problems) ?? 1000;
  const componentMs: Record<string, number> = {};
  for (const entry of (env.ENGINE_COMPONENT_MS ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean)) {
    const match = /^([A-Za-z0-9_.-]+)=(.*)$/.exec(entry);
    if (!match) {
      problems.push(
        `ENGINE_COMPONENT_MS entries must be code=milliseconds (e.g. sleep_timer=3000), got "${entry}"`,
      );
      continue;
    }
    const ms = readDuration(`ENGINE_COMPONENT_MS (${match[1]})`, (match[2] ?? "").trim(), problems);
    if (ms !== undefined) componentMs[match[1] as string] = ms;
  }
  return { speed: Number.isFinite(speed) && speed > 0 ? speed : 1, nodeMs, componentMs };
}

function readPort(value: string | undefined, problems: string[]): number {
  if (value === undefined || value.trim() === "") return 8000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT must be an integer from 0 to 65535, got "${value}"`);
    return 8000;
  }
  return port;
}
