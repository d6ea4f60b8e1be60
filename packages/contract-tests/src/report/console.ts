import { byPriority } from "../checks/check.js";
import { renderDiff } from "../checks/diff.js";
import type { CheckResult, Group, Status, SuiteResult } from "../types.js";

const COLOURS: Record<Status, number> = { passed: 32, failed: 31, skipped: 33 };
const MARKS: Record<Status, string> = { passed: "✓ PASS", failed: "✗ FAIL", skipped: "- SKIP" };
const GROUPS: Group[] = ["examples", "semantics", "negative", "live"];

const paint = (colour: boolean, code: number, text: string) =>
  colour ? `\u001b[${code}m${text}\u001b[0m` : text;
const indent = (text: string) => text.replace(/^/gm, "      ");

/** The forms a run reached, as a phrase: `esb form`, `esb and gateway forms`. */
export const formsPhrase = (result: Pick<SuiteResult, "forms">) =>
  result.forms.length > 1 ? `${result.forms.join(" and ")} forms` : `${result.forms[0] ?? "no"} form`;

/** The header of a run: target, every form tested, the spec. */
export function formatHeader(result: Pick<SuiteResult, "target" | "forms" | "spec" | "form">): string {
  return `bk-sops-contract against ${result.target} (${formsPhrase(result)}; semantics through the ${result.form} form), spec ${result.spec.title} ${result.spec.version}`;
}

/** One progress line per check; a failure adds its diff (decisive differences first) below. */
export function formatCheckLine(result: CheckResult, colour: boolean): string {
  const head = `${paint(colour, COLOURS[result.status], MARKS[result.status])} ${result.id}`;
  const time = paint(colour, 90, `${Math.round(result.ms)} ms`);
  if (result.status === "passed") return `${head} ${time}`;
  const lines = [`${head} — ${result.reason ?? ""}`];
  if (result.status === "failed" && result.differences.length > 0) {
    const shown = byPriority(result.differences).slice(0, 8);
    lines.push(indent(renderDiff(shown)));
    if (result.differences.length > shown.length)
      lines.push(indent(`… and ${result.differences.length - shown.length} more (see the reports)`));
  }
  return lines.join("\n");
}

/** The closing line CI reads: how many checks ran, passed, failed, were skipped. */
export function closingLine(result: SuiteResult): string {
  const { passed, failed, skipped } = result.summary;
  const total = passed + failed + skipped;
  return `${total} checks: ${passed + failed} ran, ${passed} passed, ${failed} failed, ${skipped} skipped (${(result.ms / 1000).toFixed(2)} s)`;
}

/** A table per family, the schema verdicts, latency, the tasks created, and the closing line. */
export function formatSummary(result: SuiteResult, colour: boolean, problems: string[] = []): string {
  const row = (name: string, counts: Array<number | string>) =>
    `${name.padEnd(10)} ${counts.map((n) => String(n).padStart(7)).join(" ")}`;
  const count = (checks: CheckResult[], status: Status) => checks.filter((c) => c.status === status).length;
  const lines = [
    `\n${"family".padEnd(10)} ${["passed", "failed", "skipped", "p50 ms", "p95 ms", "max ms"].map((h) => h.padStart(7)).join(" ")}`,
  ];
  for (const group of GROUPS) {
    const checks = result.checks.filter((c) => c.group === group);
    const latency = result.latency[group];
    if (checks.length > 0)
      lines.push(
        row(group, [
          count(checks, "passed"),
          count(checks, "failed"),
          count(checks, "skipped"),
          latency?.p50 ?? "-",
          latency?.p95 ?? "-",
          latency?.max ?? "-",
        ]),
      );
  }
  lines.push(
    `schema: ${result.schema.checked} check(s) validated their answers, ${result.schema.failed} broke the spec (counted in their checks)`,
  );
  if (result.createdTasks.length > 0) {
    const started = result.createdTasks.filter((task) => task.cleanup !== undefined).length;
    lines.push(
      `tasks created (${result.createdTasks.length}, ${started} started and revoked unless settled; bk-sops' API cannot delete them):`,
    );
    for (const task of result.createdTasks)
      lines.push(
        `  ${task.taskId} ${task.taskUrl ?? ""} (${task.by}${task.cleanup ? `; started, ${task.cleanup}` : ""})`,
      );
  }
  for (const problem of problems) lines.push(paint(colour, 31, problem));
  const ok = result.summary.failed === 0 && problems.length === 0;
  lines.push(`\n${formatHeader(result)}`);
  lines.push(paint(colour, ok ? 32 : 31, `${ok ? "PASSED" : "FAILED"}: ${closingLine(result)}`));
  return lines.join("\n");
}
