import type { SqliteDatabase } from "../connection.js";

/** A stored run: the engine's JSON state of one started task. */
export interface StoredRun {
  taskId: number;
  /** The run as JSON (see `engine/run.ts`); parsed by the engine, which owns its shape. */
  runJson: string;
  live: boolean;
  nextWakeAt: number | null;
}

interface Row {
  task_id: number;
  run: string;
  live: number;
  next_wake_at: number | null;
}

const toRun = (row: Row): StoredRun => ({
  taskId: row.task_id,
  runJson: row.run,
  live: row.live === 1,
  nextWakeAt: row.next_wake_at,
});

/** The simulated engine's runs, one per started task (bamboo keeps the same in its own tables). */
export class RunRepository {
  private readonly byTask;
  private readonly liveRuns;
  private readonly upsertStatement;

  constructor(db: SqliteDatabase) {
    this.byTask = db.prepare<[number], Row>("SELECT * FROM task_runs WHERE task_id = ?");
    this.liveRuns = db.prepare<[], Row>("SELECT * FROM task_runs WHERE live = 1 ORDER BY task_id");
    this.upsertStatement = db.prepare(
      `INSERT INTO task_runs (task_id, run, live, next_wake_at, updated_at)
       VALUES (@taskId, @runJson, @live, @nextWakeAt, @updatedAt)
       ON CONFLICT (task_id) DO UPDATE SET run = excluded.run, live = excluded.live,
         next_wake_at = excluded.next_wake_at, updated_at = excluded.updated_at`,
    );
  }

  find(taskId: number): StoredRun | undefined {
    const row = this.byTask.get(taskId);
    return row && toRun(row);
  }

  /** Every run that can still move: what a restart has to pick up. */
  live(): StoredRun[] {
    return this.liveRuns.all().map(toRun);
  }

  save(run: StoredRun): void {
    this.upsertStatement.run({
      taskId: run.taskId,
      runJson: run.runJson,
      live: run.live ? 1 : 0,
      nextWakeAt: run.nextWakeAt,
      updatedAt: new Date().toISOString(),
    });
  }
}
