import { type Counts, outcomeOf, REPORT_HTML, type TargetReport } from "./conformance.js";
import { code, esc } from "./html.js";

const ICONS = { passed: "✔", failed: "✘", skipped: "–", "not run": "·" } as const;

/** Where the site keeps a target's copied reports, relative to the page. */
export const reportHref = (report: TargetReport, file = REPORT_HTML): string =>
  `conformance/${encodeURIComponent(report.slug)}/${file}`;

const countsText = (counts: Counts | undefined) =>
  counts ? `${counts.passed} passed · ${counts.failed} failed · ${counts.skipped} skipped` : "no check";

function outcomeCell(counts: Counts | undefined): string {
  const outcome = outcomeOf(counts);
  const tally = counts
    ? `<br><small>${counts.passed} ✔ · ${counts.failed} ✘ · ${counts.skipped} –</small>`
    : "";
  return `<td class="bksops-${outcome.replace(" ", "-")}" data-outcome="${outcome}" title="${esc(countsText(counts))}">${ICONS[outcome]} ${outcome}${tally}</td>`;
}

const reportLink = (report: TargetReport) =>
  report.htmlPath
    ? `<a href="${reportHref(report)}">report</a>`
    : `<a href="${reportHref(report, "report.json")}">report.json</a>`;

/** The conformance of one operation: a row per target with its counts and a link to the run's report. */
export function operationConformanceTable(reports: TargetReport[], operationId: string): string {
  if (reports.length === 0) return "";
  const rows = reports.map((report) => {
    const counts = report.operations[operationId];
    return (
      `<tr data-target="${esc(report.slug)}"><td>${esc(report.label)}</td>${outcomeCell(counts)}` +
      `<td data-count="passed">${counts?.passed ?? 0}</td><td data-count="failed">${counts?.failed ?? 0}</td>` +
      `<td data-count="skipped">${counts?.skipped ?? 0}</td><td>${reportLink(report)}</td></tr>`
    );
  });
  return `<table class="bksops-conformance" data-operation="${esc(operationId)}">
<thead><tr><th>Target</th><th>Result</th><th>Passed</th><th>Failed</th><th>Skipped</th><th>Run</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table>`;
}

/** Operations × targets, and one line per run (when, which spec version, which form). */
export function conformanceMatrix(
  reports: TargetReport[],
  operations: Array<{ operationId: string; summary: string }>,
  warnings: string[],
): string {
  if (reports.length === 0) return "<p>No conformance report was given to this build.</p>";
  const head = reports
    .map((report) => `<th data-target="${esc(report.slug)}">${esc(report.label)}</th>`)
    .join("");
  const rows = operations.map(
    ({ operationId, summary }) =>
      `<tr data-operation="${esc(operationId)}"><td>${code(operationId)}<br><small>${esc(summary)}</small></td>${reports
        .map((report) => outcomeCell(report.operations[operationId]))
        .join("")}</tr>`,
  );
  const runs = reports.map(
    (report) =>
      `<li data-target="${esc(report.slug)}"><b>${esc(report.label)}</b>: ${esc(countsText(report.summary))}` +
      `; spec ${esc(report.specVersion)}${report.form ? `, ${esc(report.form)} form` : ""}` +
      `${report.startedAt ? `, run ${esc(report.startedAt)}` : ""} · ${reportLink(report)}</li>`,
  );
  const warningHtml = warnings.map((warning) => `<p class="bksops-warning">⚠ ${esc(warning)}</p>`).join("\n");
  return `${warningHtml}
<table class="bksops-conformance-matrix">
<thead><tr><th>Operation</th>${head}</tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table>
<ul class="bksops-runs">
${runs.join("\n")}
</ul>`;
}
