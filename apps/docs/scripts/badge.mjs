#!/usr/bin/env node
// Writes the README's conformance badge (badges/reference.svg) from the reference server's latest
// report (dist/conformance/reference/report.json, from the `conformance` task). A test fails while
// the committed badge says something else.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { BADGE_PATH, referenceBadge } from "../dist/lib/index.js";

const svg = referenceBadge();
mkdirSync(dirname(BADGE_PATH), { recursive: true });
writeFileSync(BADGE_PATH, svg);
console.log(`badge: wrote ${BADGE_PATH}`);
