import { createHash } from "node:crypto";
import type { PipelineTree, TemplateCatalog, TemplateKind, TemplateVersion } from "@bksops/domain";
import { isPlainObject, MODEL_NAME, pyRepr, SubprocessError } from "@bksops/domain";
import type { StoredTemplate, TemplateRepository } from "../db/repos/templates.js";

/** Python's text for reading `.data` of the `None` snapshot bk-sops finds for an unknown version. */
export const NO_SNAPSHOT = "'NoneType' object has no attribute 'data'";

/**
 * The id bamboo's PipelineTemplate of a template would have. bamboo draws it at random when the
 * template is first saved; here it is derived from the template's kind and pk, so it is stable
 * across restarts and the same in every database, and shaped like bamboo's (`n` + 31 hex).
 */
export function pipelineTemplateId(kind: TemplateKind, pk: number): string {
  return `n${createHash("md5").update(`bk-sops pipeline template ${kind} ${pk}`).digest("hex").slice(1)}`;
}

/** Django's `get(pk=value)`: an integer, or text of digits; anything else fails to convert. */
function asPk(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^\s*[+-]?[0-9]+\s*$/.test(value)) return Number.parseInt(value, 10);
  if (value === null || value === undefined) return undefined;
  const shown = typeof value === "string" ? value : pyRepr(value);
  throw new SubprocessError(`Field 'id' expected a number but got ${pyRepr(shown)}.`);
}

/**
 * The labels bk-sops puts on an older version's nodes: those of the current version's node with the
 * same id (it keeps labels per node of the current version only); a node the current version does
 * not have gets none.
 */
function withCurrentLabels(tree: PipelineTree, current: PipelineTree): PipelineTree {
  const labelsOf = new Map<string, unknown>();
  for (const node of [
    current.start_event,
    current.end_event,
    ...Object.values(current.activities),
    ...Object.values(current.gateways),
  ]) {
    if (isPlainObject(node) && Object.hasOwn(node, "labels")) labelsOf.set(String(node.id), node.labels);
  }
  const copy = structuredClone(tree);
  for (const node of [
    copy.start_event,
    copy.end_event,
    ...Object.values(copy.activities),
    ...Object.values(copy.gateways),
  ]) {
    delete node.labels;
    if (labelsOf.has(node.id)) node.labels = structuredClone(labelsOf.get(node.id));
  }
  return copy;
}

/**
 * bk-sops' `get_pipeline_tree_by_version`: the current tree for no version (or the current one's
 * name), an older version's tree with the current version's labels, or undefined for a version
 * the template never had (bk-sops then fails on the `None` snapshot it finds).
 */
export function treeAtVersion(
  templates: TemplateRepository,
  template: StoredTemplate,
  version: string | null,
): PipelineTree | undefined {
  if (version === null || version === template.version) return template.tree;
  const old = templates.findVersionTree(template.source, template.id, version);
  return old && withCurrentLabels(old, template.tree);
}

/**
 * The templates a task's subprocess nodes unfold from, over the store: pk lookups in any project
 * (as bk-sops' `objects.get(pk=…)`), versions by name. One catalog per task: it remembers which
 * pipeline template id stands for which template.
 */
export function storeCatalog(templates: TemplateRepository): TemplateCatalog {
  const byPipelineId = new Map<string, { kind: TemplateKind; pk: number }>();
  return {
    pipelineTemplateId(kind, pkValue) {
      const pk = asPk(pkValue);
      if (pk === undefined || !templates.findById(kind, pk)) {
        throw new SubprocessError(`${MODEL_NAME[kind]} matching query does not exist.`);
      }
      const id = pipelineTemplateId(kind, pk);
      byPipelineId.set(id, { kind, pk });
      return id;
    },
    version(kind, pipelineId, version): TemplateVersion {
      const known = byPipelineId.get(pipelineId);
      const template = known && templates.findById(known.kind, known.pk);
      if (!template) throw new SubprocessError(`${MODEL_NAME[kind]} matching query does not exist.`);
      const tree = treeAtVersion(templates, template, version);
      // bk-sops reads `Snapshot.filter(md5sum=version).first().data`: None for an unknown version.
      if (!tree) throw new SubprocessError(NO_SNAPSHOT);
      return {
        tree,
        kind: template.source,
        id: template.id,
        currentVersion: template.version,
        schemes: template.schemes,
      };
    },
  };
}
