#!/usr/bin/env node
// Writes fixtures/*.dat: the documented templates (the reference server's demo data) as bk-sops
// template files, so a real deployment can import them. Run after a build: `pnpm run generate`.
import { writeFileSync } from "node:fs";
import { fixtureFiles } from "./fixtures-lib.mjs";

for (const [name, content] of fixtureFiles()) {
  writeFileSync(new URL(`../fixtures/${name}`, import.meta.url), content);
  console.log(`fixtures/${name}`);
}
