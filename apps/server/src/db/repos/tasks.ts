import type { SqliteDatabase } from "../connection.js";
import { GroupCommit } from "../group-commit.js";

/** Everything bk-sops stores for a created task (TaskFlowInstance + PipelineInstance). */
export interface NewTask {
  projectId: number;
  pipelineInstanceId: string;
  name: string;
  description: string;
  category: string;
  templateId: string;
  templateSource: string;
  creator: string;
  createMethod: "api" | "mcp";
  createInfo: string;
  flowType: "common" | "common_func";
  currentFlow: "execute_task" | "func_claim";
  engineVer: number;
  extraInfo: string;
  /** The serialised task tree: the same text the answer embeds. */
  pipelineTreeJson: string;
  callbackUrl: string | null;
  callbackVersion: string | null;
}

export interface StoredTask extends NewTask {
  id: number;
  createdAt: string;
  /** PipelineInstance's execution fields (ISO times; null until they happen). */
  isStarted: boolean;
  isFinished: boolean;
  isRevoked: boolean;
  startTime: string | null;
  finishTime: string | null;
  executor: string;
}

interface Row {
  id: number;
  project_id: number;
  pipeline_instance_id: string;
  name: string;
  description: string;
  category: string;
  template_id: string;
  template_source: string;
  creator: string;
  create_method: "api" | "mcp";
  create_info: string;
  flow_type: "common" | "common_func";
  current_flow: "execute_task" | "func_claim";
  engine_ver: number;
  extra_info: string;
  pipeline_tree: string;
  callback_url: string | null;
  callback_version: string | null;
  created_at: string;
  is_started: number;
  is_finished: number;
  is_revoked: number;
  start_time: string | null;
  finish_time: string | null;
  executor: string;
}

/** Created tasks. One insert is one transaction: committed (and synced) before it returns. */
export class TaskRepository {
  private readonly insertTask;
  private readonly insertFunctionTask;
  private readonly byId;
  private readonly count;
  private readonly started;
  private readonly unstarted;
  private readonly ended;
  private readonly group: GroupCommit<NewTask, number>;

  constructor(db: SqliteDatabase) {
    this.insertTask = db.prepare(
      `INSERT INTO tasks (project_id, pipeline_instance_id, name, description, category, template_id,
         template_source, creator, create_method, create_info, flow_type, current_flow, engine_ver,
         extra_info, pipeline_tree, callback_url, callback_version, created_at)
       VALUES (@projectId, @pipelineInstanceId, @name, @description, @category, @templateId,
         @templateSource, @creator, @createMethod, @createInfo, @flowType, @currentFlow, @engineVer,
         @extraInfo, @pipelineTreeJson, @callbackUrl, @callbackVersion, @createdAt)`,
    );
    this.insertFunctionTask = db.prepare(
      "INSERT INTO function_tasks (task_id, creator, created_at) VALUES (?, ?, ?)",
    );
    this.byId = db.prepare<[number], Row>("SELECT * FROM tasks WHERE id = ?");
    this.count = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM tasks");
    // Compare-and-set, as bk-sops' start: only a task not started yet is marked started.
    this.started = db.prepare<[string, string, number]>(
      "UPDATE tasks SET is_started = 1, start_time = ?, executor = ? WHERE id = ? AND is_started = 0",
    );
    this.unstarted = db.prepare<[number]>(
      "UPDATE tasks SET is_started = 0, start_time = NULL, executor = '' WHERE id = ?",
    );
    // bk-sops' handlers of a finished or revoked pipeline: its finish time, and current_flow "finished".
    this.ended = db.prepare<{ id: number; at: string; finished: number; revoked: number }>(
      `UPDATE tasks SET is_finished = max(is_finished, @finished), is_revoked = max(is_revoked, @revoked),
         finish_time = @at, current_flow = 'finished' WHERE id = @id`,
    );
    // GroupCommit runs each write in its own savepoint, so the task row and its function-task
    // row are stored together or not at all.
    this.group = new GroupCommit(db, (task: NewTask): number => {
      const createdAt = new Date().toISOString();
      const id = Number(this.insertTask.run({ ...task, createdAt }).lastInsertRowid);
      // bk-sops' post_save signal creates the FunctionTask of a functional task.
      if (task.flowType === "common_func") this.insertFunctionTask.run(id, task.creator, createdAt);
      return id;
    });
  }

  /**
   * Inserts the task and resolves with its id (strictly greater than every earlier id) once it is
   * on disk; the tasks of one event-loop turn share one synced commit.
   */
  createCommitted(task: NewTask): Promise<number> {
    return this.group.submit(task);
  }

  find(id: number): StoredTask | undefined {
    const row = this.byId.get(id);
    if (!row) return undefined;
    return {
      id: row.id,
      projectId: row.project_id,
      pipelineInstanceId: row.pipeline_instance_id,
      name: row.name,
      description: row.description,
      category: row.category,
      templateId: row.template_id,
      templateSource: row.template_source,
      creator: row.creator,
      createMethod: row.create_method,
      createInfo: row.create_info,
      flowType: row.flow_type,
      currentFlow: row.current_flow,
      engineVer: row.engine_ver,
      extraInfo: row.extra_info,
      pipelineTreeJson: row.pipeline_tree,
      callbackUrl: row.callback_url,
      callbackVersion: row.callback_version,
      createdAt: row.created_at,
      isStarted: row.is_started === 1,
      isFinished: row.is_finished === 1,
      isRevoked: row.is_revoked === 1,
      startTime: row.start_time,
      finishTime: row.finish_time,
      executor: row.executor,
    };
  }

  /** Marks the task started by `executor` at `at`; false when it already was. */
  markStarted(id: number, executor: string, at: string): boolean {
    return this.started.run(at, executor, id).changes === 1;
  }

  /** Undoes `markStarted` when the engine could not start the run (bk-sops does the same). */
  unmarkStarted(id: number): void {
    this.unstarted.run(id);
  }

  /** The pipeline finished (`finished`) or was revoked (`revoked`) at `at`. */
  markEnded(id: number, at: string, how: "finished" | "revoked"): void {
    this.ended.run({ id, at, finished: how === "finished" ? 1 : 0, revoked: how === "revoked" ? 1 : 0 });
  }

  total(): number {
    return this.count.get()?.n ?? 0;
  }
}
