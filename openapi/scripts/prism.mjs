// Starts and stops a Prism mock of the create_task spec. Shared by `pnpm mock` (scripts/mock.mjs),
// this package's tests and the contract suite (`import { startPrism } from "@bksops/openapi/prism"`).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Absolute path of the spec Prism serves by default. */
export const specPath = join(packageRoot, "openapi.yaml");

/** Prism's CLI entry, run with this Node (no shell, no .bin shim, so the child is Prism itself). */
const prismCli = (() => {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve("@stoplight/prism-cli/package.json");
  return join(dirname(manifest), require(manifest).bin.prism);
})();

// Prism logs `… Prism is listening on http://127.0.0.1:4010` once its server accepts requests.
const LISTENING = /Prism is listening on (https?:\/\/\S+)/;
// Colour codes, in case Prism's logger decides the pipe is a terminal.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping ANSI escapes is the point
const ANSI = /\u001b\[[0-9;]*m/g;

/** Error thrown when Prism exits, or stays silent, before it is listening. */
export class PrismStartError extends Error {
  /**
   * @param {string} message
   * @param {string} output the tail of Prism's output, to show why it failed
   */
  constructor(message, output) {
    super(`${message}\n--- prism output (tail) ---\n${output.trim() || "(none)"}`);
    this.name = "PrismStartError";
    this.output = output;
  }
}

/**
 * Asks the OS for a port that is free right now: listen on port 0, read the port, close.
 * @param {string} [host]
 * @returns {Promise<number>}
 */
export async function freePort(host = "127.0.0.1") {
  const server = createServer();
  server.unref();
  server.listen(0, host);
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  if (!port) throw new Error(`could not get a free port on ${host}`);
  return port;
}

/**
 * Starts `prism mock` on the spec and resolves once Prism is listening.
 * Without `port`, a free port is chosen (and another one tried if it was taken meanwhile).
 * @param {import("./prism.d.mts").StartPrismOptions} [options]
 * @returns {Promise<import("./prism.d.mts").PrismServer>}
 */
export async function startPrism(options = {}) {
  const attempts = options.port === undefined ? 3 : 1;
  for (let attempt = 1; ; attempt += 1) {
    const port = options.port ?? (await freePort(options.host ?? "127.0.0.1"));
    try {
      return await startOnce({ ...options, port });
    } catch (error) {
      const raced = error instanceof PrismStartError && /EADDRINUSE/.test(error.output);
      if (!raced || attempt >= attempts) throw error;
    }
  }
}

/**
 * @param {import("./prism.d.mts").StartPrismOptions & { port: number }} options
 * @returns {Promise<import("./prism.d.mts").PrismServer>}
 */
async function startOnce({
  port,
  host = "127.0.0.1",
  spec = specPath,
  timeoutMs = 30_000,
  args = [],
  onOutput,
  env,
}) {
  const child = spawn(
    process.execPath,
    [prismCli, "mock", spec, "--host", host, "--port", String(port), ...args],
    {
      cwd: packageRoot,
      env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  // If the caller forgets stop() or dies, Prism must not outlive it.
  const killOnExit = () => child.kill("SIGKILL");
  process.on("exit", killOnExit);
  const exited = new Promise((resolve) => {
    child.once("exit", resolve);
    child.once("error", resolve);
  }).then(() => {
    process.off("exit", killOnExit);
  });

  let tail = "";
  const remember = (text) => {
    tail = (tail + text).slice(-8_000);
  };
  const url = await new Promise((resolve, reject) => {
    let pending = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new PrismStartError(`Prism did not report listening within ${timeoutMs} ms`, tail));
    }, timeoutMs);
    const onExit = (code, signal) => {
      clearTimeout(timer);
      reject(new PrismStartError(`Prism exited (${signal ?? `code ${code}`}) before listening`, tail));
    };
    child.once("exit", onExit);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(new PrismStartError(`Prism could not be started: ${error.message}`, tail));
    });
    for (const name of /** @type {const} */ (["stdout", "stderr"])) {
      child[name].setEncoding("utf8");
      child[name].on("data", (chunk) => {
        onOutput?.(chunk, name);
        remember(chunk);
        if (name !== "stdout") return;
        pending = (pending + chunk).replace(ANSI, "");
        const match = LISTENING.exec(pending);
        if (match?.[1]) {
          clearTimeout(timer);
          child.off("exit", onExit);
          resolve(match[1].replace(/\/$/, ""));
        } else {
          pending = pending.slice(pending.lastIndexOf("\n") + 1);
        }
      });
    }
  });

  let stopping;
  return {
    url,
    host,
    port,
    pid: child.pid ?? -1,
    exited: exited.then(() => ({ code: child.exitCode, signal: child.signalCode })),
    stop(graceMs = 5_000) {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}
