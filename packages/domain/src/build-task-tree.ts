import { cloneJson } from "./clone.js";
import { pruneConstantsInPlace } from "./constants.js";
import { excludeNodesInPlace } from "./exclude.js";
import { attachLabelsInPlace } from "./labels.js";
import { applyConstantValues, simplifyConstants } from "./merge-constants.js";
import { normalizeInPlace } from "./normalize.js";
import type { IdGenerator } from "./regenerate-ids.js";
import { randomId, regenerateIdsInPlace } from "./regenerate-ids.js";
import type { PipelineTree } from "./types.js";
import type { TemplateCatalog, TemplateKind } from "./unfold.js";
import { EMPTY_CATALOG, unfoldSubprocessesInPlace } from "./unfold.js";

/** What a create_task request asks of the template's tree. */
export interface TaskTreeOptions {
  /** Template activity ids to leave out (already resolved from the node-selection parameters). */
  exclude?: readonly unknown[];
  /** Values for constants, by exact key (`"${name}"`); unknown keys are ignored. */
  constants?: Record<string, unknown>;
  /** Keys of custom constants to turn into plain textareas; any JSON value, as sent. */
  simplifyVars?: unknown;
}

/** Where a task's subprocess nodes find their child templates. */
export interface SubprocessSource {
  /** The kind of the template the task is created from (its subprocess nodes default to it). */
  kind: TemplateKind;
  catalog: TemplateCatalog;
}

/**
 * What bk-sops' `create_pipeline_instance` does to any task tree once its own constants are set:
 * unfold the subprocesses, give everything new ids, and put the labels back on every node.
 */
export function finishTaskTree(tree: PipelineTree, subprocess: SubprocessSource, newId: IdGenerator): void {
  unfoldSubprocessesInPlace(tree, subprocess.kind, subprocess.catalog);
  regenerateIdsInPlace(tree, newId);
  attachLabelsInPlace(tree);
}

const NO_CHILDREN: SubprocessSource = { kind: "project", catalog: EMPTY_CATALOG };

/**
 * The pipeline tree of a new task built from a template's tree, as bk-sops' template path builds it:
 * normalise, exclude nodes (always, so unused constants are always pruned), prune constants, prepare
 * meta constants and apply values, simplify, then unfold subprocesses, give everything new ids and
 * labels (`finishTaskTree`). The input is not changed. Without `subprocess`, a subprocess node fails
 * as one whose child template does not exist.
 */
export function buildTaskTree(
  template: PipelineTree,
  options: TaskTreeOptions = {},
  newId: IdGenerator = randomId,
  subprocess: SubprocessSource = NO_CHILDREN,
): PipelineTree {
  // One deep copy up front; every later step edits this private copy in place.
  const tree = cloneJson(template);
  normalizeInPlace(tree);
  const exclude = options.exclude ?? [];
  excludeNodesInPlace(tree, exclude);
  pruneConstantsInPlace(tree, exclude);
  applyConstantValues(tree.constants, options.constants ?? {});
  simplifyConstants(tree.constants, options.simplifyVars);
  finishTaskTree(tree, subprocess, newId);
  return tree;
}
