#!/usr/bin/env node
// The `conformance` task: runs the conformance suite against the reference server and the Prism
// mock, each started for the run, and keeps their reports (report.json, report.html, junit.xml)
// in dist/conformance/<target>/ for the docs site. Failed checks are results, not errors; a
// target that cannot be run is.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(packageRoot, "dist", "conformance");
const cli = join(packageRoot, "node_modules", ".bin", "bk-sops-contract");

rmSync(out, { recursive: true, force: true });
for (const target of ["reference", "prism"]) {
  const started = Date.now();
  const run = spawnSync(cli, ["--target", target, "--report-dir", join(out, target), "--no-color"], {
    cwd: packageRoot,
    encoding: "utf8",
  });
  const summary = (run.stdout ?? "").trim().split("\n").filter(Boolean).at(-2) ?? "";
  if (run.status !== 0 && run.status !== 1) {
    console.error(
      `conformance: the suite could not run against ${target} (exit ${run.status})\n${run.stderr}`,
    );
    process.exit(1);
  }
  console.log(`conformance: ${target}: ${summary.trim()} (${Date.now() - started} ms)`);
}
