import type { Activity, PipelineTree } from "@bksops/domain";
import type { StoredTask } from "../../db/repos/tasks.js";
import { renderInputs } from "../../engine/inputs.js";
import { childOf } from "../../engine/pipelines.js";
import type { Execution, Run } from "../../engine/run.js";
import { type Scope, scopeOf } from "../../engine/scope.js";
import { nodeStatus } from "../../engine/status.js";
import { childScope, subprocessInputs } from "../../engine/subprocess.js";
import { CODES } from "../../errors.js";
import type { OperationDeps, ViewResult } from "../operation.js";
import { outputsTable } from "./outputs-table.js";
import { type NodePlace, placeOf } from "./subprocess-stack.js";

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
    const child = activity.type === "SubProcess" ? childOf(activity) : undefined;
    if (child) nodeIds(child, into);
  }
  return into;
}

/** Python's `int(text)` of the `loop` query value; a value it refuses is a server error in bk-sops. */
function loopOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\s*[+-]?\d+\s*$/.test(text)) throw new Error(`invalid literal for int() with base 10: '${text}'`);
  return Number.parseInt(text, 10);
}

const NO_DATA = { inputs: {}, outputs: [], ex_data: "" };

/** bk-sops shows a subprocess node's inputs by constant name, without `${}`. */
const byName = (inputs: Record<string, unknown>): Json =>
  Object.fromEntries(Object.entries(inputs).map(([key, value]) => [key.slice(2, -1), value]));

type Preview = { ok: true; inputs: Json } | { ok: false; reason: string };

/**
 * The inputs of a node that has not run, as bk-sops previews them (`preview_node_inputs`): the
 * task's context (with what the run wrote into it so far), then each subprocess's inputs rendered
 * with its parent's down to the node's pipeline; there, the plugin's inputs or the subprocess
 * node's own.
 */
function previewInputs(run: Run | undefined, root: PipelineTree, place: NodePlace): Preview {
  let scope: Scope = scopeOf(root, run?.contexts?.[run.pipelineId] ?? {});
  for (const activity of place.subprocesses) {
    const child = childOf(activity) as PipelineTree;
    const inputs = subprocessInputs(child, scope);
    if (!inputs.ok) return inputs;
    scope = childScope(child, inputs.inputs);
  }
  const activity = place.node as Activity;
  if (activity.type === "SubProcess") {
    const child = childOf(activity);
    if (!child) return { ok: true, inputs: {} };
    const inputs = subprocessInputs(child, scope);
    return inputs.ok ? { ok: true, inputs: byName(inputs.inputs) } : inputs;
  }
  return renderInputs(activity, scope);
}

/** bk-sops' `get_node_data` (engine v2): the inputs and outputs of the node's current (or given) loop. */
function nodeData(
  run: Run | undefined,
  tree: PipelineTree,
  place: NodePlace,
  id: string,
  query: NodeQuery,
  loop: () => number | undefined,
): ViewResult {
  const state = run?.nodes[id];
  const info = place.node;
  let inputs: Json = {};
  let execution: Execution | undefined;
  if (state) {
    const wanted = loop();
    if (wanted === undefined || wanted >= state.loop) {
      execution = run?.executions[id];
      // A node bamboo kept no execution data for (events, gateways that did not fail).
      if (!execution) return { result: true, data: { ...NO_DATA }, message: "", code: CODES.SUCCESS };
      inputs = info.type === "SubProcess" ? byName(execution.inputs) : { ...execution.inputs };
    }
  } else {
    if (info.type !== "ServiceActivity" && info.type !== "SubProcess") {
      return { result: true, data: { ...NO_DATA }, message: "", code: CODES.SUCCESS };
    }
    const preview = previewInputs(run, tree, place);
    if (!preview.ok) {
      return {
        result: false,
        data: {},
        message: `节点数据请求失败: 请重试, 如多次失败可联系管理员处理. ${preview.reason} | get_node_data_v2`,
        code: CODES.UNKNOWN_ERROR,
      };
    }
    inputs = preview.inputs;
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
    // Outputs are named after the task's own constants, at any depth (bk-sops reads the task's).
    data: { inputs, outputs: outputsTable(outputs, query.componentCode, tree, id), ex_data: exData },
    message: "",
    code: CODES.SUCCESS,
  };
}

/**
 * bk-sops' `TaskFlowInstance.get_node_detail`: the node must be one of the task's, at any depth,
 * and be found where `subprocess_stack` leads (else, as in bk-sops, a server error); a node that
 * was reached answers its state (times, loop, retries, its child pipeline's nodes for a
 * subprocess node, no history: nothing is retried here), one that was not answers READY; both
 * with the node's data.
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
  const place = placeOf(tree, query.subprocessStack, id);
  // bk-sops reads `loop` as a number only for a node that has run.
  const loop = () => loopOf(query.loop);
  const data = nodeData(run, tree, place, id, query, loop);
  if (data.result !== true) return data;
  const status = run ? nodeStatus(run, id, deps.engine.now()) : undefined;
  let detail: Json;
  if (status) {
    const wanted = loop();
    if (wanted !== undefined && wanted < (status.loop as number)) {
      // bk-sops reads that loop from the node's histories; a node that ran once has none, and
      // its view fails on the empty list.
      throw new Error("list index out of range");
    }
    detail = { ...status, histories: [], history_id: -1 };
  } else {
    detail = { name: place.node.name, error_ignorable: place.node.error_ignorable ?? false, state: "READY" };
  }
  Object.assign(detail, data.data as Json);
  if (!detail.id) return { result: true, data: detail, message: "", code: CODES.SUCCESS };
  detail.auto_retry_info = {};
  return { result: true, data: detail, message: "", code: CODES.SUCCESS };
}
