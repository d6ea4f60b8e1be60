import { createTestContext } from "@bksops/server/testing";
import { describe, expect, it } from "vitest";
import { type FetchFn, fetchTarget, runSuite } from "../src/index.js";
import {
  acceptsMissingName,
  crashesOnMalformedJson,
  ignoresExclusion,
  reusesIds,
  taskIdAsString,
} from "./broken-servers.js";

// Each wrong server must fail the suite, on (at least) the check whose id names its fault.
const CASES: Array<[string, (app: FetchFn) => FetchFn, string[]]> = [
  [
    "task_id answered as a string",
    taskIdAsString,
    ["schema.semantics.create-succeeds", "examples.createTaskEsb.documented", "semantics.task-ids-increase"],
  ],
  [
    "exclude_task_nodes_id ignored",
    ignoresExclusion,
    ["semantics.exclude-optional", "examples.createTask.exclude_optional_node", "semantics.exclude-required"],
  ],
  ["node ids reused across tasks", reusesIds, ["semantics.fresh-ids"]],
  [
    "a missing name answered result: true",
    acceptsMissingName,
    ["negative.missing-name", "examples.createTask.missing_name", "examples.createTaskEsb.esb_missing_name"],
  ],
  [
    "a bare 500 on malformed JSON",
    crashesOnMalformedJson,
    ["negative.malformed-json", "schema.negative.malformed-json"],
  ],
];

describe("the suite against deliberately broken servers", () => {
  for (const form of ["esb", "gateway"] as const) {
    it.each(CASES)(
      `${form} form: %s fails the check that names the fault`,
      async (_label, breakIt, mustFail) => {
        const { app, db } = createTestContext();
        const result = await runSuite({
          target: fetchTarget(breakIt((request) => app.fetch(request))),
          form,
        });
        db.close();
        const failed = result.checks.filter((check) => check.status === "failed").map((check) => check.id);
        expect(result.summary.failed).toBeGreaterThan(0);
        for (const id of mustFail) expect(failed, `${id} should fail`).toContain(id);
        for (const check of result.checks.filter((c) => c.status === "failed")) {
          expect(check.reason, check.id).toBeTruthy();
        }
      },
    );
  }
});
