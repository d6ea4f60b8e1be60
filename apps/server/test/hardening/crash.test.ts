import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// bench/crash.mjs runs the built server (dist/index.js), as `pnpm test:crash` does.
const SCRIPT = fileURLToPath(new URL("../../bench/crash.mjs", import.meta.url));

interface CrashRun {
  code: number | null;
  output: string;
  kills: number;
  acknowledged: number;
  lost: number;
}

function runCrashScript(args: string[]): Promise<CrashRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      const summary = /kills: (\d+), acknowledged: (\d+), lost: (\d+)/.exec(output);
      if (!summary) return reject(new Error(`no summary line in the crash script's output:\n${output}`));
      resolve({
        code,
        output,
        kills: Number(summary[1]),
        acknowledged: Number(summary[2]),
        lost: Number(summary[3]),
      });
    });
  });
}

describe("SIGKILL under concurrent create_task load (bench/crash.mjs)", () => {
  it("loses no acknowledged task and reuses no id across 3 kills and restarts", async () => {
    const run = await runCrashScript([
      "--rounds",
      "3",
      "--clients",
      "20",
      "--min-ms",
      "300",
      "--max-ms",
      "1200",
    ]);
    expect(run.output).toContain("integrity_check: ok");
    expect(run.kills).toBe(3);
    expect(run.acknowledged).toBeGreaterThan(0);
    expect(run.lost).toBe(0);
    expect(run.code).toBe(0);
  }, 60_000);

  it("reports a task deleted behind the server's back as lost, and fails", async () => {
    const run = await runCrashScript([
      "--rounds",
      "1",
      "--min-ms",
      "300",
      "--max-ms",
      "600",
      "--inject-loss",
    ]);
    expect(run.lost).toBe(1);
    expect(run.code).toBe(1);
  }, 30_000);
});
