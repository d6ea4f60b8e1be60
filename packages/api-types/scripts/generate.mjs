#!/usr/bin/env node
// Regenerates the types and bundled specs of openapi/openapi.yaml (bk-sops) and
// openapi/control/openapi.yaml (the reference server's control API).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { generate, outputs, packageRoot } from "./generate-lib.mjs";

const files = await generate();
for (const [key, path] of Object.entries(outputs)) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, files[key]);
  console.log(`wrote ${relative(packageRoot, path)}`);
}
