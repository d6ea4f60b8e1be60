import { isUnhashable } from "@bksops/domain";
import type { StoredTask } from "../../db/repos/tasks.js";
import type { PipelineCommand } from "../../engine/engine.js";
import { InvalidOperationError, StateNotFoundError, TransitionError } from "../../engine/states.js";
import { CODES } from "../../errors.js";
import type { OperationDeps, ViewResult } from "../operation.js";
import { pyText } from "../shared/project.js";

// operate_task's view handles "start" itself; the others reach the dispatcher.
const PIPELINE_COMMANDS = new Set(["pause", "resume", "revoke"]);

/**
 * bk-sops' `TaskFlowInstance.task_action` with its TaskCommandDispatcher, for pause, resume and
 * revoke: the task must be in its `execute_task` flow, the command known, the task started;
 * then the engine's answer, whose refusals bk-sops reports as "fail: " and the traceback.
 */
export function taskAction(deps: OperationDeps, task: StoredTask, action: unknown): ViewResult {
  if (task.currentFlow !== "execute_task") {
    // "%sed": bk-sops builds the past tense by appending "ed" ("pauseed", "revokeed").
    return {
      result: false,
      message: `task with current_flow:${task.currentFlow} cannot be ${pyText(action)}ed`,
      code: CODES.INVALID_OPERATION,
    };
  }
  if (isUnhashable(action)) {
    // `command not in TASK_COMMANDS` raises TypeError for a list or dict; task_action reports it.
    const kind = Array.isArray(action) ? "list" : "dict";
    return {
      result: false,
      message: `任务操作失败: 任务[ID: ${task.id}]操作失败: unhashable type: '${kind}'. 请重试, 持续失败可联系管理员处理 | task_action`,
      code: CODES.UNKNOWN_ERROR,
    };
  }
  if (typeof action !== "string" || !PIPELINE_COMMANDS.has(action)) {
    return { result: false, message: "task command is invalid", code: CODES.INVALID_OPERATION };
  }
  if (!task.isStarted) return { result: false, message: "task not started", code: CODES.INVALID_OPERATION };
  const command = action as PipelineCommand;
  try {
    deps.engine.command(task.id, command);
  } catch (error) {
    if (
      error instanceof TransitionError ||
      error instanceof InvalidOperationError ||
      error instanceof StateNotFoundError
    ) {
      return {
        result: false,
        message: `fail: ${engineTraceback(command, error)}`,
        code: CODES.UNKNOWN_ERROR,
      };
    }
    throw error;
  }
  return { result: true, message: "success", code: CODES.SUCCESS };
}

/**
 * The traceback bk-sops puts in the message when its engine refuses a command. Its first line and
 * its last (the exception) are the real ones; the frames between name only the engine calls, as
 * the real ones show the deployment's own file paths and source lines.
 */
function engineTraceback(command: PipelineCommand, error: Error): string {
  const frames = [
    `  File "bamboo_engine/api.py", in ${command}_pipeline`,
    `  File "bamboo_engine/engine.py", in ${command}_pipeline`,
  ];
  if (error instanceof TransitionError) frames.push('  File "pipeline/eri/imp/state.py", in set_state');
  // The errors are named as Python prints their class in a traceback.
  return ["Traceback (most recent call last):", ...frames, `${error.name}: ${error.message}`, ""].join("\n");
}
