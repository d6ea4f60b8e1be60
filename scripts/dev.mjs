#!/usr/bin/env node
// The one entry point behind the README's commands. It needs only Node 20 and npm:
// it installs the pinned pnpm into .tools/, installs the workspace (building
// better-sqlite3 from source against Node's own headers), then runs the task.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
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

function installedPnpmVersion() {
  try {
    const manifest = join(root, ".tools", "node_modules", "pnpm", "package.json");
    return existsSync(join(toolsBin, "pnpm"))
      ? JSON.parse(readFileSync(manifest, "utf8")).version
      : undefined;
  } catch {
    return undefined;
  }
}

function ensurePnpm() {
  // Read from its manifest: starting pnpm only to ask its version costs a noticeable part of a second.
  if (installedPnpmVersion() === pnpmVersion) return;
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

// What an install depends on: the lockfile, the workspace's manifests, and the Node and pnpm
// versions (better-sqlite3 is compiled for one Node ABI).
function installInputs() {
  const manifests = ["apps", "packages"]
    .flatMap((group) =>
      existsSync(join(root, group)) ? readdirSync(join(root, group)).map((n) => join(group, n)) : [],
    )
    .concat("openapi", ".")
    .map((dir) => join(dir, "package.json"))
    .filter((file) => existsSync(join(root, file)))
    .sort();
  const hash = createHash("sha256").update(`node ${process.versions.modules} pnpm ${pnpmVersion}\n`);
  for (const file of ["pnpm-lock.yaml", "pnpm-workspace.yaml", ...manifests]) {
    hash.update(`${file}\n`);
    if (existsSync(join(root, file))) hash.update(readFileSync(join(root, file)));
  }
  return hash.digest("hex");
}

const STAMP = join(root, "node_modules", ".bksops-install");

/**
 * Installs the workspace unless nothing it depends on changed since the last install. Only the
 * commands meant to change dependencies (`setup`, `start`) may update the lockfile; every other
 * command, and CI, installs exactly the committed one.
 */
function setup({ mayUpdateLockfile = false } = {}) {
  ensurePnpm();
  const wanted = installInputs();
  if (existsSync(STAMP) && readFileSync(STAMP, "utf8") === wanted) return;
  const frozen =
    (process.env.CI || !mayUpdateLockfile) && existsSync(join(root, "pnpm-lock.yaml"))
      ? ["--frozen-lockfile"]
      : [];
  console.log("• installing workspace dependencies");
  must("pnpm", ["install", ...frozen, "--config.confirmModulesPurge=false"]);
  // Taken after the install, which may have written the lockfile.
  writeFileSync(STAMP, installInputs());
}

/** Fails at once, in one line, when the server's port is taken: before any install or build. */
async function checkPort() {
  const port = Number(process.env.PORT ?? "8000");
  const host = process.env.HOST?.trim() || "127.0.0.1";
  if (!Number.isInteger(port) || port <= 0 || port > 65535) return; // the server reports bad values
  const free = await new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", (error) => resolve(error.code !== "EADDRINUSE"));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
  if (!free) {
    console.error(
      `cannot start: port ${port} on ${host} is already in use: set PORT to a free port (PORT=0 picks one)`,
    );
    process.exit(1);
  }
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
    setup({ mayUpdateLockfile: true });
    must("pnpm", turbo("build"));
    break;
  case "start":
    await checkPort();
    setup({ mayUpdateLockfile: true });
    must("pnpm", turbo("build", "docs", "--filter=@bksops/server...", "--filter=@bksops/docs"));
    // Reports of other deployments live outside the repository, where turbo's cache cannot see them.
    if (env.DOCS_REPORTS) must("node", ["apps/docs/scripts/build.mjs"]);
    foreground("node", ["apps/server/dist/index.js", ...rest]);
    break;
  case "docs":
    setup();
    must("pnpm", turbo("docs", "--filter=@bksops/docs"));
    // With reports of other deployments, build again outside the cache; either way, say where the site is.
    if (rest.length > 0 || env.DOCS_REPORTS) must("node", ["apps/docs/scripts/build.mjs", ...rest]);
    else must("node", ["apps/docs/scripts/where.mjs"]);
    break;
  case "generate":
    setup();
    must("pnpm", turbo("generate"));
    // The README's conformance badge is derived and committed too (a test fails while it is stale).
    must("pnpm", turbo("badge", "--filter=@bksops/docs"));
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
  case "mirror":
  case "proxy":
    setup();
    must("pnpm", turbo("build", "--filter=@bksops/contract-tests..."));
    // `mirror` and `proxy` are subcommands of the suite's bin.
    foreground("node", [
      "packages/contract-tests/dist/cli.js",
      ...(command === "contract" ? [] : [command]),
      ...rest,
    ]);
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
    console.error(
      `usage: node scripts/dev.mjs setup|start|test|lint|docs|generate|mock|contract|mirror|proxy|bench|crash|turbo <task>`,
    );
    process.exit(2);
}
