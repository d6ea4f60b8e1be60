import { resolve } from "node:path";
import type { Logger } from "../logger.js";
import { loadTemplatesDir } from "../templates/load.js";
import { loadDemoData } from "./demo.js";
import type { Store } from "./store.js";

/** What the server loads into its database at start, and again on a reset. */
export interface SeedOptions {
  demoData: boolean;
  templatesDir?: string;
}

/** Loads the demo data (unless off) and the `TEMPLATES_DIR` templates; upserts only. */
export function seedDatabase(store: Store, options: SeedOptions, logger?: Logger): void {
  if (options.demoData) loadDemoData(store, logger);
  if (options.templatesDir) {
    const report = loadTemplatesDir(store, resolve(options.templatesDir), "templates_dir", logger);
    logger?.info(
      `templates: loaded ${report.loaded.length}, skipped ${report.skipped.length} from ${options.templatesDir}`,
    );
  }
}
