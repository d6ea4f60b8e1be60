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

/** Projects (bk-sops' Project model): an internal id and the CMDB business id it maps to. */
export class ProjectRepository {
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
    return toProject(scope === "cmdb_biz" ? this.byBizId.get(id) : this.byId.get(id));
  }

  /** Every project, by id. */
  all(): Project[] {
    return this.everyProject.all().map((row) => toProject(row) as Project);
  }

  findByBizId(bkBizId: number): Project | undefined {
    return toProject(this.byBizId.get(bkBizId));
  }

  upsert(project: Project): void {
    this.upsertStatement.run({ ...project, fromCmdb: project.fromCmdb ? 1 : 0 });
  }
}
