#!/usr/bin/env node
// Runs every check of the repository and ends with the one line CI reads:
// "N passed, N failed, N skipped". Each vitest test counts once; lint and the
// type check count as one test each. Run through scripts/dev.mjs (it sets PATH).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const packageDirs = ["apps", "packages"]
  .flatMap((group) =>
    existsSync(join(root, group))
      ? readdirSync(join(root, group)).map((name) => join(root, group, name))
      : [],
  )
  .concat(join(root, "openapi"))
  .filter((dir) => existsSync(join(dir, "package.json")));

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

/** Exit status of a step that could not run here and says why (never under CI). */
const SKIPPED = 77;
const underCi = Boolean(process.env.CI);

function step(title, cmd, args) {
  console.log(`\n━━ ${title}`);
  const { status } = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  if (status === 0) totals.passed += 1;
  else if (status === SKIPPED && !underCi) totals.skipped += 1;
  else {
    totals.failed += 1;
    failures.push(title);
  }
}

step("lint and format (biome)", "biome", ["ci", "."]);
step("type check (tsc, tests included)", "pnpm", [
  "turbo",
  "run",
  "typecheck",
  "--ui=stream",
  "--output-logs=errors-only",
]);

// A report left over from an earlier run must not be counted: turbo restores the
// reports of cached tasks and the others write theirs afresh.
const reportOf = (dir) => join(dir, "reports", "vitest.json");
for (const dir of packageDirs) rmSync(reportOf(dir), { force: true });

console.log("\n━━ tests (vitest, every package)");
const turbo = spawnSync(
  "pnpm",
  ["turbo", "run", "test", "--continue", "--ui=stream", "--output-logs=new-only"],
  { cwd: root, stdio: "inherit" },
);

for (const dir of packageDirs) {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  if (!pkg.scripts?.test) continue;
  if (!existsSync(reportOf(dir))) {
    totals.failed += 1;
    failures.push(`${pkg.name}: the test run wrote no report`);
    continue;
  }
  const report = JSON.parse(readFileSync(reportOf(dir), "utf8"));
  for (const file of report.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status === "passed") totals.passed += 1;
      else if (test.status === "failed") {
        totals.failed += 1;
        failures.push(`${pkg.name}: ${test.fullName}`);
      } else if (underCi) {
        // Under CI every tool a test needs is installed (.ci/run): a skip would hide a failure.
        totals.failed += 1;
        failures.push(`${pkg.name}: ${test.fullName} (skipped under CI)`);
      } else totals.skipped += 1;
    }
    // A file that failed to load has no assertions but still failed.
    if ((file.assertionResults ?? []).length === 0 && file.status === "failed") {
      totals.failed += 1;
      failures.push(`${pkg.name}: ${file.name} failed to run`);
    }
  }
}
// Last, alone: it builds the image (minutes of CPU) and would slow the tests above down.
step("container: build the Dockerfile, run compose.yaml (podman)", "node", ["scripts/container-test.mjs"]);

if (turbo.status !== 0 && failures.length === 0) {
  totals.failed += 1;
  failures.push("turbo run test exited non-zero");
}

if (failures.length > 0) {
  console.log("\nFailed:");
  for (const failure of failures) console.log(`  ✖ ${failure}`);
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
