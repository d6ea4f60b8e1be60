import { cloneJson } from "./clone.js";
import { pruneConstantsInPlace } from "./constants.js";
import { excludeNodesInPlace } from "./exclude.js";
import type { Constant, PipelineTree } from "./types.js";

/** What bk-sops' preview answers: the tree a task would start from, and the constants it drops. */
export interface TaskTreePreview {
  pipeline_tree: PipelineTree;
  /** The template's constants that the task would not keep, as the template has them. */
  constants_not_referred: Record<string, Constant>;
}

/**
 * The tree `preview_task_tree` answers for a template and an exclude list (bk-sops
 * `pipeline_web/preview.py::preview_template_tree`): the template's own tree with the listed
 * optional activities removed, empty parallel branches trimmed and unreferenced constants pruned.
 * Unlike task creation it keeps the template's ids, its canvas and its `incoming` shapes (no
 * normalisation, no `converge_gateway_id`), and applies no constant values. The input is not changed.
 * Throws the exclusion's errors (a node not in the tree, not optional, unhashable).
 */
export function previewTaskTree(template: PipelineTree, exclude: readonly unknown[]): TaskTreePreview {
  const tree = cloneJson(template);
  excludeNodesInPlace(tree, exclude);
  pruneConstantsInPlace(tree, exclude);
  const constants_not_referred: Record<string, Constant> = {};
  for (const [key, constant] of Object.entries(template.constants)) {
    if (!Object.hasOwn(tree.constants, key)) constants_not_referred[key] = cloneJson(constant);
  }
  return { pipeline_tree: tree, constants_not_referred };
}
