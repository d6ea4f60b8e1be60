#!/usr/bin/env node
// The one entry point behind the README's commands. It needs only Node 20 and npm:
// it installs the pinned pnpm into .tools/, installs the workspace (building
// better-sqlite3 from source against Node's own headers), then runs the task.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { packageManager } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const pnpmVersion = packageManager.replace(/^pnpm@/, "");
const toolsBin = join(root, ".tools", "node_modules", ".bin");

const env = {
  ...process.env,
  PATH: `${toolsBin}:${join(root, "node_modules", ".bin")}:${process.env.PATH ?? ""}`,
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
  REDOCLY_TELEMETRY: "off",
  REDOCLY_SUPPRESS_UPDATE_NOTICE: "true",
};
// better-sqlite3 has no reachable prebuilt binary here; node-gyp must use the headers
// Debian's Node ships instead of downloading them. pnpm only honours the variable.
if (!env.npm_config_nodedir && existsSync("/usr/include/node/node.h")) env.npm_config_nodedir = "/usr";

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit", ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function must(cmd, args) {
  const status = run(cmd, args);
  if (status !== 0) {
    console.error(`\n✖ ${cmd} ${args.join(" ")} exited with ${status}`);
    process.exit(status);
  }
}

function ensurePnpm() {
  const probe = spawnSync(join(toolsBin, "pnpm"), ["--version"], { env, encoding: "utf8" });
  if (probe.status === 0 && probe.stdout.trim() === pnpmVersion) return;
  console.log(`• installing pnpm ${pnpmVersion} into .tools/`);
  must("npm", [
    "install",
    "--prefix",
    ".tools",
    "--no-audit",
    "--no-fund",
    "--loglevel=error",
    `pnpm@${pnpmVersion}`,
  ]);
}

function setup() {
  ensurePnpm();
  // CI installs exactly the committed lockfile; a developer's install may update it.
  const frozen = process.env.CI && existsSync(join(root, "pnpm-lock.yaml")) ? ["--frozen-lockfile"] : [];
  console.log("• installing workspace dependencies");
  must("pnpm", ["install", ...frozen, "--config.confirmModulesPurge=false"]);
}

/** Runs a long-lived child in the foreground and passes stop signals on to it. */
function foreground(cmd, args) {
  const child = spawn(cmd, args, { cwd: root, env, stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => child.kill(signal));
  }
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

const [command = "setup", ...rest] = process.argv.slice(2);
const turbo = (...args) => ["turbo", "run", ...args, "--ui=stream", "--output-logs=errors-only"];

switch (command) {
  case "setup":
    setup();
    must("pnpm", turbo("build"));
    break;
  case "start":
    setup();
    must("pnpm", turbo("build", "docs", "--filter=@bksops/server..."));
    foreground("node", ["apps/server/dist/index.js", ...rest]);
    break;
  case "test":
    setup();
    process.exit(run("node", ["scripts/test-all.mjs", ...rest]));
    break;
  case "mock":
    setup();
    // The mock's front reads the body limits from @bksops/domain's build.
    must("pnpm", turbo("build", "--filter=@bksops/openapi..."));
    // Run directly, not through pnpm, so a Ctrl-C reaches Prism's wrapper and ends cleanly.
    foreground("node", ["openapi/scripts/mock.mjs", ...rest]);
    break;
  case "contract":
    setup();
    must("pnpm", turbo("build", "--filter=@bksops/contract-tests..."));
    foreground("node", ["packages/contract-tests/dist/cli.js", ...rest]);
    break;
  case "bench":
    setup();
    must("pnpm", turbo("build", "--filter=@bksops/server..."));
    foreground("pnpm", ["--filter", "@bksops/server", "run", "bench", ...rest]);
    break;
  case "lint":
    setup();
    must("biome", ["ci", "."]);
    process.exit(run("pnpm", turbo("lint")));
    break;
  case "crash":
    setup();
    must("pnpm", turbo("build", "--filter=@bksops/server..."));
    foreground("pnpm", ["--filter", "@bksops/server", "run", "test:crash", ...rest]);
    break;
  case "turbo":
    setup();
    process.exit(run("pnpm", turbo(...rest)));
    break;
  default:
    console.error(`usage: node scripts/dev.mjs setup|start|test|lint|mock|contract|bench|crash|turbo <task>`);
    process.exit(2);
}
