import type { PipelineTree, SubProcess } from "@bksops/domain";
import { isPlainObject, own, pyRepr } from "@bksops/domain";

type Json = Record<string, unknown>;

/** Where a node is: the subprocess nodes leading to its pipeline (outermost first), the node. */
export interface NodePlace {
  subprocesses: SubProcess[];
  /** The tree of the pipeline the node is in. */
  tree: PipelineTree;
  node: Json;
}

/**
 * Python's KeyError / TypeError of bk-sops' lookup: nothing answers it, so the request fails as
 * an uncaught exception does in bk-sops (HTTP 500).
 */
export class NodeLookupError extends Error {}

/** Python's truth of a JSON value (`subprocess_stack or []`). */
const truthy = (value: unknown) =>
  !(
    value === null ||
    value === undefined ||
    value === false ||
    value === 0 ||
    value === "" ||
    (Array.isArray(value) && value.length === 0) ||
    (isPlainObject(value) && Object.keys(value).length === 0)
  );

/**
 * bk-sops' `_get_node_info`: the node `nodeId` of the pipeline `subprocessStack` leads to, going
 * down from the task's tree through each subprocess node's `pipeline` (the stack is what the
 * caller sent as JSON; empty or absent: the task's own pipeline). A stack or a node that is not
 * there fails as Python's lookup does.
 */
export function placeOf(tree: PipelineTree, subprocessStack: unknown, nodeId: string): NodePlace {
  const stack = truthy(subprocessStack) ? subprocessStack : [];
  if (!Array.isArray(stack)) {
    // A string is indexed character by character, a number or a dict not at all: none leads anywhere.
    throw new NodeLookupError(`subprocess_stack ${pyRepr(stack)} is not a list of subprocess node ids`);
  }
  const subprocesses: SubProcess[] = [];
  let current = tree;
  for (const id of stack) {
    if (typeof id !== "string") throw new NodeLookupError(`KeyError: ${pyRepr(id)}`);
    const activity = own(current.activities ?? {}, id);
    if (!activity) throw new NodeLookupError(`KeyError: ${pyRepr(id)}`);
    const child = (activity as Json).pipeline;
    if (activity.type !== "SubProcess" || !isPlainObject(child))
      throw new NodeLookupError("KeyError: 'pipeline'");
    subprocesses.push(activity);
    current = child as unknown as PipelineTree;
  }
  const node =
    nodeId === current.start_event?.id
      ? current.start_event
      : nodeId === current.end_event?.id
        ? current.end_event
        : (own(current.activities ?? {}, nodeId) ?? own(current.gateways ?? {}, nodeId));
  if (!node) throw new NodeLookupError(`KeyError: ${pyRepr(nodeId)}`);
  return { subprocesses, tree: current, node: node as Json };
}
