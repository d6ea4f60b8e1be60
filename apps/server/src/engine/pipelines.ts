import type { PipelineTree, SubProcess } from "@bksops/domain";
import { isPlainObject } from "@bksops/domain";

/**
 * The pipelines of a task: its own tree and, at any depth, the child tree each subprocess node
 * carries under `pipeline` (bk-sops unfolds them when it creates the task). bamboo knows a child
 * pipeline by its subprocess node's id: a child tree's `id` is that node's id.
 */

/** The subprocess node's child tree, when the task's tree carries one. */
export function childOf(activity: SubProcess): PipelineTree | undefined {
  return isPlainObject(activity.pipeline) ? activity.pipeline : undefined;
}

const indexes = new WeakMap<PipelineTree, Map<string, PipelineTree>>();

/** Every child pipeline of `tree`, at any depth, by the id of its subprocess node. */
export function childPipelines(tree: PipelineTree): Map<string, PipelineTree> {
  let index = indexes.get(tree);
  if (index) return index;
  index = new Map();
  const pending = [tree];
  while (pending.length > 0) {
    const current = pending.pop() as PipelineTree;
    for (const [id, activity] of Object.entries(current.activities ?? {})) {
      if (activity?.type !== "SubProcess") continue;
      const child = childOf(activity);
      if (!child || index.has(id)) continue;
      index.set(id, child);
      pending.push(child);
    }
  }
  indexes.set(tree, index);
  return index;
}

/** The tree of pipeline `pipelineId` of the task whose tree is `root` and pipeline `rootId`. */
export function pipelineTreeOf(root: PipelineTree, rootId: string, pipelineId: string): PipelineTree {
  if (pipelineId === rootId) return root;
  const child = childPipelines(root).get(pipelineId);
  if (!child) throw new Error(`pipeline ${pipelineId} is not in the task's tree`);
  return child;
}
