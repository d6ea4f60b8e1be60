// Says where the docs site is: its file, what it shows, and its URL once `npm start` serves it.
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { findReports } from "../dist/lib/index.js";

/** The URL `npm start` serves the site at, from the server's own configuration. */
async function servedAt() {
  try {
    const { loadConfig } = await import("@bksops/server/config");
    const { host, port } = loadConfig(process.env);
    return `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}/docs/`;
  } catch {
    return undefined;
  }
}

/**
 * A few lines: the absolute path of the page, its size, the conformance runs it shows and their
 * warnings, and the URL it is served at.
 * @param {string} index absolute path of index.html
 * @param {number} [ms] how long the build took
 */
export async function describeSite(index, ms) {
  if (!existsSync(index)) return `docs: no site at ${index}: run npm run docs`;
  const html = readFileSync(index, "utf8");
  const size = (statSync(index).size / 1024 / 1024).toFixed(1);
  const lines = [
    `docs: ${ms === undefined ? "the site is" : "wrote"} ${index} (${size} MB, self-contained, works offline)` +
      (ms === undefined ? "" : ` in ${(ms / 1000).toFixed(1)} s`),
  ];
  const runs = join(dirname(index), "conformance");
  for (const report of existsSync(runs) ? findReports(runs) : []) {
    const { passed, failed, skipped } = report.summary;
    lines.push(`  conformance, ${report.label}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
  for (const match of html.matchAll(/<p class="bksops-warning">⚠ ([^<]*)<\/p>/g))
    lines.push(`  warning: ${match[1]}`);
  const url = await servedAt();
  if (url) lines.push(`  served by npm start at ${url}`);
  return lines.join("\n");
}
