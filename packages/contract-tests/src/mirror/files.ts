import { renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isPlainObject } from "@bksops/domain";
import type { MirroredTemplate } from "./model.js";

type Json = Record<string, unknown>;

/**
 * The file name of a template (`project-9-911.json`, `common-951.json`). An older version goes in
 * `…-older-<version>.json`, which sorts before its template's own file: the reference server loads
 * a folder in name order and the last file of a template is its current version.
 */
export function fileName(template: MirroredTemplate, olderVersion?: string): string {
  const { ref } = template;
  const base =
    ref.source === "common" ? `common-${ref.templateId}` : `project-${ref.bizId}-${ref.templateId}`;
  if (olderVersion === undefined) return `${base}.json`;
  return `${base}-older-${olderVersion.replace(/[^A-Za-z0-9_.-]/g, "_").slice(0, 80)}.json`;
}

const copy = (from: Json, keys: string[]): Json =>
  Object.fromEntries(keys.filter((key) => from[key] !== undefined).map((key) => [key, from[key]]));

/**
 * One template in the reference server's `TEMPLATES_DIR` format (README "Your own templates"):
 * the metadata get_template_info answered, the schemes with their pks, the version's name when
 * known, and the tree with its canvas.
 */
export function templateFile(template: MirroredTemplate, tree: Json, version: string | undefined): Json {
  const { info, ref } = template;
  const file: Json = {
    source: ref.source,
    template_id: Number(ref.templateId),
  };
  if (ref.source === "project") {
    file.bk_biz_id = Number(info.bk_biz_id ?? ref.bizId);
    Object.assign(file, copy(info, ["project_id", "project_name"]));
  }
  Object.assign(
    file,
    copy(info, ["name", "category", "description", "creator", "create_time", "editor", "edit_time"]),
  );
  if (isPlainObject(info.notify_type)) file.notify_type = info.notify_type;
  if (info.notify_receivers !== undefined) file.notify_receivers = info.notify_receivers;
  if (ref.source === "project" && typeof info.executor_proxy === "string")
    file.executor_proxy = info.executor_proxy;
  if (version !== undefined) file.version = version;
  if (ref.source === "project") {
    const pks = template.schemePks ?? template.schemes.map((_, index) => index + 1);
    file.schemes = template.schemes.map((scheme, index) => ({
      id: pks[index],
      name: String(scheme.name),
      data: schemeNodes(scheme.data),
    }));
  }
  file.pipeline_tree = tree;
  return file;
}

/** A scheme's node ids: get_template_schemes answers them as JSON text. */
function schemeNodes(data: unknown): string[] {
  let parsed: unknown = data;
  if (typeof data === "string") {
    try {
      parsed = JSON.parse(data);
    } catch {
      parsed = [];
    }
  }
  return Array.isArray(parsed) ? parsed.map(String) : [];
}

/** Every file of a mirrored template: its older versions first, then itself. */
export function filesOf(template: MirroredTemplate): Array<{ name: string; content: Json }> {
  const files = [...template.older].map(([version, tree]) => ({
    name: fileName(template, version),
    content: templateFile(template, tree, version),
  }));
  files.push({ name: fileName(template), content: templateFile(template, template.tree, template.version) });
  return files;
}

/**
 * Writes a file whole or not at all (a temporary name, then a rename), so a server loading the
 * folder, or an interrupted mirror, never sees half a file.
 */
export function writeAtomically(dir: string, name: string, text: string): void {
  const path = join(dir, name);
  const temporary = join(dir, `.${name}.${process.pid}.tmp`);
  writeFileSync(temporary, text);
  try {
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
