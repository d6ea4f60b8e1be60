// Produces the generated files of this package from the spec, in memory, so that
// `generate` writes them and the drift test compares them with what is committed.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleSpec, specPath as rootSpec } from "@bksops/openapi/bundle";
import openapiTS, { astToString } from "openapi-typescript";

const here = dirname(fileURLToPath(import.meta.url));
export const packageRoot = join(here, "..");
export const specPath = rootSpec;
export const outputs = {
  schema: join(packageRoot, "src", "generated", "schema.ts"),
  bundle: join(packageRoot, "openapi.json"),
};

const header = (what) =>
  `// ${what}\n// Generated from openapi/openapi.yaml by \`pnpm generate\`: do not edit by hand.\n`;

/** Returns the text of every generated file, keyed like `outputs`. */
export async function generate() {
  const spec = bundleSpec();
  // defaultNonNullable: false — a field with a default is optional for callers (bk-sops fills in
  // the default), so the documented requests, which leave those fields out, type-check.
  const ast = await openapiTS(spec, { alphabetize: false, exportType: false, defaultNonNullable: false });
  const schema = `${header("Types of the create_task API.")}\n${astToString(ast)}`;
  return { schema, bundle: `${JSON.stringify(spec, null, 2)}\n` };
}
