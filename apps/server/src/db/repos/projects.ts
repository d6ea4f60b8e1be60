import type { SqliteDatabase } from "../connection.js";

export interface Project {
  id: number;
  bkBizId: number;
  name: string;
  fromCmdb: boolean;
}

interface Row {
  id: number;
  bk_biz_id: number;
  name: string;
  from_cmdb: number;
}

const toProject = (row: Row | undefined): Project | undefined =>
  row && { id: row.id, bkBizId: row.bk_biz_id, name: row.name, fromCmdb: row.from_cmdb === 1 };

/**
 * Projects (bk-sops' Project model): an internal id and the CMDB business id it maps to. Every
 * request looks its project up, and projects change only through `upsert` or a reset of the whole
 * data (`forget`), so found projects are kept. The projects returned are shared: read-only.
 */
export class ProjectRepository {
  private readonly cache = new Map<string, Project>();
  private readonly byBizId;
  private readonly byId;
  private readonly everyProject;
  private readonly upsertStatement;

  constructor(db: SqliteDatabase) {
    this.byBizId = db.prepare<[number], Row>("SELECT * FROM projects WHERE bk_biz_id = ? AND from_cmdb = 1");
    this.byId = db.prepare<[number], Row>("SELECT * FROM projects WHERE id = ?");
    this.everyProject = db.prepare<[], Row>("SELECT * FROM projects ORDER BY id");
    this.upsertStatement = db.prepare(
      `INSERT INTO projects (id, bk_biz_id, name, from_cmdb) VALUES (@id, @bkBizId, @name, @fromCmdb)
       ON CONFLICT (id) DO UPDATE SET bk_biz_id = excluded.bk_biz_id, name = excluded.name`,
    );
  }

  /** `scope == "cmdb_biz"` looks up by business id; any other scope by project id (bk-sops). */
  find(id: number, scope: string): Project | undefined {
    const byBiz = scope === "cmdb_biz";
    const key = `${byBiz ? "biz" : "id"}:${id}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const project = toProject(byBiz ? this.byBizId.get(id) : this.byId.get(id));
    // Ids are the callers' own input: only those that name a project are kept.
    if (project) this.cache.set(key, project);
    return project;
  }

  /** Forgets the projects found so far: the rows were replaced behind the repository (reset, restore). */
  forget(): void {
    this.cache.clear();
  }

  /** Every project, by id. */
  all(): Project[] {
    return this.everyProject.all().map((row) => toProject(row) as Project);
  }

  findByBizId(bkBizId: number): Project | undefined {
    return toProject(this.byBizId.get(bkBizId));
  }

  upsert(project: Project): void {
    this.cache.clear();
    this.upsertStatement.run({ ...project, fromCmdb: project.fromCmdb ? 1 : 0 });
  }
}
