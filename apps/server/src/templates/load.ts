import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Store } from "../db/store.js";
import type { Logger } from "../logger.js";
import { checkReferences } from "./references.js";
import { parseTemplateFile, type TemplateFile } from "./template-file.js";

export interface LoadReport {
  loaded: string[];
  skipped: Array<{ file: string; reason: string }>;
}

/**
 * Loads every `*.json` template file of `dir` into the store, in name order (a later file with
 * the same template id becomes its current version; the earlier one stays as an older version).
 * A file that cannot be read, parsed or validated, or whose subprocesses name a template (or a
 * version) that is neither loaded nor in this folder, or lead back to it, is reported with its
 * name and reason and skipped; the others load.
 */
export function loadTemplatesDir(store: Store, dir: string, origin: string, logger?: Logger): LoadReport {
  const report: LoadReport = { loaded: [], skipped: [] };
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => name.endsWith(".json"))
      .sort();
  } catch (error) {
    report.skipped.push({ file: dir, reason: `cannot read the folder: ${(error as Error).message}` });
    logger?.warn(`templates: cannot read ${dir}: ${(error as Error).message}`);
    return report;
  }
  const parsed: Array<{ name: string; file: TemplateFile }> = [];
  const skip = (name: string, reason: string) => {
    report.skipped.push({ file: name, reason });
    logger?.warn(`templates: skipped ${join(dir, name)}: ${reason}`);
  };
  for (const name of names) {
    try {
      parsed.push({ name, file: parseTemplateFile(JSON.parse(readFileSync(join(dir, name), "utf8"))) });
    } catch (error) {
      skip(name, (error as Error).message);
    }
  }
  const refused = checkReferences(
    store,
    parsed.map((entry) => entry.file),
  );
  store.db.transaction(() => {
    parsed.forEach(({ name, file }, index) => {
      const reason = refused.get(index);
      if (reason !== undefined) {
        skip(name, reason);
        return;
      }
      storeTemplate(store, file, origin);
      report.loaded.push(name);
    });
  })();
  report.skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return report;
}

/**
 * Stores one checked template, creating the project of an unknown business. The caller has
 * checked its subprocess references (`checkReferences`).
 */
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
    version: file.version,
    tree: file.tree,
    schemes: file.schemes,
    origin,
    ...file.meta,
  });
}
