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
}

/** Created tasks. One insert is one transaction: committed (and synced) before it returns. */
export class TaskRepository {
  private readonly insertTask;
  private readonly insertFunctionTask;
  private readonly byId;
  private readonly count;
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
    };
  }

  total(): number {
    return this.count.get()?.n ?? 0;
  }
}
