import type { PipelineTree } from "@bksops/domain";
import { own } from "@bksops/domain";
import { formatBkDatetime } from "../time/bk-datetime.js";
import { elapsedSeconds } from "../time/elapsed.js";
import { type NodeState, type Run, rootOf } from "./run.js";
import { STATE } from "./states.js";

/**
 * The state of a run as bk-sops answers it: bamboo's state rows in the shape of its engine API
 * (`get_pipeline_states`, `get_children_states`), formatted by bk-sops (`_format_status_time`:
 * times as text, `elapsed_time` in seconds; a running pipeline with a failed node reads FAILED).
 */

type Json = Record<string, unknown>;

/** What get_task_status answers for a task that was never started (bk-sops' CREATED_STATUS). */
export function createdStatus(): Json {
  return {
    start_time: null,
    state: STATE.CREATED,
    retry: 0,
    skip: 0,
    finish_time: null,
    elapsed_time: 0,
    children: {},
  };
}

/**
 * One state row formatted: bamboo's keys in its order (note `"root_id:"`, with the colon, as
 * bamboo spells it), then the times bk-sops adds. `errorIgnored` is given apart because bamboo
 * reports the pipeline's from another row (see `taskStatusTree`).
 */
function formatted(
  state: NodeState,
  now: number,
  children: Json,
  parentId: string,
  errorIgnored: boolean,
): Json {
  return {
    id: state.id,
    state: state.state,
    "root_id:": state.rootId,
    parent_id: parentId,
    version: state.version,
    loop: state.loop,
    retry: state.retry,
    skip: state.skip,
    error_ignorable: errorIgnored,
    error_ignored: errorIgnored,
    children,
    elapsed_time: elapsedSeconds(state.startedAt, state.archivedAt, now),
    start_time: state.startedAt === null ? null : formatBkDatetime(new Date(state.startedAt).toISOString()),
    finish_time:
      state.archivedAt === null ? null : formatBkDatetime(new Date(state.archivedAt).toISOString()),
  };
}

/**
 * get_task_status's tree of a started task: the pipeline's row with one child per node reached,
 * in the order they were reached, each named after its activity (`""` for events and gateways).
 * A running pipeline with a failed child reads FAILED (bk-sops' legacy status formatting).
 */
export function taskStatusTree(run: Run, tree: PipelineTree, now: number): Json {
  const root = rootOf(run);
  const rows = Object.values(run.nodes);
  const children: Json = {};
  const childStates = new Set<string>();
  for (const state of rows) {
    if (state.id === root.id) continue;
    const child = formatted(state, now, {}, state.parentId, state.errorIgnored);
    child.name = own(tree.activities, state.id)?.name ?? "";
    children[state.id] = child;
    childStates.add(state.state);
  }
  // bamboo fills the pipeline's error flags from the last row it read, not from the pipeline's own.
  const last = rows[rows.length - 1] ?? root;
  const status = formatted(root, now, children, root.rootId, last.errorIgnored);
  if (status.state === STATE.RUNNING) {
    if (childStates.has(STATE.FAILED)) status.state = STATE.FAILED;
    else if (childStates.has(STATE.SUSPENDED)) status.state = "NODE_SUSPENDED";
  }
  return status;
}

/** get_task_node_detail's view of a node that has been reached (bamboo's `get_children_states`). */
export function nodeStatus(run: Run, nodeId: string, now: number): Json | undefined {
  const state = run.nodes[nodeId];
  if (!state) return undefined;
  const children: Json = {};
  for (const child of Object.values(run.nodes)) {
    if (child.parentId === nodeId)
      children[child.id] = formatted(child, now, {}, child.parentId, child.errorIgnored);
  }
  return formatted(state, now, children, state.rootId, state.errorIgnored);
}

/** The ids of the failed nodes of a status tree (leaves: a failed node with children is looked into). */
export function failedNodes(status: Json): string[] {
  const failed: string[] = [];
  const queue = [status.children as Json];
  while (queue.length > 0) {
    const children = queue.shift() as Json;
    for (const [id, node] of Object.entries(children)) {
      const child = node as Json;
      if (child.state !== STATE.FAILED) continue;
      const grandchildren = child.children as Json;
      if (Object.keys(grandchildren).length > 0) queue.push(grandchildren);
      else failed.push(id);
    }
  }
  return failed;
}
