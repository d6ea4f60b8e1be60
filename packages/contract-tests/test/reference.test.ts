import { createTestContext, startServer } from "@bksops/server/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  baseUrlTarget,
  DEMO_IDENTITY,
  fetchTarget,
  inProcessTarget,
  runSuite,
  type SuiteResult,
  type Target,
  WritesRefusedError,
} from "../src/index.js";

const notPassed = (result: SuiteResult) =>
  result.checks
    .filter((check) => check.status !== "passed")
    .map((check) => `${check.id}: ${check.status} ${check.reason}`);

describe("the suite against the reference server in-process", () => {
  let target: Target;
  beforeAll(async () => {
    target = await inProcessTarget();
  });
  afterAll(() => target.close());

  it.each(["esb", "gateway"] as const)("%s form: every check passes and none is skipped", async (form) => {
    const result = await runSuite({ target, form });
    expect(result.preflight.problems).toEqual([]);
    expect(notPassed(result)).toEqual([]);
    expect(result.summary.passed).toBe(result.checks.length);
    const groups = new Set(result.checks.map((check) => check.group));
    expect([...groups].sort()).toEqual(["examples", "negative", "semantics"]);
    // Every documented pair of every operation runs, and each check is counted once.
    expect(result.checks.filter((check) => check.id.startsWith("examples.")).length).toBeGreaterThanOrEqual(
      40,
    );
    expect(new Set(result.checks.map((check) => check.id)).size).toBe(result.checks.length);
    expect(result.schema.failed).toBe(0);
  });

  it("creates every task with the recognisable name prefix, and lists each in the result", async () => {
    const context = createTestContext();
    const { app, db } = context;
    const result = await runSuite({
      target: fetchTarget((request) => app.fetch(request)),
      only: ["semantics", "examples.createTaskEsb"],
    });
    const rows = db.prepare("SELECT id, name FROM tasks").all() as Array<{ id: number; name: string }>;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.name.startsWith("bk-sops-contract ")).toBe(true);
    expect(result.createdTasks.map((task) => task.taskId).sort((a, b) => a - b)).toEqual(
      rows.map((row) => row.id),
    );
    for (const task of result.createdTasks) expect(task.taskUrl).toMatch(/instance_id=\d+$/);
    context.close();
  });

  it("refuses to create tasks on a host that is not loopback, unless writes are allowed or the run is read-only", async () => {
    const remote = { ...target, loopback: false };
    await expect(runSuite({ target: remote, only: ["semantics"] })).rejects.toThrow(WritesRefusedError);
    await expect(runSuite({ target: remote, only: ["semantics"] })).rejects.toThrow(/--allow-writes/);
    const readOnly = await runSuite({ target: remote, readOnly: true });
    const byId = new Map(readOnly.checks.map((check) => [check.id, check]));
    expect(byId.get("semantics.exclude-optional")?.status).toBe("skipped");
    expect(byId.get("semantics.exclude-optional")?.reason).toMatch(/read-only/);
    expect(byId.get("negative.missing-name")?.status).toBe("passed");
    expect(byId.get("examples.getTemplateInfo.documented")?.status).toBe("passed");
    expect(readOnly.createdTasks).toEqual([]);
    const allowed = await runSuite({ target: remote, allowWrites: true, only: ["semantics"] });
    expect(notPassed(allowed)).toEqual([]);
  });
});

describe("the suite against the reference server over real HTTP", () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let close: () => void;
  beforeAll(async () => {
    const context = createTestContext();
    close = () => context.close();
    server = await startServer((request) => context.app.fetch(request), { port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await server.close();
    close();
  });

  it.each(["esb", "gateway"] as const)("%s form, demo data declared: every check passes", async (form) => {
    const target = baseUrlTarget({
      bases: { esb: server.url, gateway: `${server.url}/api/bk-sops/prod` },
      demoData: true,
    });
    const result = await runSuite({ target, form, identity: DEMO_IDENTITY });
    expect(notPassed(result)).toEqual([]);
  });
});
