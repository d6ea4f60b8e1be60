import { renderDiff } from "../checks/diff.js";
import type { CheckResult, Group, Status, SuiteResult } from "../types.js";

const COLOURS: Record<Status, number> = { passed: 32, failed: 31, skipped: 33 };
const MARKS: Record<Status, string> = { passed: "✓ PASS", failed: "✗ FAIL", skipped: "- SKIP" };
const GROUPS: Group[] = ["examples", "schema", "semantics", "negative"];

const paint = (colour: boolean, code: number, text: string) =>
  colour ? `\u001b[${code}m${text}\u001b[0m` : text;
const indent = (text: string) => text.replace(/^/gm, "      ");

/** One progress line per check; a failure adds its diff (first differences) below. */
export function formatCheckLine(result: CheckResult, colour: boolean): string {
  const head = `${paint(colour, COLOURS[result.status], MARKS[result.status])} ${result.id}`;
  const time = paint(colour, 90, `${Math.round(result.ms)} ms`);
  if (result.status === "passed") return `${head} ${time}`;
  const lines = [`${head} — ${result.reason ?? ""}`];
  if (result.status === "failed" && result.differences.length > 0) {
    const shown = result.differences.slice(0, 8);
    lines.push(indent(renderDiff(shown)));
    if (result.differences.length > shown.length)
      lines.push(indent(`… and ${result.differences.length - shown.length} more (see the reports)`));
  }
  return lines.join("\n");
}

/** A table of passed/failed/skipped per group, with the totals and the run time. */
export function formatSummary(result: SuiteResult, colour: boolean): string {
  const row = (name: string, counts: number[]) =>
    `${name.padEnd(10)} ${counts.map((n) => String(n).padStart(7)).join(" ")}`;
  const count = (checks: CheckResult[], status: Status) => checks.filter((c) => c.status === status).length;
  const lines = [
    `\n${"group".padEnd(10)} ${["passed", "failed", "skipped"].map((h) => h.padStart(7)).join(" ")}`,
  ];
  for (const group of GROUPS) {
    const checks = result.checks.filter((c) => c.group === group);
    if (checks.length > 0)
      lines.push(row(group, [count(checks, "passed"), count(checks, "failed"), count(checks, "skipped")]));
  }
  const { passed, failed, skipped } = result.summary;
  lines.push(row("total", [passed, failed, skipped]));
  const verdict =
    failed > 0
      ? paint(colour, 31, `${failed} check(s) failed`)
      : paint(colour, 32, "every check that applies passed");
  lines.push(
    `\n${verdict} against ${result.target} (${result.form} form) in ${(result.ms / 1000).toFixed(2)} s`,
  );
  return lines.join("\n");
}
