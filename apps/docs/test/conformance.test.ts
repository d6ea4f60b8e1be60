import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { displayLabel, findReports, outcomeOf, readReport, versionWarnings } from "../src/conformance.js";
import { conformanceMatrix, operationConformanceTable } from "../src/conformance-tables.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Writes report.json (and report.html) of one target into `root/name/`. */
function writeReport(root: string, name: string, report: object, html = true) {
  mkdirSync(join(root, name), { recursive: true });
  writeFileSync(join(root, name, "report.json"), JSON.stringify(report));
  if (html) writeFileSync(join(root, name, "report.html"), "<html></html>");
  return join(root, name, "report.json");
}
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "bksops-docs-test-"));
  dirs.push(dir);
  return dir;
};
const report = (target: string, version = "1.0.0") => ({
  tool: "bk-sops-contract",
  target,
  spec: { title: "t", version },
  form: "esb",
  summary: { passed: 3, failed: 1, skipped: 1 },
  operations: { a: { passed: 2, failed: 1, skipped: 0 }, b: { passed: 1, failed: 0, skipped: 1 } },
  checks: [],
});

describe("reading reports", () => {
  it("reads the per-operation summary, the spec version and the HTML report next to it", () => {
    const root = tempDir();
    const read = readReport(writeReport(root, "x", report("staging https://bk.example.org")), "x");
    expect(read).toMatchObject({
      label: "Staging https://bk.example.org",
      specVersion: "1.0.0",
      operations: { a: { passed: 2, failed: 1, skipped: 0 } },
      htmlPath: join(root, "x", "report.html"),
    });
  });

  it("counts the checks per operationId when a report has no operations summary", () => {
    const root = tempDir();
    const legacy = {
      ...report("t"),
      operations: undefined,
      checks: [
        { operationId: "a", status: "passed" },
        { operationId: "a", status: "failed" },
        { operationId: "b", status: "skipped" },
      ],
    };
    expect(readReport(writeReport(root, "x", legacy), "x").operations).toEqual({
      a: { passed: 1, failed: 1, skipped: 0 },
      b: { passed: 0, failed: 0, skipped: 1 },
    });
  });

  it("refuses a file that is not a conformance report, naming it", () => {
    const root = tempDir();
    const file = writeReport(root, "x", { hello: 1 });
    expect(() => readReport(file, "x")).toThrow(`${file}: not a report.json of bk-sops-contract`);
  });

  it("finds one report per folder, the reference server's and Prism's first, slugs unique", () => {
    const root = tempDir();
    writeReport(root, "zeta", report("z"));
    writeReport(root, "prism", report("Prism mock http://127.0.0.1:4010"));
    writeReport(root, "reference", report("reference server http://127.0.0.1:8000"));
    const taken = new Set(["zeta"]);
    const found = findReports(root, taken);
    expect(found.map((entry) => [entry.slug, entry.label])).toEqual([
      ["reference", "Reference server"],
      ["prism", "Prism mock"],
      ["zeta-2", "Z"],
    ]);
  });

  it("says when a folder of reports does not exist", () => {
    expect(() => findReports("/no/such/folder")).toThrow("/no/such/folder: no such folder of reports");
  });
});

describe("outcomes and warnings", () => {
  const cases: Array<[string, Parameters<typeof outcomeOf>[0], ReturnType<typeof outcomeOf>]> = [
    ["any failure fails", { passed: 9, failed: 1, skipped: 0 }, "failed"],
    ["passes when something passed and nothing failed", { passed: 1, failed: 0, skipped: 5 }, "passed"],
    ["skipped when every check was skipped", { passed: 0, failed: 0, skipped: 2 }, "skipped"],
    ["not run without checks", undefined, "not run"],
  ];
  it.each(cases)("%s", (_name, counts, want) => {
    expect(outcomeOf(counts)).toBe(want);
  });

  it("keeps a label that is not a loopback URL, drops a loopback one", () => {
    expect(displayLabel("reference server http://127.0.0.1:41945")).toBe("Reference server");
    expect(displayLabel("https://bk.example.org")).toBe("https://bk.example.org");
  });

  it("warns about a report made against another spec version, naming both", () => {
    const root = tempDir();
    const reports = [readReport(writeReport(root, "old", report("old", "0.9")), "old")];
    expect(versionWarnings(reports, "1.0.0")).toEqual([
      "The report of Old was made against spec version 0.9; this page documents 1.0.0, so its results may not match.",
    ]);
    expect(versionWarnings(reports, "0.9")).toEqual([]);
  });
});

describe("conformance tables", () => {
  it("has a row per target with its outcome, counts and a link to its report", () => {
    const root = tempDir();
    writeReport(root, "reference", report("reference server"));
    const reports = findReports(root);
    const html = operationConformanceTable(reports, "a");
    expect(html).toContain('<tr data-target="reference">');
    expect(html).toContain('data-outcome="failed"');
    expect(html).toContain(
      '<td data-count="passed">2</td><td data-count="failed">1</td><td data-count="skipped">0</td>',
    );
    expect(html).toContain('<a href="conformance/reference/report.html">report</a>');
  });

  it("marks an operation a report does not know as not run, and shows the warnings", () => {
    const root = tempDir();
    writeReport(root, "reference", report("reference server"), false);
    const reports = findReports(root);
    const html = conformanceMatrix(reports, [{ operationId: "c", summary: "C" }], ["careful"]);
    expect(html).toContain('data-outcome="not run"');
    expect(html).toContain('<p class="bksops-warning">⚠ careful</p>');
    expect(html).toContain('href="conformance/reference/report.json"');
  });
});
