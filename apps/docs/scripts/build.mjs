#!/usr/bin/env node
// `npm run docs`: builds the docs site into dist/site/ and says where it is.
//   node scripts/build.mjs [--output DIR] [--reports DIR]...
// --reports (repeatable; also DOCS_REPORTS, comma-separated) adds the conformance reports of other
// targets: a folder holding a report.json, or one folder per target each with one.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildSite, DEFAULT_REPORTS_DIR, DEFAULT_SITE_DIR } from "../dist/lib/index.js";
import { describeSite } from "./describe.mjs";

const { values } = parseArgs({
  options: {
    output: { type: "string", short: "o" },
    reports: { type: "string", multiple: true },
  },
});
// npm runs scripts from the package folder; paths given on the command line are the caller's.
const cwd = process.env.INIT_CWD ?? process.cwd();
const extra = [...(values.reports ?? []), ...(process.env.DOCS_REPORTS ?? "").split(",").filter(Boolean)];

const started = Date.now();
try {
  const site = buildSite({
    outDir: values.output ? resolve(cwd, values.output) : DEFAULT_SITE_DIR,
    reportDirs: [DEFAULT_REPORTS_DIR, ...extra.map((dir) => resolve(cwd, dir))],
  });
  console.log(await describeSite(site.index, Date.now() - started));
} catch (error) {
  console.error(`docs: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
