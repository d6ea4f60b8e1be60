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
} from "../src/index.js";

const notPassed = (result: SuiteResult) =>
  result.checks
    .filter((check) => check.status !== "passed")
    .map((check) => `${check.id}: ${check.status} ${check.reason}`);

describe("the suite against the reference server in-process", () => {
  let target: Target;
  beforeAll(() => {
    target = inProcessTarget();
  });
  afterAll(() => target.close());

  it.each(["esb", "gateway"] as const)("%s form: every check passes and none is skipped", async (form) => {
    const result = await runSuite({ target, form });
    expect(notPassed(result)).toEqual([]);
    expect(result.summary.passed).toBe(result.checks.length);
    // Every documented pair, and each of the four concerns, is covered.
    const groups = new Set(result.checks.map((check) => check.group));
    expect([...groups].sort()).toEqual(["examples", "negative", "schema", "semantics"]);
    expect(result.checks.filter((check) => check.id.startsWith("examples.")).length).toBeGreaterThanOrEqual(
      20,
    );
  });

  it("creates every task with the recognisable name prefix", async () => {
    const { app, db } = createTestContext();
    await runSuite({
      target: fetchTarget((request) => app.fetch(request)),
      only: ["semantics", "examples.createTaskEsb"],
    });
    const names = (db.prepare("SELECT name FROM tasks").all() as Array<{ name: string }>).map((r) => r.name);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name.startsWith("bk-sops-contract ")).toBe(true);
    db.close();
  });

  it("skips the checks that create tasks on a host that is not loopback, unless writes are allowed", async () => {
    const remote = { ...target, loopback: false };
    const result = await runSuite({
      target: remote,
      only: ["semantics", "examples.createTaskEsb.documented", "negative.missing-name"],
    });
    const byId = new Map(result.checks.map((check) => [check.id, check]));
    expect(byId.get("semantics.exclude-optional")?.status).toBe("skipped");
    expect(byId.get("semantics.exclude-optional")?.reason).toMatch(/--allow-writes/);
    expect(byId.get("examples.createTaskEsb.documented")?.status).toBe("skipped");
    expect(byId.get("negative.missing-name")?.status).toBe("passed");
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

  it.each(["esb", "gateway"] as const)("%s form: every check passes and none is skipped", async (form) => {
    const target = baseUrlTarget({
      bases: { esb: server.url, gateway: `${server.url}/api/bk-sops/prod` },
      demoData: true,
    });
    const result = await runSuite({ target, form, identity: DEMO_IDENTITY });
    expect(notPassed(result)).toEqual([]);
  });

  it("skips what it cannot learn on an unknown deployment, with the reason", async () => {
    const target = baseUrlTarget({ bases: { esb: server.url } });
    const result = await runSuite({ target, identity: { ...DEMO_IDENTITY, templateId: "1" } });
    const byId = new Map(result.checks.map((check) => [check.id, check]));
    expect(byId.get("examples.createTaskEsb.documented")?.reason).toMatch(/demo data/);
    expect(byId.get("examples.createTask.documented")?.reason).toMatch(/gateway form/);
    // Template 1 has no global variables left after pruning: nothing to overwrite.
    expect(byId.get("semantics.constants-applied")?.status).toBe("skipped");
    expect(byId.get("semantics.constants-applied")?.reason).toMatch(/global variables/);
    expect(byId.get("semantics.exclude-optional")?.status).toBe("passed");
    expect(result.summary.failed).toBe(0);
  });
});
