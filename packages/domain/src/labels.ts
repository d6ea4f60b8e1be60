import { isPlainObject } from "./python-values.js";
import type { PipelineTree } from "./types.js";

/** A node label as bk-sops stores it: the code of a label within the code of its label group. */
export interface NodeLabel {
  label: string;
  group: string;
}

const isLabel = (value: unknown): value is NodeLabel =>
  isPlainObject(value) && typeof value.label === "string" && typeof value.group === "string";

/** The event, activity and gateway records of one tree level, in bk-sops' order (`get_all_nodes`). */
function nodesOf(tree: PipelineTree): Array<Record<string, unknown>> {
  return [
    ...Object.values(tree.activities),
    ...Object.values(tree.gateways),
    tree.start_event,
    tree.end_event,
  ] as Array<Record<string, unknown>>;
}

/**
 * Where a tree's labels are not as bk-sops can store them: a `labels` that is not a list of
 * `{label, group}` objects (bk-sops' label handler reads both keys of every entry). Empty when fine.
 */
export function labelProblems(tree: PipelineTree): string[] {
  const problems: string[] = [];
  for (const node of nodesOf(tree)) {
    if (!Object.hasOwn(node, "labels")) continue;
    const labels = node.labels;
    if (!Array.isArray(labels) || !labels.every(isLabel)) {
      problems.push(`node ${String(node.id)}: labels must be a list of {label, group} objects`);
    }
  }
  return problems;
}

/**
 * Every node gets `labels` as its last key, `[]` when it has none, at every level of an unfolded
 * tree. bk-sops keeps labels beside the tree and puts them back on each node whenever it reads a
 * template or a task (`PipelineWebTreeCleaner.to_web`), so every node of an answer has them. Entries
 * that are not `{label, group}` objects are dropped (bk-sops keeps only labels it knows).
 */
export function attachLabelsInPlace(tree: PipelineTree): void {
  for (const node of nodesOf(tree)) {
    const labels = Array.isArray(node.labels) ? node.labels.filter(isLabel) : [];
    delete node.labels;
    node.labels = labels;
    if (node.type === "SubProcess" && isPlainObject(node.pipeline)) {
      attachLabelsInPlace(node.pipeline as PipelineTree);
    }
  }
}
