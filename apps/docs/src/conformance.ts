import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Passed, failed and skipped checks. */
export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

/** One run of the conformance suite (`bk-sops-contract`), read from its report.json. */
export interface TargetReport {
  /** The folder the site copies its report into, under `conformance/`. */
  slug: string;
  /** What the page calls the target (the report's label without a loopback URL). */
  label: string;
  /** The report's own target label. */
  target: string;
  specVersion: string;
  startedAt?: string;
  form?: string;
  summary: Counts;
  /** Counts per operationId. */
  operations: Record<string, Counts>;
  /** report.json itself, and report.html next to it when there is one. */
  jsonPath: string;
  htmlPath?: string;
}

/** What a check's result is for one operation on one target. */
export type Outcome = "passed" | "failed" | "skipped" | "not run";

export const REPORT_JSON = "report.json";
export const REPORT_HTML = "report.html";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isCounts = (value: unknown): value is Counts =>
  isObject(value) && ["passed", "failed", "skipped"].every((key) => typeof value[key] === "number");

/** A target label such as `reference server http://127.0.0.1:41945` without its loopback URL. */
export function displayLabel(target: string): string {
  const short = target
    .replace(/\s+https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\/?\S*$/, "")
    .trim();
  if (!short) return target;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(short) ? short : short.charAt(0).toUpperCase() + short.slice(1);
}

/** Reads one report.json; throws an error naming the file when it is not a conformance report. */
export function readReport(jsonPath: string, slug: string): TargetReport {
  let report: unknown;
  try {
    report = JSON.parse(readFileSync(jsonPath, "utf8"));
  } catch (error) {
    throw new Error(`${jsonPath}: not JSON (${(error as Error).message})`);
  }
  if (!isObject(report) || typeof report.target !== "string" || !isCounts(report.summary)) {
    throw new Error(`${jsonPath}: not a report.json of bk-sops-contract (no target or summary)`);
  }
  let operations = report.operations;
  if (!isObject(operations) && Array.isArray(report.checks)) {
    // Reports written before the per-operation summary: count the checks that name their operation.
    const counted: Record<string, Counts> = {};
    for (const check of report.checks as Json[]) {
      const id = check.operationId;
      const status = check.status as keyof Counts;
      if (typeof id !== "string" || !["passed", "failed", "skipped"].includes(status)) continue;
      counted[id] ??= { passed: 0, failed: 0, skipped: 0 };
      counted[id][status] += 1;
    }
    operations = counted;
  }
  if (!isObject(operations) || !Object.values(operations).every(isCounts)) {
    throw new Error(`${jsonPath}: no results per operation (operations, or checks with an operationId)`);
  }
  const spec = isObject(report.spec) ? report.spec : {};
  const html = join(dirname(jsonPath), REPORT_HTML);
  return {
    slug,
    label: displayLabel(report.target),
    target: report.target,
    specVersion: typeof spec.version === "string" ? spec.version : "unknown",
    ...(typeof report.startedAt === "string" ? { startedAt: report.startedAt } : {}),
    ...(typeof report.form === "string" ? { form: report.form } : {}),
    summary: report.summary,
    operations: operations as Record<string, Counts>,
    jsonPath,
    ...(existsSync(html) ? { htmlPath: html } : {}),
  };
}

const slugOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "") || "target";

/** The conformance task's own targets, shown first. */
const FIRST = ["reference", "prism"];

/**
 * Every report.json in `dir` or one folder below it (one folder per target): the reference
 * server's and Prism's first, then by name. Slugs are the folder names, made unique.
 */
export function findReports(dir: string, taken = new Set<string>()): TargetReport[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`${dir}: no such folder of reports`);
  const files = [join(dir, REPORT_JSON)];
  const rank = (name: string) => {
    const index = FIRST.indexOf(name);
    return index === -1 ? FIRST.length : index;
  };
  const names = readdirSync(dir).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const name of names) {
    const sub = join(dir, name, REPORT_JSON);
    if (statSync(join(dir, name)).isDirectory()) files.push(sub);
  }
  return files
    .filter((file) => existsSync(file))
    .map((file) => {
      let slug = slugOf(basename(dirname(file)));
      for (let n = 2; taken.has(slug); n += 1) slug = `${slugOf(basename(dirname(file)))}-${n}`;
      taken.add(slug);
      return readReport(file, slug);
    });
}

/** The outcome of one operation on one target: any failure fails it; skipped only when nothing ran. */
export function outcomeOf(counts: Counts | undefined): Outcome {
  if (!counts || counts.passed + counts.failed + counts.skipped === 0) return "not run";
  if (counts.failed > 0) return "failed";
  return counts.passed > 0 ? "passed" : "skipped";
}

/** Warnings for reports made against another version of the spec than the page documents. */
export function versionWarnings(reports: TargetReport[], specVersion: string): string[] {
  return reports
    .filter((report) => report.specVersion !== specVersion)
    .map(
      (report) =>
        `The report of ${report.label} was made against spec version ${report.specVersion}; this page documents ${specVersion}, so its results may not match.`,
    );
}
