import type { PipelineTree } from "@bksops/domain";
import { own } from "@bksops/domain";
import { formatBkDatetime } from "../time/bk-datetime.js";
import { elapsedSeconds } from "../time/elapsed.js";
import { childOf } from "./pipelines.js";
import { type NodeState, type Run, rootOf } from "./run.js";
import { STATE } from "./states.js";

/**
 * The state of a run as bk-sops answers it: bamboo's state rows in the shape of its engine API
 * (`get_pipeline_states`, `get_children_states`), formatted by bk-sops (`_format_status_time`:
 * times as text, `elapsed_time` in seconds; a running pipeline with a failed node reads FAILED).
 * Subprocess nodes carry the states of their child pipelines' nodes as their children.
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
 * bamboo's state tree of a run (`get_pipeline_states` with `flat_children=False`), each row with
 * bk-sops' times: the pipeline's row with one child per node reached in the task's pipeline, in
 * the order they were reached; a subprocess node's children are the nodes reached in its child
 * pipeline, at any depth. States are bamboo's own (see `formatLegacy`), and nodes are not named.
 */
export function stateTree(run: Run, now: number): Json {
  const root = rootOf(run);
  const rows = Object.values(run.nodes);
  const byId = new Map<string, Json>();
  for (const state of rows) {
    if (state.id !== root.id)
      byId.set(state.id, formatted(state, now, {}, state.parentId, state.errorIgnored));
  }
  const children: Json = {};
  for (const state of rows) {
    const row = byId.get(state.id);
    if (!row) continue;
    if (state.parentId === root.id) children[state.id] = row;
    else {
      const parent = byId.get(state.parentId);
      if (parent) (parent.children as Json)[state.id] = row;
    }
  }
  // bamboo fills the pipeline's error flags from the last row it read, not from the pipeline's own.
  const last = rows[rows.length - 1] ?? root;
  return formatted(root, now, children, root.rootId, last.errorIgnored);
}

/** bk-sops' state of a running node with a paused child (TaskExtraStatus.NODE_SUSPENDED). */
const NODE_SUSPENDED = "NODE_SUSPENDED";

/**
 * bk-sops' `format_bamboo_engine_status_legacy`, in place, innermost first: a RUNNING node or
 * pipeline with a FAILED child reads FAILED (so a failure deep in a subprocess fails the
 * subprocess node and the task), else with a suspended child NODE_SUSPENDED.
 */
export function formatLegacy(status: Json): void {
  const childStates = new Set<string>();
  for (const child of Object.values(status.children as Json) as Json[]) {
    formatLegacy(child);
    childStates.add(child.state as string);
  }
  if (status.state !== STATE.RUNNING) return;
  if (childStates.has(STATE.FAILED)) status.state = STATE.FAILED;
  else if (childStates.has(STATE.SUSPENDED) || childStates.has(NODE_SUSPENDED)) status.state = NODE_SUSPENDED;
}

/**
 * bk-sops' `add_node_name_to_status_tree`, in place: each child is named after the activity of
 * that id in `tree` (`""` for events, gateways and ids it lacks), a subprocess node's children
 * after its child tree's activities.
 */
export function addNodeNames(tree: PipelineTree | undefined, children: Json): void {
  for (const [id, status] of Object.entries(children) as Array<[string, Json]>) {
    const activity = tree ? own(tree.activities ?? {}, id) : undefined;
    status.name = activity?.name ?? "";
    const child = activity?.type === "SubProcess" ? childOf(activity) : undefined;
    addNodeNames(child, status.children as Json);
  }
}

/** get_task_status's tree of a started task (the whole task, named, states as bk-sops reads them). */
export function taskStatusTree(run: Run, tree: PipelineTree, now: number): Json {
  const status = stateTree(run, now);
  formatLegacy(status);
  addNodeNames(tree, status.children as Json);
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
