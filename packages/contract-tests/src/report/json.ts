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

/** report.json: the summary and one entry per check (id, status, reason, diff, requests). */
export function jsonReport(result: SuiteResult): string {
  const checks = result.checks.map((check) => ({
    id: check.id,
    operationId: check.operationId,
    title: check.title,
    verifies: check.verifies,
    group: check.group,
    status: check.status,
    reason: check.reason ?? null,
    ms: Math.round(check.ms),
    differences: check.differences,
    requests: requestsOf(check),
  }));
  const { target, spec, form, startedAt, ms, summary } = result;
  const operations = summaryByOperation(result);
  return `${JSON.stringify({ tool: "bk-sops-contract", target, spec, form, startedAt, ms, summary, operations, checks }, null, 2)}\n`;
}
