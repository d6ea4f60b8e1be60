import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prismTarget, runSuite, type Target } from "../src/index.js";

describe("the suite against the Prism mock of the spec", () => {
  let target: Target;
  beforeAll(async () => {
    target = await prismTarget();
  }, 30_000);
  afterAll(() => target?.close());

  it.each(["esb", "gateway"] as const)(
    "%s form: every check that applies passes; the rest are skipped with reasons",
    // One run sends every documented pair to Prism: about 4 s alone, more on a busy machine.
    { timeout: 60_000 },
    async (form) => {
      const result = await runSuite({ target, form });
      const failed = result.checks
        .filter((check) => check.status === "failed")
        .map((check) => `${check.id}: ${check.reason}`);
      expect(failed).toEqual([]);
      const passedIds = result.checks.filter((check) => check.status === "passed").map((check) => check.id);
      expect(passedIds).toContain("examples.createTask.documented");
      expect(passedIds).toContain("examples.createTaskEsb.esb_wrong_secret");
      expect(passedIds).toContain("examples.getTemplateInfo.documented");
      expect(passedIds).toContain("semantics.graph");
      // Every answer a check owns was validated against the spec's schemas, within the check.
      expect(result.schema.failed).toBe(0);
      expect(result.schema.checked).toBeGreaterThan(30);
      for (const check of result.checks.filter((c) => c.status === "skipped")) {
        expect(check.reason, check.id).toMatch(/static mock/);
      }
      expect(result.checks.find((c) => c.id === "semantics.fresh-ids")?.status).toBe("skipped");
      expect(result.checks.find((c) => c.id === "negative.missing-name")?.status).toBe("skipped");
    },
  );
});
