import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_AUTH } from "../helpers.js";

const ENTRY = fileURLToPath(new URL("../../dist/index.js", import.meta.url));

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts the built server on a free port and waits for its "listening on" line. */
function start(databasePath: string): Promise<Running> {
  const child = spawn(process.execPath, [ENTRY], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATABASE_PATH: databasePath, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // Wait for the line after "listening on", so the start-up summary is complete.
      const match = /listening on (http:\/\/[^\s]+)[\s\S]*database: .*\n/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output: () => output });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

const stopped = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );

async function create(url: string, name: string) {
  const response = await fetch(`${url}/api/bk-sops/prod/create_task/1/2/`, {
    method: "POST",
    headers: { "X-Bkapi-Authorization": JSON.stringify(DEMO_AUTH), "Content-Type": "application/json" },
    body: JSON.stringify({ name }),
  });
  return (await response.json()) as { result: boolean; data: { task_id: number } };
}

describe("the server over real HTTP, on a file database", () => {
  const dir = mkdtempSync(join(tmpdir(), "bksops-restart-"));
  const databasePath = join(dir, "tasks.sqlite");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps acknowledged tasks across a clean stop and a SIGKILL, and never reuses an id", async () => {
    const first = await start(databasePath);
    const a = await create(first.url, "before the restart");
    expect(a.result).toBe(true);
    const exit = stopped(first.child);
    first.child.kill("SIGTERM");
    expect(await exit).toEqual({ code: 0, signal: null });
    expect(first.output()).toContain("stopped cleanly");

    const second = await start(databasePath);
    expect(second.output()).toMatch(/\(1 tasks\)/);
    const b = await create(second.url, "acknowledged, then killed");
    const killed = stopped(second.child);
    second.child.kill("SIGKILL");
    await killed;

    const third = await start(databasePath);
    const c = await create(third.url, "after the kill");
    const closed = stopped(third.child);
    third.child.kill("SIGINT");
    expect((await closed).code).toBe(0);

    expect(b.data.task_id).toBeGreaterThan(a.data.task_id);
    expect(c.data.task_id).toBeGreaterThan(b.data.task_id);
    const db = new Database(databasePath, { readonly: true });
    const rows = db.prepare("SELECT id, name, pipeline_tree FROM tasks ORDER BY id").all() as Array<{
      id: number;
      name: string;
      pipeline_tree: string;
    }>;
    db.close();
    expect(rows.map((row) => [row.id, row.name])).toEqual([
      [a.data.task_id, "before the restart"],
      [b.data.task_id, "acknowledged, then killed"],
      [c.data.task_id, "after the kill"],
    ]);
    for (const row of rows) expect(Object.keys(JSON.parse(row.pipeline_tree).activities)).toHaveLength(2);
  }, 60_000);

  it("refuses to start on a bad configuration, naming each bad variable", async () => {
    const child = spawn(process.execPath, [ENTRY], {
      env: { ...process.env, PORT: "nope", LOG_LEVEL: "chatty" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const { code } = await stopped(child);
    expect(code).toBe(2);
    expect(stderr).toMatch(/PORT must be an integer/);
    expect(stderr).toMatch(/LOG_LEVEL must be one of/);
  });
});
