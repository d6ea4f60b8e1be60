import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SuiteResult } from "../types.js";
import { htmlReport } from "./html.js";
import { jsonReport } from "./json.js";
import { junitReport } from "./junit.js";

/** The files `--report-dir` receives. */
export const REPORT_FILES = { junit: "junit.xml", json: "report.json", html: "report.html" } as const;

/** Writes the JUnit, JSON and HTML reports into `dir`, each passed through `mask` (secrets). */
export function writeReports(
  dir: string,
  result: SuiteResult,
  mask: (text: string) => string = (t) => t,
): string[] {
  mkdirSync(dir, { recursive: true });
  const files: Array<[string, string]> = [
    [REPORT_FILES.junit, junitReport(result)],
    [REPORT_FILES.json, jsonReport(result)],
    [REPORT_FILES.html, htmlReport(result)],
  ];
  return files.map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, mask(text));
    return path;
  });
}
