import type { PipelineTree, TemplateKind, TemplateScheme } from "@bksops/domain";
import type { SqliteDatabase } from "../connection.js";

export type TemplateSource = TemplateKind;

export interface StoredTemplate {
  source: TemplateSource;
  id: number;
  projectId: number | null;
  name: string;
  category: string;
  description: string;
  /** The current version's name (bk-sops names a version by the md5 of its tree). */
  version: string;
  /** The current version's tree. Parsed once and shared between requests: treat as read-only. */
  tree: PipelineTree;
  schemes: TemplateScheme[];
}

export interface TemplateInput extends StoredTemplate {
  origin: string;
}

/** A template row without its tree: what every lookup reads. */
interface HeadRow {
  source: TemplateSource;
  id: number;
  project_id: number | null;
  name: string;
  category: string;
  description: string;
  version: string;
  updated_at: string;
}

/** The rest of the row, read only when the cache does not hold this version of the template. */
interface BodyRow {
  pipeline_tree: string;
  schemes: string;
}

const HEAD_COLUMNS = "source, id, project_id, name, category, description, version, updated_at";

/**
 * Project and common flow templates, and every version of their trees. Trees are validated before
 * they are stored (by the caller), parsed once, and cached: create_task never re-parses an
 * unchanged template.
 */
export class TemplateRepository {
  private readonly cache = new Map<string, { updatedAt: string; template: StoredTemplate }>();
  private readonly versionCache = new Map<string, PipelineTree>();
  private readonly projectTemplate;
  private readonly commonTemplate;
  private readonly anyTemplate;
  private readonly body;
  private readonly existing;
  private readonly versionTree;
  private readonly upsertStatement;
  private readonly upsertVersion;

  constructor(db: SqliteDatabase) {
    // The lookups leave the tree out: a cached template is found without reading (and decoding)
    // a tree that can be megabytes long; the tree is read once per version of the template.
    this.projectTemplate = db.prepare<[number, number], HeadRow>(
      `SELECT ${HEAD_COLUMNS} FROM templates WHERE source = 'project' AND id = ? AND project_id = ? AND is_deleted = 0`,
    );
    this.commonTemplate = db.prepare<[number], HeadRow>(
      `SELECT ${HEAD_COLUMNS} FROM templates WHERE source = 'common' AND id = ? AND is_deleted = 0`,
    );
    this.anyTemplate = db.prepare<[TemplateSource, number], HeadRow>(
      `SELECT ${HEAD_COLUMNS} FROM templates WHERE source = ? AND id = ?`,
    );
    this.body = db.prepare<[TemplateSource, number], BodyRow>(
      "SELECT pipeline_tree, schemes FROM templates WHERE source = ? AND id = ?",
    );
    this.existing = db.prepare<[TemplateSource, number], { id: number }>(
      "SELECT id FROM templates WHERE source = ? AND id = ? AND is_deleted = 0",
    );
    this.versionTree = db.prepare<[TemplateSource, number, string], { pipeline_tree: string }>(
      "SELECT pipeline_tree FROM template_versions WHERE source = ? AND id = ? AND version = ?",
    );
    this.upsertStatement = db.prepare(
      `INSERT INTO templates (source, id, project_id, name, category, description, pipeline_tree, schemes,
         origin, version, updated_at)
       VALUES (@source, @id, @projectId, @name, @category, @description, @tree, @schemes, @origin, @version,
         @updatedAt)
       ON CONFLICT (source, id) DO UPDATE SET project_id = excluded.project_id, name = excluded.name,
         category = excluded.category, description = excluded.description,
         pipeline_tree = excluded.pipeline_tree, schemes = excluded.schemes, origin = excluded.origin,
         version = excluded.version, updated_at = excluded.updated_at, is_deleted = 0`,
    );
    this.upsertVersion = db.prepare(
      `INSERT INTO template_versions (source, id, version, pipeline_tree, created_at)
       VALUES (@source, @id, @version, @tree, @updatedAt)
       ON CONFLICT (source, id, version) DO UPDATE SET pipeline_tree = excluded.pipeline_tree`,
    );
  }

  /** bk-sops' `TaskTemplate.get(id, project_id, is_deleted=False)`. */
  findProjectTemplate(id: number, projectId: number): StoredTemplate | undefined {
    return this.hydrate(this.projectTemplate.get(id, projectId));
  }

  /** bk-sops' `CommonTemplate.get(id, is_deleted=False)`: no project check. */
  findCommonTemplate(id: number): StoredTemplate | undefined {
    return this.hydrate(this.commonTemplate.get(id));
  }

  /**
   * bk-sops' `TaskTemplate.objects.get(pk=id)` / `CommonTemplate.objects.get(pk=id)`, the lookup of
   * a subprocess's child: any project, deleted or not.
   */
  findById(source: TemplateSource, id: number): StoredTemplate | undefined {
    return this.hydrate(this.anyTemplate.get(source, id));
  }

  /** The tree of one version of a template, if the template ever had that version. */
  findVersionTree(source: TemplateSource, id: number, version: string): PipelineTree | undefined {
    const key = `${source}:${id}:${version}`;
    const cached = this.versionCache.get(key);
    if (cached) return cached;
    const row = this.versionTree.get(source, id, version);
    if (!row) return undefined;
    const tree = JSON.parse(row.pipeline_tree) as PipelineTree;
    this.versionCache.set(key, tree);
    return tree;
  }

  /** Whether a template with that id exists in any project (the IAM interceptor's lookup). */
  exists(source: TemplateSource, id: number): boolean {
    return this.existing.get(source, id) !== undefined;
  }

  /**
   * Stores a template whose tree the caller has already validated, as its current version; the
   * versions it had before stay readable by name.
   */
  upsert(template: TemplateInput): void {
    const row = {
      source: template.source,
      id: template.id,
      projectId: template.projectId,
      name: template.name,
      category: template.category,
      description: template.description,
      tree: JSON.stringify(template.tree),
      schemes: JSON.stringify(template.schemes),
      origin: template.origin,
      version: template.version,
      updatedAt: new Date().toISOString(),
    };
    this.upsertStatement.run(row);
    this.upsertVersion.run(row);
    this.cache.delete(`${template.source}:${template.id}`);
    this.versionCache.delete(`${template.source}:${template.id}:${template.version}`);
  }

  private hydrate(row: HeadRow | undefined): StoredTemplate | undefined {
    if (!row) return undefined;
    const key = `${row.source}:${row.id}`;
    const cached = this.cache.get(key);
    if (cached && cached.updatedAt === row.updated_at) return cached.template;
    const body = this.body.get(row.source, row.id);
    if (!body) return undefined;
    const template: StoredTemplate = {
      source: row.source,
      id: row.id,
      projectId: row.project_id,
      name: row.name,
      category: row.category,
      description: row.description,
      version: row.version,
      tree: JSON.parse(body.pipeline_tree) as PipelineTree,
      schemes: JSON.parse(body.schemes) as TemplateScheme[],
    };
    this.cache.set(key, { updatedAt: row.updated_at, template });
    return template;
  }
}
