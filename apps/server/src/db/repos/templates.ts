import type { PipelineTree, TemplateScheme } from "@bksops/domain";
import type { SqliteDatabase } from "../connection.js";

export type TemplateSource = "project" | "common";

export interface StoredTemplate {
  source: TemplateSource;
  id: number;
  projectId: number | null;
  name: string;
  category: string;
  description: string;
  /** Parsed once and shared between requests: treat as read-only. */
  tree: PipelineTree;
  schemes: TemplateScheme[];
}

export interface TemplateInput extends Omit<StoredTemplate, "tree"> {
  tree: PipelineTree;
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
  updated_at: string;
}

/** The rest of the row, read only when the cache does not hold this version of the template. */
interface BodyRow {
  pipeline_tree: string;
  schemes: string;
}

const HEAD_COLUMNS = "source, id, project_id, name, category, description, updated_at";

/**
 * Project and common flow templates. Trees are validated before they are stored (by the
 * caller), parsed once, and cached: create_task never re-parses an unchanged template.
 */
export class TemplateRepository {
  private readonly cache = new Map<string, { updatedAt: string; template: StoredTemplate }>();
  private readonly projectTemplate;
  private readonly commonTemplate;
  private readonly body;
  private readonly existing;
  private readonly upsertStatement;

  constructor(db: SqliteDatabase) {
    // The lookups leave the tree out: a cached template is found without reading (and decoding)
    // a tree that can be megabytes long; the tree is read once per version of the template.
    this.projectTemplate = db.prepare<[number, number], HeadRow>(
      `SELECT ${HEAD_COLUMNS} FROM templates WHERE source = 'project' AND id = ? AND project_id = ? AND is_deleted = 0`,
    );
    this.commonTemplate = db.prepare<[number], HeadRow>(
      `SELECT ${HEAD_COLUMNS} FROM templates WHERE source = 'common' AND id = ? AND is_deleted = 0`,
    );
    this.body = db.prepare<[TemplateSource, number], BodyRow>(
      "SELECT pipeline_tree, schemes FROM templates WHERE source = ? AND id = ?",
    );
    this.existing = db.prepare<[TemplateSource, number], { id: number }>(
      "SELECT id FROM templates WHERE source = ? AND id = ? AND is_deleted = 0",
    );
    this.upsertStatement = db.prepare(
      `INSERT INTO templates (source, id, project_id, name, category, description, pipeline_tree, schemes,
         origin, updated_at)
       VALUES (@source, @id, @projectId, @name, @category, @description, @tree, @schemes, @origin, @updatedAt)
       ON CONFLICT (source, id) DO UPDATE SET project_id = excluded.project_id, name = excluded.name,
         category = excluded.category, description = excluded.description,
         pipeline_tree = excluded.pipeline_tree, schemes = excluded.schemes, origin = excluded.origin,
         updated_at = excluded.updated_at, is_deleted = 0`,
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

  /** Whether a template with that id exists in any project (the IAM interceptor's lookup). */
  exists(source: TemplateSource, id: number): boolean {
    return this.existing.get(source, id) !== undefined;
  }

  /** Stores a template whose tree the caller has already validated. */
  upsert(template: TemplateInput): void {
    this.upsertStatement.run({
      source: template.source,
      id: template.id,
      projectId: template.projectId,
      name: template.name,
      category: template.category,
      description: template.description,
      tree: JSON.stringify(template.tree),
      schemes: JSON.stringify(template.schemes),
      origin: template.origin,
      updatedAt: new Date().toISOString(),
    });
    this.cache.delete(`${template.source}:${template.id}`);
  }

  /** Forgets every parsed tree: after a reset or a restore the rows are not those cached. */
  clearCache(): void {
    this.cache.clear();
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
      tree: JSON.parse(body.pipeline_tree) as PipelineTree,
      schemes: JSON.parse(body.schemes) as TemplateScheme[],
    };
    this.cache.set(key, { updatedAt: row.updated_at, template });
    return template;
  }
}
