#!/usr/bin/env node
// Regenerates src/generated/schema.ts and openapi.json from openapi/openapi.yaml.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { generate, outputs, packageRoot } from "./generate-lib.mjs";

const files = await generate();
for (const [key, path] of Object.entries(outputs)) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, files[key]);
  console.log(`wrote ${relative(packageRoot, path)}`);
}
