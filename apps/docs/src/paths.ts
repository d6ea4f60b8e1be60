import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The root of this package (the page's script and style live in `page/`). */
export const packageRoot = dirname(createRequire(import.meta.url).resolve("@bksops/docs/package.json"));

/** Where `npm run docs` writes the site. */
export const DEFAULT_SITE_DIR = join(packageRoot, "dist", "site");

/** Where the `conformance` task writes one folder of reports per target (`reference`, `prism`). */
export const DEFAULT_REPORTS_DIR = join(packageRoot, "dist", "conformance");

/** The README's badge of the reference server's conformance. */
export const BADGE_PATH = join(packageRoot, "badges", "reference.svg");
