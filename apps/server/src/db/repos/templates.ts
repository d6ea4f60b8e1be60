import type { PipelineTree, TemplateKind, TemplateScheme } from "@bksops/domain";
import type { SqliteDatabase } from "../connection.js";

export type TemplateSource = TemplateKind;

/** A template without its tree: what lists answer and every lookup reads first. */
export interface TemplateHead {
  source: TemplateSource;
  id: number;
  projectId: number | null;
  name: string;
  category: string;
  description: string;
  /** The current version's name (bk-sops names a version by the md5 of its tree). */
  version: string;
  creator: string;
  /** ISO 8601 instant. */
  createTime: string;
  /** null: never edited. */
  editor: string | null;
  /** ISO 8601 instant. */
  editTime: string;
  /** bk-sops' stored JSON text of the notification settings. */
  notifyType: string;
  notifyReceivers: string;
  executorProxy: string;
}

export interface StoredTemplate extends TemplateHead {
  /** The current version's tree. Parsed once and shared between requests: treat as read-only. */
  tree: PipelineTree;
  schemes: TemplateScheme[];
}

/** What a template file gives; absent times keep the stored ones (or the time of the first load). */
export interface TemplateInput
  extends Omit<StoredTemplate, "createTime" | "editTime" | "creator" | "notifyType" | "notifyReceivers"> {
  creator?: string;
  createTime?: string | null;
  editTime?: string | null;
  notifyType?: string;
  notifyReceivers?: string;
  origin: string;
}

/** Which templates a list asks for: bk-sops' `filter(...)` of get_template_list. */
export interface TemplateFilter {
  source: TemplateSource;
  /** Project templates: the project's (required). Common templates: ignored. */
  projectId?: number;
  /** `id__in`: only these ids (null: any). */
  ids?: readonly number[] | null;
  /** `name__icontains`: the name contains it, ignoring case (null or "": any). */
  nameKeyword?: string | null;
}

interface HeadRow {
  source: TemplateSource;
  id: number;
  project_id: number | null;
  name: string;
  category: string;
  description: string;
  version: string;
  creator: string;
  create_time: string;
  editor: string | null;
  edit_time: string;
  notify_type: string;
  notify_receivers: string;
  executor_proxy: string;
  updated_at: string;
}

/** What a lookup reads: enough to tell whether the cached template is still the stored one. */
interface StampRow {
  source: TemplateSource;
  id: number;
  updated_at: string;
}

/** The whole row, read only when the cache does not hold this version of the template. */
interface BodyRow extends HeadRow {
  pipeline_tree: string;
  schemes: string;
}

const STAMP_COLUMNS = "source, id, updated_at";

const HEAD_COLUMNS =
  "source, id, project_id, name, category, description, version, creator, create_time, editor, edit_time, " +
  "notify_type, notify_receivers, executor_proxy, updated_at";

const toHead = (row: HeadRow): TemplateHead => ({
  source: row.source,
  id: row.id,
  projectId: row.project_id,
  name: row.name,
  category: row.category,
  description: row.description,
  version: row.version,
  creator: row.creator,
  createTime: row.create_time,
  editor: row.editor,
  editTime: row.edit_time,
  notifyType: row.notify_type,
  notifyReceivers: row.notify_receivers,
  executorProxy: row.executor_proxy,
});

/**
 * Project and common flow templates, and every version of their trees. Trees are validated before
 * they are stored (by the caller), parsed once, and cached: create_task never re-parses an
 * unchanged template.
 */
export class TemplateRepository {
  private readonly cache = new Map<string, { updatedAt: string; template: StoredTemplate }>();
  private readonly versionCache = new Map<string, PipelineTree>();
  /** Templates known to exist: the server never deletes one, so only a reset or restore can undo it. */
  private readonly existing = new Set<string>();
  private readonly projectTemplate;
  private readonly commonTemplate;
  private readonly anyTemplate;
  private readonly versionTree;
  private readonly upsertVersion;
  private readonly body;
  private readonly existsStatement;
  private readonly projectList;
  private readonly commonList;
  private readonly upsertStatement;

  constructor(db: SqliteDatabase) {
    // The lookups read only the row's identity and stamp: a cached template is found without
    // reading its columns again (decoding a dozen strings doubled a lookup's cost), and the tree,
    // which can be megabytes long, is read and parsed once per version of the template.
    this.projectTemplate = db.prepare<[number, number], StampRow>(
      `SELECT ${STAMP_COLUMNS} FROM templates WHERE source = 'project' AND id = ? AND project_id = ? AND is_deleted = 0`,
    );
    this.commonTemplate = db.prepare<[number], StampRow>(
      `SELECT ${STAMP_COLUMNS} FROM templates WHERE source = 'common' AND id = ? AND is_deleted = 0`,
    );
    this.anyTemplate = db.prepare<[TemplateSource, number], StampRow>(
      `SELECT ${STAMP_COLUMNS} FROM templates WHERE source = ? AND id = ?`,
    );
    this.versionTree = db.prepare<[TemplateSource, number, string], { pipeline_tree: string }>(
      "SELECT pipeline_tree FROM template_versions WHERE source = ? AND id = ? AND version = ?",
    );
    this.upsertVersion = db.prepare(
      `INSERT INTO template_versions (source, id, version, pipeline_tree, created_at)
       VALUES (@source, @id, @version, @tree, @updatedAt)
       ON CONFLICT (source, id, version) DO UPDATE SET pipeline_tree = excluded.pipeline_tree`,
    );
    this.body = db.prepare<[TemplateSource, number], BodyRow>(
      `SELECT ${HEAD_COLUMNS}, pipeline_tree, schemes FROM templates WHERE source = ? AND id = ?`,
    );
    this.existsStatement = db.prepare<[TemplateSource, number], { id: number }>(
      "SELECT id FROM templates WHERE source = ? AND id = ? AND is_deleted = 0",
    );
    // bk-sops' template models order by -id. `@ids` is a JSON list, or null for any id.
    const idFilter = "(@ids IS NULL OR id IN (SELECT value FROM json_each(@ids)))";
    this.projectList = db.prepare<[{ projectId: number; ids: string | null }], HeadRow>(
      `SELECT ${HEAD_COLUMNS} FROM templates WHERE source = 'project' AND project_id = @projectId
         AND is_deleted = 0 AND ${idFilter} ORDER BY id DESC`,
    );
    this.commonList = db.prepare<[{ ids: string | null }], HeadRow>(
      `SELECT ${HEAD_COLUMNS} FROM templates WHERE source = 'common' AND is_deleted = 0 AND ${idFilter}
         ORDER BY id DESC`,
    );
    // A file that gives no time keeps the stored one; a new row takes the time of loading. A tree
    // that changed counts as an edit.
    this.upsertStatement = db.prepare(
      `INSERT INTO templates (source, id, project_id, name, category, description, pipeline_tree, schemes,
         origin, version, updated_at, creator, create_time, editor, edit_time, notify_type, notify_receivers,
         executor_proxy)
       VALUES (@source, @id, @projectId, @name, @category, @description, @tree, @schemes, @origin, @version,
         @updatedAt, @creator, coalesce(@createTime, @updatedAt), @editor, coalesce(@editTime, @updatedAt),
         @notifyType, @notifyReceivers, @executorProxy)
       ON CONFLICT (source, id) DO UPDATE SET project_id = excluded.project_id, name = excluded.name,
         category = excluded.category, description = excluded.description,
         schemes = excluded.schemes, origin = excluded.origin, updated_at = excluded.updated_at,
         version = excluded.version,
         is_deleted = 0, creator = excluded.creator, editor = excluded.editor,
         notify_type = excluded.notify_type, notify_receivers = excluded.notify_receivers,
         executor_proxy = excluded.executor_proxy,
         create_time = coalesce(@createTime, templates.create_time, excluded.create_time),
         edit_time = coalesce(@editTime,
           CASE WHEN templates.pipeline_tree = excluded.pipeline_tree THEN templates.edit_time END,
           excluded.edit_time),
         pipeline_tree = excluded.pipeline_tree`,
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
    const key = `${source}:${id}`;
    if (this.existing.has(key)) return true;
    const found = this.existsStatement.get(source, id) !== undefined;
    if (found) this.existing.add(key);
    return found;
  }

  /** The templates a list asks for, newest id first, without their trees. */
  list(filter: TemplateFilter): TemplateHead[] {
    const ids = filter.ids ? JSON.stringify(filter.ids) : null;
    const rows =
      filter.source === "project"
        ? this.projectList.all({ projectId: filter.projectId ?? -1, ids })
        : this.commonList.all({ ids });
    const keyword = filter.nameKeyword ? filter.nameKeyword.toLowerCase() : "";
    const heads = rows.map(toHead);
    return keyword ? heads.filter((head) => head.name.toLowerCase().includes(keyword)) : heads;
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
      creator: template.creator ?? "admin",
      createTime: template.createTime ?? null,
      editor: template.editor,
      editTime: template.editTime ?? null,
      notifyType: template.notifyType ?? "[]",
      notifyReceivers: template.notifyReceivers ?? "{}",
      executorProxy: template.executorProxy,
    };
    this.upsertStatement.run(row);
    this.upsertVersion.run(row);
    this.cache.delete(`${template.source}:${template.id}`);
    this.versionCache.delete(`${template.source}:${template.id}:${template.version}`);
  }

  /** Forgets every parsed tree and known template: after a reset or a restore the rows are not those cached. */
  forget(): void {
    this.cache.clear();
    this.existing.clear();
  }

  private hydrate(stamp: StampRow | undefined): StoredTemplate | undefined {
    if (!stamp) return undefined;
    const key = `${stamp.source}:${stamp.id}`;
    const cached = this.cache.get(key);
    if (cached && cached.updatedAt === stamp.updated_at) return cached.template;
    const row = this.body.get(stamp.source, stamp.id);
    if (!row) return undefined;
    const template: StoredTemplate = {
      ...toHead(row),
      tree: JSON.parse(row.pipeline_tree) as PipelineTree,
      schemes: JSON.parse(row.schemes) as TemplateScheme[],
    };
    this.cache.set(key, { updatedAt: row.updated_at, template });
    return template;
  }
}
