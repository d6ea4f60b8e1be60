import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, QA_ENV, qaArgs } from "./cli-helpers.js";
import { type Deployment, QA, startDeployment } from "./deployment.js";

// The acceptance test: the reference server stands in for a real deployment (its own
// templates in business 7, another business, a common template; no demo data), reached only as a
// QA engineer would reach one: base URLs of both forms, credentials (the app, its user, and a user
// IAM grants nothing, an app on the whitelist), business and template.
describe("a real deployment, stood in for by the reference server", () => {
  let deployment: Deployment;
  const reports = mkdtempSync(join(tmpdir(), "bk-sops-contract-acceptance-"));
  beforeAll(async () => {
    deployment = await startDeployment();
  });
  afterAll(async () => {
    await deployment.close();
    rmSync(reports, { recursive: true, force: true });
  });

  it("runs every documented example (at most one skip, with its reason) and every check passes", {
    timeout: 60_000,
  }, async () => {
    const started = performance.now();
    const run = await cli(qaArgs(deployment, ["--report-dir", reports]), QA_ENV);
    const seconds = (performance.now() - started) / 1000;
    // A full run against a local target must stay under 10 s: printed, not asserted.
    console.log(`full run against the stand-in deployment: ${seconds.toFixed(2)} s`);
    const report = JSON.parse(readFileSync(join(reports, "report.json"), "utf8"));
    const checks: Array<{ id: string; status: string; reason: string | null }> = report.checks;
    expect(checks.filter((c) => c.status === "failed").map((c) => `${c.id}: ${c.reason}`)).toEqual([]);
    const examples = checks.filter((c) => c.id.startsWith("examples."));
    expect(examples.length).toBeGreaterThanOrEqual(45);
    const skipped = checks.filter((c) => c.status === "skipped");
    expect(skipped.length, skipped.map((c) => `${c.id}: ${c.reason}`).join("\n")).toBeLessThanOrEqual(1);
    for (const check of skipped) expect(check.reason).toBeTruthy();
    expect(run.code).toBe(0);
    // Nothing of the demo data was used: every task went to business 7's project.
    expect(report.createdTasks.length).toBeGreaterThan(10);
    for (const task of report.createdTasks) expect(task.taskUrl).toMatch(/\/taskflow\/execute\/70\//);
    // The tasks the examples started were revoked unless they had settled: nothing keeps running.
    const startedTasks = report.createdTasks.filter(
      (task: { cleanup?: string }) => task.cleanup !== undefined,
    );
    expect(startedTasks.length).toBeGreaterThan(5);
    for (const task of startedTasks)
      expect(task.cleanup).toMatch(/^(revoked|settled \((FINISHED|FAILED|REVOKED)\))$/);
    expect(startedTasks.some((task: { cleanup: string }) => task.cleanup === "revoked")).toBe(true);
  });

  it("predicts the tasks of a template with a subprocess (unfolded from the child read from the deployment)", {
    timeout: 60_000,
  }, async () => {
    const args = qaArgs(deployment, ["--only", "semantics", "--report-dir", reports]);
    const run = await cli(
      args.map((arg) => (arg === QA.templateId ? "702" : arg)),
      QA_ENV,
    );
    const report = JSON.parse(readFileSync(join(reports, "report.json"), "utf8"));
    const checks: Array<{ id: string; status: string; reason: string | null }> = report.checks;
    expect(checks.filter((c) => c.status === "failed").map((c) => `${c.id}: ${c.reason}`)).toEqual([]);
    expect(run.code).toBe(0);
    const byId = new Map(checks.map((c) => [c.id, c]));
    for (const id of ["semantics.keeps-every-node", "semantics.exclude-optional", "semantics.tree-values"])
      expect(byId.get(id)?.status, id).toBe("passed");
  });
});
