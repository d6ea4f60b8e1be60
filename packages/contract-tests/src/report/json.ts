import type { SuiteResult } from "../types.js";
import { requestsOf } from "./details.js";

/** report.json: the summary and one entry per check (id, status, reason, diff, requests). */
export function jsonReport(result: SuiteResult): string {
  const checks = result.checks.map((check) => ({
    id: check.id,
    title: check.title,
    verifies: check.verifies,
    group: check.group,
    status: check.status,
    reason: check.reason ?? null,
    ms: Math.round(check.ms),
    differences: check.differences,
    requests: requestsOf(check),
  }));
  const { target, form, startedAt, ms, summary } = result;
  return `${JSON.stringify({ tool: "bk-sops-contract", target, form, startedAt, ms, summary, checks }, null, 2)}\n`;
}
