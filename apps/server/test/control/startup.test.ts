// The built server's start-up (dist/index.js): scenario control wired from the configuration, and
// a port in use reported at once. Servers listen on 127.0.0.1 only.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ENTRY = fileURLToPath(new URL("../../dist/index.js", import.meta.url));

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the server with `env` until `until(stdout)` holds (then SIGTERM) or it exits by itself. */
function run(
  env: Record<string, string>,
  until?: (stdout: string) => Promise<void> | undefined,
): Promise<Exit> {
  const child = spawn(process.execPath, [ENTRY], {
    env: { ...process.env, HOST: "127.0.0.1", DATABASE_PATH: ":memory:", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let acting = false;
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
    const action = !acting && until?.(stdout);
    if (action) {
      acting = true;
      void action.finally(() => child.kill("SIGTERM"));
    }
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr })));
}

/** The server's url, once its start-up summary (ending with the controls line) is printed. */
const listening = (stdout: string) =>
  /controls: .*\n/.test(stdout) ? /listening on (\S+)/.exec(stdout)?.[1] : undefined;

describe("the server's start-up", () => {
  it("serves the controls on loopback by default", async () => {
    let status = 0;
    const exit = await run({ PORT: "0" }, (stdout) => {
      const url = listening(stdout);
      if (!url) return undefined;
      return fetch(`${url}/_bksops/status`).then((response) => {
        status = response.status;
      });
    });
    expect(status).toBe(200);
    expect(exit.stdout).toMatch(/controls: +http:\/\/127\.0\.0\.1:\d+\/_bksops\/ /);
    expect(exit.code).toBe(0);
  });

  it("does not serve them with CONTROL_API=off, and says so", async () => {
    let status = 0;
    const exit = await run({ PORT: "0", CONTROL_API: "off" }, (stdout) => {
      const url = listening(stdout);
      if (!url) return undefined;
      return fetch(`${url}/_bksops/status`).then((response) => {
        status = response.status;
      });
    });
    expect(status).toBe(404);
    expect(exit.stdout).toMatch(/controls: +off \(CONTROL_API=off\)/);
  });

  it("reports a port in use at once, in one line naming PORT, and exits non-zero", async () => {
    const holder = createServer();
    holder.listen(0, "127.0.0.1");
    await once(holder, "listening");
    const port = (holder.address() as { port: number }).port;
    try {
      const exit = await run({ PORT: String(port) });
      expect(exit.code).toBe(1);
      expect(exit.stderr).toBe(
        `cannot start: port ${port} on 127.0.0.1 is already in use: set PORT to a free port (PORT=0 picks one)\n`,
      );
      expect(exit.stdout).toBe("");
    } finally {
      holder.close();
    }
  });
});
