import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import type { ResetEvent } from "../../src/control/index.js";
import { control, controlledContext, DEMO_AUTH, gatewayPath, send, tableCounts } from "../helpers.js";

const auth = { "X-Bkapi-Authorization": JSON.stringify(DEMO_AUTH) };

function fileContext() {
  const dir = mkdtempSync(join(tmpdir(), "bksops-state-"));
  dirs.push(dir);
  const databasePath = join(dir, "bk-sops.sqlite");
  return { context: controlledContext({ databasePath }), databasePath };
}
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function createTask(context: ReturnType<typeof controlledContext>, name: string): Promise<number> {
  const answer = await send(context, gatewayPath(), { body: { name }, headers: auth });
  expect(answer.json.result).toBe(true);
  return answer.json.data.task_id;
}

const taskNames = (context: ReturnType<typeof controlledContext>) =>
  (context.db.prepare("SELECT name FROM tasks ORDER BY id").all() as Array<{ name: string }>).map(
    (r) => r.name,
  );

describe("reset to the demo state (file database)", () => {
  it("removes tasks, uploads and users made since, clears rules and journal, and keeps ids increasing", async () => {
    const { context } = fileContext();
    const demo = tableCounts(context);
    await createTask(context, "a");
    const trusted = { bk_app_code: "demo_trusted", bk_app_secret: "demo-secret", bk_username: "newcomer" };
    await send(context, gatewayPath(), {
      body: { name: "by a new user" },
      headers: { "X-Bkapi-Authorization": JSON.stringify(trusted) },
    });
    expect(tableCounts(context).users).toBe(demo.users + 1);
    const last = await createTask(context, "b");
    await control(context, "POST", "/templates", {
      source: "project",
      bk_biz_id: 7,
      template_id: 70,
      name: "uploaded",
      pipeline_tree: context.store.templates.findProjectTemplate(1, 3)?.tree,
    });
    await control(context, "POST", "/rules", { delay: { ms: 0 } });
    const events: ResetEvent[] = [];
    context.controls.onReset((event) => events.push(event));

    const answer = await control(context, "POST", "/reset");
    expect(answer.json).toEqual({
      result: true,
      // The control API's own requests are not journaled.
      data: { rules_deleted: 1, journal_dropped: 3, next_task_id: last + 1 },
    });
    expect(tableCounts(context)).toEqual(demo);
    expect(context.store.templates.findProjectTemplate(70, 7)).toBeUndefined();
    expect(events).toEqual([{ kind: "reset" }]);
    // AUTOINCREMENT: an id seen before the reset is never given again.
    expect(await createTask(context, "after")).toBe(last + 1);
  });

  it("can keep the rules and the journal", async () => {
    const { context } = fileContext();
    await control(context, "POST", "/rules", { delay: { ms: 0 } });
    await send(context, "/nope", { method: "GET" });
    const answer = await control(context, "POST", "/reset", { rules: false, journal: false });
    expect(answer.json.data).toMatchObject({ rules_deleted: 0, journal_dropped: 0 });
    expect(context.controls.rules.size).toBe(1);
    expect(context.controls.journal.kept).toBe(1);
  });

  it("refuses an unknown option", async () => {
    const { context } = fileContext();
    const answer = await control(context, "POST", "/reset", { everything: true });
    expect(answer.status).toBe(400);
    expect(answer.json.message).toMatch(/^request body: \/ must NOT have additional properties/);
  });
});

describe("named snapshots (file database)", () => {
  it("are saved beside the database, listed, restored and deleted; ids keep increasing", async () => {
    const { context, databasePath } = fileContext();
    await createTask(context, "before snapshot");
    const saved = await control(context, "PUT", "/snapshots/one-task");
    expect(saved.json).toEqual({
      result: true,
      data: { name: "one-task", saved_at: expect.any(String), bytes: expect.any(Number) },
    });
    expect(existsSync(join(`${databasePath}-snapshots`, "one-task.sqlite"))).toBe(true);
    const last = await createTask(context, "after snapshot");
    const events: ResetEvent[] = [];
    context.controls.onReset((event) => events.push(event));

    const restored = await control(context, "POST", "/snapshots/one-task/restore");
    expect(restored.json.data.name).toBe("one-task");
    expect(taskNames(context)).toEqual(["before snapshot"]);
    expect(events).toEqual([{ kind: "restore", snapshot: "one-task" }]);
    expect(await createTask(context, "after restore")).toBe(last + 1);
    expect((await control(context, "GET", "/status")).json.data.next_task_id).toBe(last + 2);

    expect(
      (await control(context, "GET", "/snapshots")).json.data.map((s: { name: string }) => s.name),
    ).toEqual(["one-task"]);
    expect((await control(context, "DELETE", "/snapshots/one-task")).json.data.name).toBe("one-task");
    expect((await control(context, "GET", "/snapshots")).json.data).toEqual([]);
  });

  it("are replaced by a save under the same name", async () => {
    const { context } = fileContext();
    await control(context, "PUT", "/snapshots/s");
    await createTask(context, "second state");
    await control(context, "PUT", "/snapshots/s");
    await control(context, "POST", "/reset");
    await control(context, "POST", "/snapshots/s/restore");
    expect(taskNames(context)).toEqual(["second state"]);
  });

  it("restore templates and their parsed trees with them", async () => {
    const { context } = fileContext();
    const tree = context.store.templates.findProjectTemplate(1, 3)?.tree;
    await control(context, "POST", "/templates", {
      source: "project",
      bk_biz_id: 2,
      template_id: 1,
      name: "renamed",
      pipeline_tree: tree,
    });
    await control(context, "PUT", "/snapshots/renamed");
    await control(context, "POST", "/reset");
    expect(context.store.templates.findProjectTemplate(1, 3)?.name).not.toBe("renamed");
    await control(context, "POST", "/snapshots/renamed/restore");
    expect(context.store.templates.findProjectTemplate(1, 3)?.name).toBe("renamed");
  });

  it("refuse a snapshot saved with other migrations, and leave the data as it was", async () => {
    const { context, databasePath } = fileContext();
    await createTask(context, "kept");
    await control(context, "PUT", "/snapshots/old");
    const file = new Database(join(`${databasePath}-snapshots`, "old.sqlite"));
    file
      .prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'now')")
      .run();
    file.close();
    await control(context, "POST", "/reset");
    const answer = await control(context, "POST", "/snapshots/old/restore");
    expect(answer.status).toBe(400);
    expect(answer.json.message).toMatch(
      /^snapshot old was saved with migrations 1,.*999, this server has 1.*: it cannot be restored$/,
    );
    expect(taskNames(context)).toEqual([]);
  });

  it.each([
    ["PUT", "/snapshots/..%2Fescape", 400, /^snapshot names are letters, digits/],
    ["PUT", `/snapshots/${"x".repeat(65)}`, 400, /^snapshot names are/],
    ["POST", "/snapshots/missing/restore", 404, /^there is no snapshot missing$/],
    ["DELETE", "/snapshots/missing", 404, /^there is no snapshot missing$/],
  ])("%s %s is answered %i", async (method, path, status, message) => {
    const { context } = fileContext();
    const answer = await control(context, method, path);
    expect(answer.status).toBe(status);
    expect(answer.json).toEqual({
      result: false,
      message: expect.stringMatching(message),
      code: status === 404 ? 3540400 : 3540000,
    });
  });
});

describe("snapshots of a :memory: database", () => {
  it("live in a temporary folder, removed when the controls close", async () => {
    const context = controlledContext();
    await createTask(context, "in memory");
    await control(context, "PUT", "/snapshots/mem");
    await control(context, "POST", "/reset");
    expect(taskNames(context)).toEqual([]);
    await control(context, "POST", "/snapshots/mem/restore");
    expect(taskNames(context)).toEqual(["in memory"]);
    const dir = (context.controls.data as unknown as { dir: string }).dir;
    expect(existsSync(dir)).toBe(true);
    context.controls.close();
    expect(existsSync(dir)).toBe(false);
  });
});
