import type { Activity, PipelineTree } from "@bksops/domain";
import { own } from "@bksops/domain";
import type { StoredTask } from "../../db/repos/tasks.js";
import { renderInputs } from "../../engine/inputs.js";
import type { Execution, Run } from "../../engine/run.js";
import { nodeStatus } from "../../engine/status.js";
import { CODES } from "../../errors.js";
import type { OperationDeps, ViewResult } from "../operation.js";
import { outputsTable } from "./outputs-table.js";

export interface NodeQuery {
  nodeId: string | undefined;
  componentCode: string | undefined;
  loop: string | undefined;
  subprocessStack: unknown;
}

type Json = Record<string, unknown>;

/** The ids bamboo knows a task's nodes by: events, gateways, activities (and their subprocesses'). */
function nodeIds(tree: PipelineTree, into = new Set<string>()): Set<string> {
  into.add(tree.start_event.id).add(tree.end_event.id);
  for (const id of Object.keys(tree.gateways)) into.add(id);
  for (const [id, activity] of Object.entries(tree.activities)) {
    into.add(id);
    const child = (activity as { pipeline?: PipelineTree }).pipeline;
    if (activity.type === "SubProcess" && child) nodeIds(child, into);
  }
  return into;
}

function nodeInfo(tree: PipelineTree, id: string): Json {
  if (id === tree.start_event.id) return tree.start_event;
  if (id === tree.end_event.id) return tree.end_event;
  return (own(tree.activities, id) ?? own(tree.gateways, id) ?? {}) as Json;
}

/** Python's `int(text)` of the `loop` query value; a value it refuses is a server error in bk-sops. */
function loopOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\s*[+-]?\d+\s*$/.test(text)) throw new Error(`invalid literal for int() with base 10: '${text}'`);
  return Number.parseInt(text, 10);
}

const NO_DATA = { inputs: {}, outputs: [], ex_data: "" };

/** bk-sops' `get_node_data` (engine v2): the inputs and outputs of the node's current (or given) loop. */
function nodeData(
  run: Run | undefined,
  tree: PipelineTree,
  id: string,
  query: NodeQuery,
  loop?: number,
): ViewResult {
  const state = run?.nodes[id];
  const info = nodeInfo(tree, id);
  let inputs: Json = {};
  let execution: Execution | undefined;
  if (state) {
    if (loop === undefined || loop >= state.loop) {
      execution = run?.executions[id];
      // A node bamboo kept no execution data for (events, gateways that did not fail).
      if (!execution) return { result: true, data: { ...NO_DATA }, message: "", code: CODES.SUCCESS };
      inputs = { ...execution.inputs };
    }
  } else {
    if (info.type !== "ServiceActivity" && info.type !== "SubProcess") {
      return { result: true, data: { ...NO_DATA }, message: "", code: CODES.SUCCESS };
    }
    const rendered = renderInputs(info as Activity, tree);
    if (!rendered.ok) {
      return {
        result: false,
        data: {},
        message: `节点数据请求失败: 请重试, 如多次失败可联系管理员处理. ${rendered.reason} | get_node_data_v2`,
        code: CODES.UNKNOWN_ERROR,
      };
    }
    inputs = rendered.inputs;
  }
  const outputs = execution?.outputs ?? {};
  const component = (
    info as { component?: { data?: Record<string, { need_render?: boolean; value?: unknown }> } }
  ).component;
  for (const [key, input] of Object.entries(component?.data ?? {})) {
    if (input?.need_render === false && key in inputs) inputs[key] = input.value;
  }
  const exData = execution ? (Object.hasOwn(outputs, "ex_data") ? outputs.ex_data : null) : "";
  return {
    result: true,
    data: { inputs, outputs: outputsTable(outputs, query.componentCode, tree, id), ex_data: exData },
    message: "",
    code: CODES.SUCCESS,
  };
}

/**
 * bk-sops' `TaskFlowInstance.get_node_detail`: the node must be one of the task's; a node that
 * was reached answers its state (times, loop, retries, no history: nothing is retried here), one
 * that was not answers READY; both with the node's data.
 */
export function nodeDetail(deps: OperationDeps, task: StoredTask, query: NodeQuery): ViewResult {
  const tree = deps.engine.treeOf(task);
  const id = query.nodeId;
  if (id === undefined || !nodeIds(tree).has(id)) {
    return {
      result: false,
      message: `节点状态请求失败: 任务[ID: ${task.id}]中未找到节点[ID: ${id ?? "None"}]. 请重试. 如持续失败可联系管理员处理 | get_node_detail`,
      data: {},
      code: CODES.REQUEST_PARAM_INVALID,
    };
  }
  const run = task.isStarted ? deps.engine.view(task.id)?.run : undefined;
  const loop = loopOf(query.loop);
  const data = nodeData(run, tree, id, query, loop);
  if (data.result !== true) return data;
  const status = run ? nodeStatus(run, id, deps.engine.now()) : undefined;
  let detail: Json;
  if (status) {
    if (loop !== undefined && loop < (status.loop as number)) {
      // bk-sops reads that loop from the node's histories; a node that ran once has none, and
      // its view fails on the empty list.
      throw new Error("list index out of range");
    }
    detail = { ...status, histories: [], history_id: -1 };
  } else {
    const info = nodeInfo(tree, id);
    detail = { name: info.name, error_ignorable: info.error_ignorable ?? false, state: "READY" };
  }
  Object.assign(detail, data.data as Json);
  if (!detail.id) return { result: true, data: detail, message: "", code: CODES.SUCCESS };
  detail.auto_retry_info = {};
  return { result: true, data: detail, message: "", code: CODES.SUCCESS };
}
