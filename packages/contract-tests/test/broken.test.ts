import type { TestServerContext } from "@bksops/server/testing";
import { afterAll, describe, expect, it } from "vitest";
import { baseUrlTarget, type FetchFn, runSuite } from "../src/index.js";
import {
  acceptsMissingName,
  crashesOnMalformedJson,
  dropsOptionalNodes,
  ignoresConstants,
  ignoresExclusion,
  ignoresSchemes,
  keepsPrunedConstants,
  reusesIds,
  taskIdAsString,
  wrongConvergeGateway,
  wrongStatusOnError,
} from "./broken-servers.js";
import { type Deployment, QA_IDENTITY, startDeployment } from "./deployment.js";

type Fault = (app: FetchFn, context: TestServerContext) => FetchFn;

// Each wrong server, reached like a real deployment (base URLs, credentials, business 7 and its
// template, no demo data), must fail the suite on the check whose id names its fault; the reason
// names the fault too.
const CASES: Array<[string, Fault, Array<[string, RegExp]>]> = [
  [
    "drops every optional node when no exclusion is asked",
    dropsOptionalNodes,
    [["semantics.keeps-every-node", /dropped/]],
  ],
  ["ignores constants", ignoresConstants, [["semantics.constants-applied", /sent value must replace/]]],
  ["keeps pruned constants", keepsPrunedConstants, [["semantics.constants-pruned", /must be pruned/]]],
  ["ignores schemes", ignoresSchemes, [["semantics.scheme", /scheme .*kept/]]],
  ["a wrong converge_gateway_id", wrongConvergeGateway, [["semantics.wiring", /converge_gateway_id/]]],
  [
    "a wrong HTTP status on an error",
    wrongStatusOnError,
    [
      ["negative.missing-name", /HTTP status differs/],
      ["examples.createTask.exclude_not_optional", /HTTP status differs/],
    ],
  ],
  [
    "task_id answered as a string",
    taskIdAsString,
    [
      ["semantics.create-succeeds", /schema/],
      ["semantics.task-ids-increase", /task ids/],
    ],
  ],
  ["exclude_task_nodes_id ignored", ignoresExclusion, [["semantics.exclude-optional", /kept/]]],
  ["node ids reused across tasks", reusesIds, [["semantics.fresh-ids", /reuses/]]],
  ["a missing name answered result: true", acceptsMissingName, [["negative.missing-name", /result/]]],
  [
    "a bare 500 on malformed JSON",
    crashesOnMalformedJson,
    [["negative.malformed-json", /HTTP status differs/]],
  ],
];

describe("the suite against deliberately broken servers, reached as a real deployment", () => {
  const open: Deployment[] = [];
  afterAll(async () => {
    for (const deployment of open) await deployment.close();
  });

  it.each(CASES)(
    "%s: fails the check that names the fault",
    { timeout: 60_000 },
    async (_label, fault, mustFail) => {
      const deployment = await startDeployment(fault);
      open.push(deployment);
      const target = baseUrlTarget({ bases: { esb: deployment.esb, gateway: deployment.gateway } });
      for (const form of ["esb", "gateway"] as const) {
        // The families that catch faults of the server's own logic, and the checks named.
        const only = ["semantics", "negative", ...mustFail.map(([id]) => id)];
        const result = await runSuite({ target, form, identity: QA_IDENTITY, only });
        expect(result.preflight.problems).toEqual([]);
        const byId = new Map(result.checks.map((check) => [check.id, check]));
        for (const [id, reason] of mustFail) {
          expect(byId.get(id)?.status, `${form}: ${id} should fail`).toBe("failed");
          expect(byId.get(id)?.reason, `${form}: ${id}`).toMatch(reason);
        }
      }
    },
  );
});
