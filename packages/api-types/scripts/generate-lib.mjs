// Produces the generated files of this package from the spec, in memory, so that
// `generate` writes them and the drift test compares them with what is committed.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const here = dirname(fileURLToPath(import.meta.url));
export const packageRoot = join(here, "..");
export const specPath = join(packageRoot, "..", "..", "openapi", "openapi.yaml");
export const outputs = {
  schema: join(packageRoot, "src", "generated", "schema.ts"),
  bundle: join(packageRoot, "openapi.json"),
};

const header = (what) =>
  `// ${what}\n// Generated from openapi/openapi.yaml by \`pnpm generate\`: do not edit by hand.\n`;

/** Bundles the spec into one JSON document (external example files inlined). */
function bundle() {
  const dir = mkdtempSync(join(tmpdir(), "bksops-bundle-"));
  try {
    const out = join(dir, "openapi.json");
    const redocly = join(packageRoot, "node_modules", ".bin", "redocly");
    execFileSync(redocly, ["bundle", specPath, "--output", out, "--ext", "json"], {
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    return JSON.parse(readFileSync(out, "utf8"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Returns the text of every generated file, keyed like `outputs`. */
export async function generate() {
  const spec = bundle();
  const ast = await openapiTS(spec, { alphabetize: false, exportType: false });
  const schema = `${header("Types of the create_task API.")}\n${astToString(ast)}`;
  return { schema, bundle: `${JSON.stringify(spec, null, 2)}\n` };
}
