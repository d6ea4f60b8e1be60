import { join } from "node:path";
import { type Counts, REPORT_JSON, readReport } from "./conformance.js";
import { DEFAULT_REPORTS_DIR } from "./paths.js";

/** The badge's label; its message is the reference server's result. */
export const BADGE_LABEL = "reference server conformance";

/** The reference server's latest report, written by the `conformance` task. */
export const REFERENCE_REPORT = join(DEFAULT_REPORTS_DIR, "reference", REPORT_JSON);

/** The README badge for the reference server's report at `reportPath`. */
export function referenceBadge(reportPath = REFERENCE_REPORT): string {
  return conformanceBadge(BADGE_LABEL, readReport(reportPath, "reference").summary);
}

/** The README badge of a target's conformance: "passing" when no check failed, else how many did. */
export function conformanceBadge(label: string, summary: Counts): string {
  const passing = summary.failed === 0 && summary.passed > 0;
  const message = passing ? "passing" : summary.failed > 0 ? `${summary.failed} failed` : "not run";
  return badgeSvg(label, message, passing ? "#2e7d32" : "#c62828");
}

// Verdana 11px averages about 6.5 px a character; the badge only needs to be wide enough.
const widthOf = (text: string) => Math.round(text.length * 6.5) + 12;
const esc = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A flat two-part badge (label on grey, message on `color`), as an SVG document. */
export function badgeSvg(label: string, message: string, color: string): string {
  const left = widthOf(label);
  const right = widthOf(message);
  const width = left + right;
  const title = esc(`${label}: ${message}`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${title}">
<title>${title}</title>
<clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#r)"><rect width="${left}" height="20" fill="#555"/><rect x="${left}" width="${right}" height="20" fill="${color}"/></g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
<text x="${left / 2}" y="14">${esc(label)}</text><text x="${left + right / 2}" y="14">${esc(message)}</text>
</g>
</svg>
`;
}
