import type { Group, SuiteResult } from "../types.js";
import { formatHeader } from "./console.js";
import { diffText, requestsOf } from "./details.js";

// XML 1.0 forbids most control characters even when escaped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const xml = (text: string) =>
  text
    .replace(INVALID, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** JUnit XML: one testsuite per group, one testcase per check. */
export function junitReport(result: SuiteResult): string {
  const groups = [...new Set(result.checks.map((c) => c.group))] as Group[];
  const suites = groups.map((group) => {
    const checks = result.checks.filter((c) => c.group === group);
    const cases = checks.map((check) => {
      const curls = requestsOf(check)
        .map((r) => r.curl)
        .join("\n");
      const head = `    <testcase classname="bk-sops-contract.${group}" name="${xml(check.id)}" time="${seconds(check.ms)}">`;
      const body =
        check.status === "failed"
          ? `      <failure message="${xml(check.reason ?? "")}">${xml(`${check.title}\n${check.verifies}\n\n${diffText(check)}\n\n${curls}`)}</failure>\n`
          : check.status === "skipped"
            ? `      <skipped message="${xml(check.reason ?? "")}"/>\n`
            : "";
      return `${head}\n${body}      <system-out>${xml(`${check.title}\n${check.verifies}\n${curls}`)}</system-out>\n    </testcase>`;
    });
    const count = (status: string) => checks.filter((c) => c.status === status).length;
    const time = seconds(checks.reduce((sum, c) => sum + c.ms, 0));
    return `  <testsuite name="${group}" tests="${checks.length}" failures="${count("failed")}" errors="0" skipped="${count("skipped")}" time="${time}">\n${cases.join("\n")}\n  </testsuite>`;
  });
  const { passed, failed, skipped } = result.summary;
  const total = passed + failed + skipped;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(formatHeader(result))}" tests="${total}" failures="${failed}" errors="0" skipped="${skipped}" time="${seconds(result.ms)}">\n${suites.join("\n")}\n</testsuites>\n`;
}
