import { loadSpec } from "@bksops/api-types";
import { createdTasksOf, latencyOf } from "../report/facts.js";
import type { CheckResult, Form, SuiteResult } from "../types.js";

/**
 * Live traffic as a suite result, so the suite's JUnit, JSON and HTML writers report it: one
 * check per exchange (group `live`), the tasks the traffic created, latency.
 */
export function liveResult(upstream: string, checks: CheckResult[], startedAt: Date): SuiteResult {
  const spec = loadSpec();
  const summary = { passed: 0, failed: 0, skipped: 0 };
  for (const check of checks) summary[check.status] += 1;
  const forms = [
    ...new Set(checks.flatMap((check) => check.exchanges.map((exchange) => exchange.form))),
  ] as Form[];
  const preflight = { problems: [], exchanges: [] };
  return {
    target: `live traffic to ${upstream} (bk-sops-contract proxy)`,
    spec: { title: String(spec.info.title), version: String(spec.info.version) },
    form: forms[0] ?? "gateway",
    forms,
    startedAt: startedAt.toISOString(),
    ms: Date.now() - startedAt.getTime(),
    summary,
    schema: {
      checked: checks.filter((check) => check.schema !== "none").length,
      failed: checks.filter((check) => check.schema === "failed").length,
    },
    preflight,
    checks,
    createdTasks: createdTasksOf(
      checks.flatMap((check) => check.exchanges),
      checks,
      preflight,
    ),
    latency: latencyOf(checks, preflight),
  };
}
