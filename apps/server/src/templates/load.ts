import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Store } from "../db/store.js";
import type { Logger } from "../logger.js";
import { parseTemplateFile, type TemplateFile } from "./template-file.js";

export interface LoadReport {
  loaded: string[];
  skipped: Array<{ file: string; reason: string }>;
}

/**
 * Loads every `*.json` template file of `dir` into the store. A file that cannot be read,
 * parsed or validated is reported with its name and reason and skipped; the others load.
 */
export function loadTemplatesDir(store: Store, dir: string, origin: string, logger?: Logger): LoadReport {
  const report: LoadReport = { loaded: [], skipped: [] };
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((name) => name.endsWith(".json"))
      .sort();
  } catch (error) {
    report.skipped.push({ file: dir, reason: `cannot read the folder: ${(error as Error).message}` });
    logger?.warn(`templates: cannot read ${dir}: ${(error as Error).message}`);
    return report;
  }
  for (const name of files) {
    const path = join(dir, name);
    try {
      storeTemplate(store, parseTemplateFile(JSON.parse(readFileSync(path, "utf8"))), origin);
      report.loaded.push(name);
    } catch (error) {
      const reason = (error as Error).message;
      report.skipped.push({ file: name, reason });
      logger?.warn(`templates: skipped ${path}: ${reason}`);
    }
  }
  return report;
}

/** Stores one checked template, creating the project of an unknown business. */
export function storeTemplate(store: Store, file: TemplateFile, origin: string): void {
  let projectId: number | null = null;
  if (file.bkBizId !== null) {
    const project = store.projects.findByBizId(file.bkBizId);
    if (project) projectId = project.id;
    else {
      projectId = file.projectId ?? file.bkBizId;
      store.projects.upsert({
        id: projectId,
        bkBizId: file.bkBizId,
        name: file.projectName ?? `business ${file.bkBizId}`,
        fromCmdb: true,
      });
    }
  }
  store.templates.upsert({
    source: file.source,
    id: file.templateId,
    projectId,
    name: file.name,
    category: file.category,
    description: file.description,
    tree: file.tree,
    schemes: file.schemes,
    origin,
    ...file.meta,
  });
}
