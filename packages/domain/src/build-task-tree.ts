import { cloneJson } from "./clone.js";
import { pruneConstantsInPlace } from "./constants.js";
import { excludeNodesInPlace } from "./exclude.js";
import { applyConstantValues, simplifyConstants } from "./merge-constants.js";
import { normalizeInPlace } from "./normalize.js";
import type { IdGenerator } from "./regenerate-ids.js";
import { randomId, regenerateIdsInPlace } from "./regenerate-ids.js";
import type { PipelineTree } from "./types.js";

/** What a create_task request asks of the template's tree. */
export interface TaskTreeOptions {
  /** Template activity ids to leave out (already resolved from the node-selection parameters). */
  exclude?: readonly unknown[];
  /** Values for constants, by exact key (`"${name}"`); unknown keys are ignored. */
  constants?: Record<string, unknown>;
  /** Keys of custom constants to turn into plain textareas; any JSON value, as sent. */
  simplifyVars?: unknown;
}

/**
 * The pipeline tree of a new task built from a template's tree, as bk-sops' template path builds it:
 * normalise, exclude nodes (always, so unused constants are always pruned), prune constants, prepare
 * meta constants and apply values, simplify, then give everything new ids. The input is not changed.
 */
export function buildTaskTree(
  template: PipelineTree,
  options: TaskTreeOptions = {},
  newId: IdGenerator = randomId,
): PipelineTree {
  // One deep copy up front; every later step edits this private copy in place.
  const tree = cloneJson(template);
  normalizeInPlace(tree);
  const exclude = options.exclude ?? [];
  excludeNodesInPlace(tree, exclude);
  pruneConstantsInPlace(tree, exclude);
  applyConstantValues(tree.constants, options.constants ?? {});
  simplifyConstants(tree.constants, options.simplifyVars);
  regenerateIdsInPlace(tree, newId);
  return tree;
}
