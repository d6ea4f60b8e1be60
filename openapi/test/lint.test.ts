// `redocly lint` (recommended rules, redocly.yaml) finds nothing in the specs (bk-sops' and the
// reference server's control API): no error, no warning.
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: { ruleId: string; severity: string; message: string; location?: { pointer?: string }[] }[];
}

/** Runs the installed Redocly CLI (no npx, no network) and parses its JSON report. */
async function lint(file: string): Promise<LintReport> {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve("@redocly/cli/package.json");
  const cli = join(dirname(manifest), (require(manifest) as { bin: { redocly: string } }).bin.redocly);
  const run = promisify(execFile);
  const args = [cli, "lint", file, "--config", "redocly.yaml", "--format=json"];
  const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };
  // Redocly exits 1 when it finds errors; the report on stdout is what matters either way.
  const { stdout } = await run(process.execPath, args, { cwd: packageRoot, env, maxBuffer: 16 << 20 }).catch(
    (error: { stdout?: string; stderr?: string }) => {
      if (!error.stdout?.trim().startsWith("{"))
        throw new Error(`redocly lint failed:\n${error.stderr ?? error}`);
      return { stdout: error.stdout };
    },
  );
  return JSON.parse(stdout) as LintReport;
}

describe("redocly lint", () => {
  it.each(["openapi.yaml", "control/openapi.yaml"])(
    "reports 0 errors and 0 warnings for %s",
    async (file) => {
      const report = await lint(file);
      const problems = report.problems.map(
        (problem) =>
          `${problem.severity} ${problem.ruleId} at ${problem.location?.[0]?.pointer ?? "?"}: ${problem.message}`,
      );
      expect(problems).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    },
    30_000,
  );
});
