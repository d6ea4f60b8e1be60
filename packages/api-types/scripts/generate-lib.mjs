// Produces the generated files of this package from the specs, in memory, so that
// `generate` writes them and the drift test compares them with what is committed.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleSpec, controlSpecPath, specPath as rootSpec } from "@bksops/openapi/bundle";
import openapiTS, { astToString } from "openapi-typescript";

const here = dirname(fileURLToPath(import.meta.url));
export const packageRoot = join(here, "..");
export const specPath = rootSpec;
export const outputs = {
  schema: join(packageRoot, "src", "generated", "schema.ts"),
  bundle: join(packageRoot, "openapi.json"),
  controlSchema: join(packageRoot, "src", "generated", "control.ts"),
  controlBundle: join(packageRoot, "control-openapi.json"),
};

const header = (what, source) =>
  `// ${what}\n// Generated from ${source} by \`pnpm generate\`: do not edit by hand.\n`;

async function typesOf(spec, what, source) {
  // defaultNonNullable: false — a field with a default is optional for callers (the server fills in
  // the default), so the documented requests, which leave those fields out, type-check.
  const ast = await openapiTS(spec, { alphabetize: false, exportType: false, defaultNonNullable: false });
  return `${header(what, source)}\n${astToString(ast)}`;
}

/** Returns the text of every generated file, keyed like `outputs`. */
export async function generate() {
  const spec = bundleSpec();
  const control = bundleSpec(controlSpecPath);
  return {
    schema: await typesOf(spec, "Types of the create_task API.", "openapi/openapi.yaml"),
    bundle: `${JSON.stringify(spec, null, 2)}\n`,
    controlSchema: await typesOf(
      control,
      "Types of the reference server's control API.",
      "openapi/control/openapi.yaml",
    ),
    controlBundle: `${JSON.stringify(control, null, 2)}\n`,
  };
}
