// Servers under test: each in its own child process on a free port of 127.0.0.1, so its memory
// can be read from /proc and nothing it does slows the load generator's own event loop.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const SERVER_ENTRY = fileURLToPath(new URL("../../dist/index.js", import.meta.url));
export const BARE_ENTRY = fileURLToPath(new URL("../servers/bare.mjs", import.meta.url));
export const CEILING_ENTRY = fileURLToPath(new URL("../servers/ceiling.mjs", import.meta.url));

const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+)/;

/**
 * Spawns `node entry` with `env`, waits for its "listening on URL" line (and, for the reference
 * server, the start-up summary after it), and returns { url, pid, rss(), stop(), kill() }.
 */
export function startNode(entry, env = {}, { timeoutMs = 30_000, label = entry } = {}) {
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const killOnExit = () => child.kill("SIGKILL");
  process.on("exit", killOnExit);
  let output = "";
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  void exited.then(() => process.off("exit", killOnExit));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${label} did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk) => {
      output = (output + chunk.toString()).slice(-20_000);
      const match = LISTENING.exec(output);
      // The reference server prints its database line right after; wait for the whole summary.
      if (!match?.[1] || (entry === SERVER_ENTRY && !/database: .*\n/.test(output))) return;
      clearTimeout(timer);
      child.stdout.off("data", onData);
      child.stdout.resume();
      resolve(handle(child, match[1], exited, () => output));
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk) => {
      output = (output + chunk.toString()).slice(-20_000);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (${signal ?? `code ${code}`}) before listening:\n${output}`));
    });
  });
}

function handle(child, url, exited, output) {
  return {
    url,
    pid: child.pid,
    exited,
    output,
    /** Sends SIGTERM (SIGKILL after graceMs) and resolves once the process has exited. */
    async stop(graceMs = 5_000) {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
    /** SIGKILL, no chance to clean up; resolves once the process is gone. */
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      return exited;
    },
  };
}

/** { rssMB, hwmMB } of a live process from /proc/<pid>/status (VmHWM is the peak RSS so far). */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
    return { rssMB: kb("VmRSS") / 1024, hwmMB: kb("VmHWM") / 1024 };
  } catch {
    return { rssMB: Number.NaN, hwmMB: Number.NaN };
  }
}

/** Polls VmRSS every `everyMs` (peaks between polls are caught by VmHWM at the end). */
export function sampleRss(pid, everyMs = 100) {
  let peak = 0;
  const timer = setInterval(() => {
    const { rssMB } = memoryOf(pid);
    if (rssMB > peak) peak = rssMB;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const { rssMB, hwmMB } = memoryOf(pid);
      return Math.max(peak, Number.isFinite(rssMB) ? rssMB : 0, Number.isFinite(hwmMB) ? hwmMB : 0);
    },
  };
}

/** CPU time a live process has used so far: { userMs, sysMs } (Linux clock ticks of 10 ms). */
export function cpuOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) start after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { userMs: Number(fields[11]) * 10, sysMs: Number(fields[12]) * 10 };
  } catch {
    return { userMs: Number.NaN, sysMs: Number.NaN };
  }
}

/** User + system CPU time of a live process so far, in ms. */
export function cpuMsOf(pid) {
  const { userMs, sysMs } = cpuOf(pid);
  return userMs + sysMs;
}
