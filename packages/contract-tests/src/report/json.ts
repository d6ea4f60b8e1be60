import { byPriority } from "../checks/check.js";
import type { SuiteResult, Summary } from "../types.js";
import { requestsOf } from "./details.js";

/** Passed, failed and skipped checks per operationId, in the order operations first appear. */
export function summaryByOperation(result: SuiteResult): Record<string, Summary> {
  const operations: Record<string, Summary> = {};
  for (const check of result.checks) {
    const summary = operations[check.operationId] ?? { passed: 0, failed: 0, skipped: 0 };
    summary[check.status] += 1;
    operations[check.operationId] = summary;
  }
  return operations;
}

/**
 * report.json: the target, the spec, every form tested, the summary (each check counted once; the
 * schema verdicts apart), a summary per operationId, latency per check family, the tasks the run
 * created, the preflight's findings, and one entry per check (id, operationId, status, reason,
 * differences decisive first, requests with a runnable curl and the pretty-printed answer).
 */
export function jsonReport(result: SuiteResult): string {
  const checks = result.checks.map((check) => ({
    id: check.id,
    operationId: check.operationId,
    title: check.title,
    verifies: check.verifies,
    group: check.group,
    status: check.status,
    reason: check.reason ?? null,
    schema: check.schema,
    ms: Math.round(check.ms),
    differences: byPriority(check.differences),
    requests: requestsOf(check),
  }));
  const { target, spec, form, forms, startedAt, ms, summary, schema, createdTasks, latency } = result;
  const preflight = {
    problems: result.preflight.problems,
    projectId: result.preflight.projectId ?? null,
    trusted: result.preflight.trusted ?? null,
  };
  const operations = summaryByOperation(result);
  const report = {
    tool: "bk-sops-contract",
    target,
    spec,
    form,
    forms,
    startedAt,
    ms,
    summary,
    schema,
    operations,
    latency,
    createdTasks,
    preflight,
    checks,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
