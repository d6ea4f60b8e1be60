import type { Project } from "../../db/repos/projects.js";
import type { StoredTask } from "../../db/repos/tasks.js";
import { RawJson } from "../../http/json.js";
import { formatBkDatetime } from "../../time/bk-datetime.js";
import { elapsedSeconds } from "../../time/elapsed.js";
import type { OperationDeps } from "../operation.js";
import { taskUrlOf } from "../shared/project.js";

const msOf = (iso: string | null) => (iso === null ? null : Date.parse(iso));
const timeText = (iso: string | null) => (iso === null ? "" : formatBkDatetime(iso));

/**
 * bk-sops' `TaskFlowInstance.get_task_detail`: the task's record, its tree and constants, and the
 * pipeline's outputs once its end event has written them (an empty list before).
 */
export function taskDetail(deps: OperationDeps, task: StoredTask, project: Project): Record<string, unknown> {
  const tree = deps.engine.treeOf(task);
  const started = msOf(task.startTime);
  const finished = msOf(task.finishTime);
  const run = task.isStarted ? deps.engine.view(task.id)?.run : undefined;
  const outputs = run?.executions[run.pipelineId]?.outputs ?? {};
  return {
    id: task.id,
    project_id: project.id,
    project_name: project.name,
    name: task.name,
    create_time: formatBkDatetime(task.createdAt),
    creator: task.creator,
    create_method: task.createMethod,
    template_id: /^[0-9]+$/.test(task.templateId) ? Number(task.templateId) : task.templateId,
    start_time: timeText(task.startTime),
    finish_time: timeText(task.finishTime),
    executor: task.executor,
    elapsed_time: elapsedSeconds(started, finished, deps.engine.now()),
    // The tree as stored: the text create_task answered, spliced in without encoding it again.
    pipeline_tree: new RawJson(task.pipelineTreeJson),
    task_url: taskUrlOf(deps.bkSopsHost, project.id, task.id),
    constants: tree.constants,
    outputs: Object.entries(outputs).map(([key, value]) => ({
      key,
      value,
      name: tree.constants[key]?.name ?? "",
    })),
    ex_data: outputs.ex_data ?? "",
  };
}
