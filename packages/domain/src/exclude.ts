import {
  isUnhashable,
  MissingKeyError,
  NodeNotInTreeError,
  NodeNotOptionalError,
  UnhashableIdError,
} from "./errors.js";
import { nextNodeOf, own } from "./graph.js";
import { trimEmptyParallelBranches } from "./parallel-trim.js";
import { pyTruthy } from "./python-values.js";
import type { WebIndex } from "./rewire.js";
import { replaceIncoming } from "./rewire.js";
import type { PipelineTree } from "./types.js";
import { flowList } from "./types.js";

/** Remove one optional activity and join its upstream flows to its successor (docs/bk-sops-behaviour.md §8.1, one step). */
function removeActivity(tree: PipelineTree, web: WebIndex, actId: unknown): void {
  if (isUnhashable(actId)) throw new UnhashableIdError(actId);
  const act = own(tree.activities, actId);
  if (act === undefined) throw new NodeNotInTreeError(actId);
  delete tree.activities[actId as string];
  // bk-sops reads `act["optional"]`: a node without the key fails with Python's KeyError.
  if (!Object.hasOwn(act, "optional")) throw new MissingKeyError("optional");
  if (!pyTruthy(act.optional)) throw new NodeNotOptionalError(actId);

  const incoming = [...flowList(act.incoming)];
  const outgoing = act.outgoing;
  const targetId = own(tree.flows, outgoing)?.target ?? tree.end_event.id;
  const next = nextNodeOf(tree, targetId);
  replaceIncoming(next, outgoing, incoming);
  // Upstream flows keep their ids, so gateway conditions keyed by them stay valid.
  for (const flowId of incoming) {
    const flow = own(tree.flows, flowId);
    if (flow) flow.target = next.id;
  }
  delete tree.flows[outgoing];

  updateDrawing(web, act.id, outgoing, incoming, next.id);
}

// bk-sops logs and swallows a drawing error here: the first missing entry ends the drawing update.
function updateDrawing(
  web: WebIndex,
  actId: string,
  outgoing: string,
  incoming: string[],
  nextId: string,
): void {
  if (!web.locations.delete(actId)) return;
  if (!web.lines.delete(outgoing)) return;
  for (const flowId of incoming) {
    const line = web.lines.get(flowId);
    if (!line) return;
    line.target.id = nextId;
  }
}

/**
 * Exclude activities from a tree, in place (bk-sops `preview_pipeline_tree_exclude_task_nodes`
 * minus the constants step): remove each listed activity in order, then drop parallel branches left
 * empty and parallel pairs left with no branch. Task creation runs it on a normalised tree, a preview
 * on the template's tree as stored (`incoming` strings are kept where bk-sops keeps them). Throws on
 * an id that is not an activity (including a repeated id) and on a non-optional activity.
 */
export function excludeNodesInPlace(tree: PipelineTree, exclude: readonly unknown[]): void {
  // A tree without a canvas gets an empty one (bk-sops reads `tree.get("line", [])`).
  const web: WebIndex = {
    lines: new Map((tree.line ?? []).map((line) => [line.id, line])),
    locations: new Map((tree.location ?? []).map((location) => [location.id, location])),
  };
  for (const actId of exclude) removeActivity(tree, web, actId);
  trimEmptyParallelBranches(tree, web);
  tree.line = [...web.lines.values()];
  tree.location = [...web.locations.values()];
}
