import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/server.js";
import { createTestContext, type TestServerContext } from "../../src/testing.js";
import { DEMO_AUTH } from "../helpers.js";

describe("concurrent create_task over real HTTP, on a file database", () => {
  const dir = mkdtempSync(join(tmpdir(), "bksops-concurrency-"));
  let context: TestServerContext;
  let running: RunningServer;
  beforeAll(async () => {
    context = createTestContext({ databasePath: join(dir, "tasks.sqlite") });
    running = await startServer(context.app.fetch, { port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await running.close();
    context.db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("200 simultaneous requests get 200 distinct ids, all stored with their own name", async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, async (_, index) => {
        const response = await fetch(`${running.url}/api/bk-sops/prod/create_task/1/2/`, {
          method: "POST",
          headers: { "X-Bkapi-Authorization": JSON.stringify(DEMO_AUTH), "Content-Type": "application/json" },
          body: JSON.stringify({ name: `concurrent ${index}` }),
        });
        const json = (await response.json()) as { result: boolean; data: { task_id: number } };
        return { index, json };
      }),
    );
    expect(answers.every(({ json }) => json.result)).toBe(true);
    const ids = answers.map(({ json }) => json.data.task_id);
    expect(new Set(ids).size).toBe(200);
    for (const { index, json } of answers) {
      expect(context.store.tasks.find(json.data.task_id)?.name).toBe(`concurrent ${index}`);
    }
    expect(context.store.tasks.total()).toBe(200);
    // What is checked is the ids and the rows; on a busy machine 200 requests take more than 5 s.
  }, 30_000);
});
