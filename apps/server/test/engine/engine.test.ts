import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/connection.js";
import { createStore } from "../../src/db/store.js";
import { FakeClock } from "../../src/engine/clock.js";
import { Engine } from "../../src/engine/engine.js";
import { createTestContext, type TestServerContext } from "../../src/testing.js";
import { DEMO_AUTH, send } from "../helpers.js";

const TIMING = { speed: 1, nodeMs: 1000, componentMs: {} };
const headers = { "X-Bkapi-Authorization": JSON.stringify(DEMO_AUTH) };

async function createAndStart(context: TestServerContext, template = 4): Promise<number> {
  const created = await send(context, `/api/bk-sops/prod/create_task/${template}/2/`, {
    body: { name: "t" },
    headers,
  });
  const id = created.json.data.task_id as number;
  const started = await send(context, `/api/bk-sops/prod/start_task/${id}/2/`, { body: {}, headers });
  expect(started.json.result).toBe(true);
  return id;
}

const stateOf = async (context: TestServerContext, id: number) =>
  (await send(context, `/api/bk-sops/prod/get_task_status/${id}/2/`, { method: "GET", headers })).json.data;

describe("the engine over a database file", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it("a restart mid-run picks the task up where it was, and it finishes", async () => {
    dir = mkdtempSync(join(tmpdir(), "bk-sops-engine-"));
    const path = join(dir, "restart.sqlite");
    const clock = new FakeClock();
    const first = createTestContext({ databasePath: path, clock, timing: TIMING });
    const id = await createAndStart(first);
    clock.advance(1500); // template 4: the first node ended at 1 s, the second runs until 2 s
    const before = await stateOf(first, id);
    expect(Object.values(before.children).map((child) => (child as { state: string }).state)).toEqual([
      "FINISHED",
      "FINISHED",
      "RUNNING",
    ]);
    first.close();
    expect(clock.pending).toBe(0);

    // The server is down for 10.2 s: the second node's end is overdue when it comes back.
    clock.advance(10_200);
    const second = createTestContext({ databasePath: path, clock, timing: TIMING });
    expect((await stateOf(second, id)).state).toBe("RUNNING");
    clock.advance(0);
    const after = await stateOf(second, id);
    expect(after.state).toBe("FINISHED");
    const ended = after.children[Object.keys(after.children)[2] as string];
    // It ends when the engine is back (1 s + 0.5 s + 10.2 s), as a worker picking up an overdue
    // schedule would.
    expect(ended.elapsed_time).toBe(11);
    expect(second.store.tasks.find(id)?.currentFlow).toBe("finished");
    second.close();
  });

  it("a restart inside a subprocess picks the child run up where it was, and the task finishes", async () => {
    dir = mkdtempSync(join(tmpdir(), "bk-sops-engine-"));
    const path = join(dir, "child.sqlite");
    const clock = new FakeClock();
    const first = createTestContext({ databasePath: path, clock, timing: TIMING });
    const created = await send(first, "/api/bk-sops/prod/create_task/7/2/", {
      body: { name: "t", constants: { "${env}": "prod" } },
      headers,
    });
    const id = created.json.data.task_id as number;
    const tree = created.json.data.pipeline_tree;
    await send(first, `/api/bk-sops/prod/start_task/${id}/2/`, { body: {}, headers });
    // Template 7: check inputs 0-1 s, then the release subprocess: backup config 1-2 s, verify backup 2-3 s.
    clock.advance(2500);
    const release = Object.values(tree.activities).find(
      (activity) => (activity as { name: string }).name === "release (template 2)",
    ) as { id: string; pipeline: { activities: Record<string, { name: string }> } };
    const verify = Object.entries(release.pipeline.activities).find(
      ([, a]) => a.name === "verify backup",
    )?.[0];
    const inChild = (status: { children: Record<string, { children: Record<string, { state: string }> }> }) =>
      status.children[release.id]?.children[verify as string]?.state;
    expect(inChild(await stateOf(first, id))).toBe("RUNNING");
    first.close();

    clock.advance(10_000);
    const second = createTestContext({ databasePath: path, clock, timing: TIMING });
    expect(inChild(await stateOf(second, id))).toBe("RUNNING");
    clock.advance(0);
    // The overdue child node ends as the engine comes back, and the walk goes on inside the child.
    const resumed = await stateOf(second, id);
    expect(inChild(resumed)).toBe("FINISHED");
    expect(resumed.children[release.id].state).toBe("RUNNING");
    clock.advance(5000);
    const after = await stateOf(second, id);
    expect(after.state).toBe("FINISHED");
    expect(after.children[release.id]).toMatchObject({ state: "FINISHED", elapsed_time: 12 });
    second.close();
  });

  it("a paused task stays paused across a restart, and resumes afterwards", async () => {
    dir = mkdtempSync(join(tmpdir(), "bk-sops-engine-"));
    const path = join(dir, "paused.sqlite");
    const clock = new FakeClock();
    const first = createTestContext({ databasePath: path, clock, timing: TIMING });
    const id = await createAndStart(first);
    const pause = await send(first, `/api/bk-sops/prod/operate_task/${id}/2/`, {
      body: { action: "pause" },
      headers,
    });
    expect(pause.json).toMatchObject({ result: true, message: "success" });
    first.close();
    const second = createTestContext({ databasePath: path, clock, timing: TIMING });
    clock.advance(60_000);
    expect((await stateOf(second, id)).state).toBe("SUSPENDED");
    await send(second, `/api/bk-sops/prod/operate_task/${id}/2/`, { body: { action: "resume" }, headers });
    clock.advance(2000);
    expect((await stateOf(second, id)).state).toBe("FINISHED");
    second.close();
  });
});

describe("the engine's timers", () => {
  it("close() stops them; reload() re-arms them from the database", async () => {
    const clock = new FakeClock();
    const context = createTestContext({ clock, timing: TIMING });
    const id = await createAndStart(context);
    expect(clock.pending).toBe(1);
    context.engine.close();
    expect(clock.pending).toBe(0);
    clock.advance(10_000);
    expect((await stateOf(context, id)).state).toBe("RUNNING");
    context.engine.reload();
    expect(clock.pending).toBe(1);
    clock.advance(0);
    clock.advance(1000);
    expect((await stateOf(context, id)).state).toBe("FINISHED");
    expect(clock.pending).toBe(0);
    context.close();
  });

  it("reload() after the rows changed under it follows the database, not what it had armed", async () => {
    const clock = new FakeClock();
    const context = createTestContext({ clock, timing: TIMING });
    const id = await createAndStart(context);
    // A scenario restore puts the database back to before the task was started.
    context.db.prepare("DELETE FROM task_runs WHERE task_id = ?").run(id);
    context.db.prepare("UPDATE tasks SET is_started = 0, start_time = NULL WHERE id = ?").run(id);
    context.engine.reload();
    expect(clock.pending).toBe(0);
    expect((await stateOf(context, id)).state).toBe("CREATED");
    context.close();
  });

  it("a timer that fires after its database closed does nothing", () => {
    const clock = new FakeClock();
    const db = openDatabase(":memory:");
    const store = createStore(db);
    const engine = new Engine({ store, clock, timing: TIMING });
    engine.reload();
    db.close();
    expect(() => clock.advance(1000)).not.toThrow();
  });
});
