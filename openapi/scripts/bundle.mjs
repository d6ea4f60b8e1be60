// Bundles the spec (openapi.yaml, its operation files and example files) into one JSON document
// with Redocly, the way every tool of the toolkit reads it. Shared by the types generator and tests.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Absolute path of the root spec file. */
export const specPath = join(packageRoot, "openapi.yaml");
/** Absolute path of the spec of the reference server's control API (not part of bk-sops). */
export const controlSpecPath = join(packageRoot, "control", "openapi.yaml");

const require = createRequire(import.meta.url);
const manifest = require.resolve("@redocly/cli/package.json");
const redocly = join(dirname(manifest), require(manifest).bin.redocly);

/**
 * Returns the spec as one JSON document: external `$ref`s are inlined and the components of the
 * operation files are hoisted under `components`, keeping their names.
 * @param {string} [file] the root spec file (default: openapi.yaml)
 * @returns {Record<string, any>}
 */
export function bundleSpec(file = specPath) {
  const dir = mkdtempSync(join(tmpdir(), "bksops-bundle-"));
  try {
    const out = join(dir, "openapi.json");
    execFileSync(process.execPath, [redocly, "bundle", file, "--output", out, "--ext", "json"], {
      cwd: packageRoot,
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    return JSON.parse(readFileSync(out, "utf8"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
