import {
  MODEL_NAME,
  type PipelineTree,
  SubprocessError,
  type TemplateCatalog,
  type TemplateKind,
  type TemplateScheme,
} from "@bksops/domain";
import type { Crawl } from "./crawl.js";
import type { MirroredTemplate } from "./model.js";

/**
 * What a task names a child's current version by when bk-sops' reads did not reveal its name (the
 * comparison of trees does not judge a child's version: it is the deployment's own).
 */
const UNKNOWN_VERSION = "";

/** bk-sops' text for reading `.data` of the `None` snapshot it finds for an unknown version. */
const NO_SNAPSHOT = "'NoneType' object has no attribute 'data'";

/** A template's schemes in the domain's shape: pk, unique id, node ids. */
export function schemesOf(template: MirroredTemplate): TemplateScheme[] {
  const pks = template.schemePks ?? template.schemes.map((_, index) => index + 1);
  return template.schemes.map((scheme, index) => {
    let nodes: unknown = scheme.data;
    if (typeof nodes === "string") {
      try {
        nodes = JSON.parse(nodes);
      } catch {
        nodes = [];
      }
    }
    return {
      id: pks[index] as number,
      unique_id: String(scheme.id),
      data: Array.isArray(nodes) ? nodes.map(String) : [],
    };
  });
}

/**
 * The templates a crawl read, as the domain's subprocess catalog: a child is found by kind and
 * pk (a project child in any business the crawl read), at its current version or an older one the
 * crawl read through a preview. The pipeline template ids it hands out are its own (bk-sops draws
 * them at random; the comparison of trees does not judge them).
 */
export function crawlCatalog(crawl: Pick<Crawl, "mirrored">): TemplateCatalog {
  const byPipelineId = new Map<string, MirroredTemplate>();
  const find = (kind: TemplateKind, pk: unknown) =>
    [...crawl.mirrored.values()].find(
      (template) => template.ref.source === kind && template.ref.templateId === String(pk).trim(),
    );
  return {
    pipelineTemplateId(kind, pk) {
      const template = find(kind, pk);
      if (!template) throw new SubprocessError(`${MODEL_NAME[kind]} matching query does not exist.`);
      const id = `mirror-${kind}-${template.ref.templateId}`;
      byPipelineId.set(id, template);
      return id;
    },
    version(kind, pipelineId, version) {
      const template = byPipelineId.get(pipelineId);
      if (!template) throw new SubprocessError(`${MODEL_NAME[kind]} matching query does not exist.`);
      const tree =
        version === null || version === template.version ? template.tree : template.older.get(version);
      if (!tree) throw new SubprocessError(NO_SNAPSHOT);
      return {
        tree: tree as unknown as PipelineTree,
        kind: template.ref.source,
        id: Number(template.ref.templateId),
        currentVersion: template.version ?? UNKNOWN_VERSION,
        schemes: schemesOf(template),
      };
    },
  };
}
