import { isUnhashable, MissingKeyError, pyStr, TaskNodeSelectionError, UnhashableIdError } from "./errors.js";
import { pyTruthy } from "./python-values.js";
import type { PipelineTree, TemplateScheme } from "./types.js";

/** The node-selection parameters of a create_task request, as sent. */
export interface NodeSelection {
  exclude_task_nodes_id?: unknown;
  execute_task_nodes_id?: unknown;
  template_schemes_id?: unknown;
}

const isSchemePk = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value);

/** `template_schemes_id` as bk-sops normalises it: one id becomes a list; digit-only strings become pks. */
export function normalizeSchemeIds(value: unknown): unknown {
  const list = typeof value === "string" || isSchemePk(value) ? [value] : value;
  if (!Array.isArray(list)) return list;
  return list.map((id) => (typeof id === "string" && /^[0-9]+$/.test(id) ? Number.parseInt(id, 10) : id));
}

// A scheme is named by pk or by unique_id; "1" was already turned into the pk 1.
const identity = (id: number | string): string => (typeof id === "number" ? `id:${id}` : `unique_id:${id}`);

function validateSchemeIds(ids: unknown): asserts ids is Array<number | string> {
  if (!Array.isArray(ids)) throw new TaskNodeSelectionError("invalid template_schemes_id");
  const valid = (id: unknown): boolean => (typeof id === "string" && id !== "") || (isSchemePk(id) && id > 0);
  if (!ids.every(valid)) {
    throw new TaskNodeSelectionError(
      "invalid template_schemes_id: all items must be non-empty strings or positive integers",
    );
  }
  const seen = new Set<string>();
  const duplicates: Array<number | string> = [];
  for (const id of ids as Array<number | string>) {
    if (seen.has(identity(id)) && !duplicates.includes(id)) duplicates.push(id);
    seen.add(identity(id));
  }
  if (duplicates.length > 0) {
    throw new TaskNodeSelectionError(`duplicate template_schemes_id: ${duplicates.map(pyStr).join(", ")}`);
  }
}

function excludeBySchemes(
  tree: PipelineTree,
  ids: Array<number | string>,
  schemes: readonly TemplateScheme[],
): string[] {
  const byIdentity = new Map<string, TemplateScheme>();
  for (const scheme of schemes) {
    byIdentity.set(identity(scheme.id), scheme);
    byIdentity.set(identity(scheme.unique_id), scheme);
  }
  const missing = ids.filter((id) => !byIdentity.has(identity(id)));
  if (missing.length > 0) {
    throw new TaskNodeSelectionError(`unknown template_schemes_id: ${missing.map(pyStr).join(", ")}`);
  }
  const selected = new Set<string>();
  for (const id of ids) for (const nodeId of byIdentity.get(identity(id))?.data ?? []) selected.add(nodeId);
  return excludedBySchemeNodes(tree, selected);
}

/**
 * The activities a set of scheme node ids leaves out (bk-sops
 * `get_template_exclude_task_nodes_with_schemes`): every activity not selected, except the required
 * ones, which schemes never drop. `selected` undefined means no scheme: nothing is left out. Ids a
 * scheme lists that are no longer in the tree are ignored. Every activity's `optional` is read, so
 * one without the key fails (Python's KeyError), scheme or not.
 */
export function excludedBySchemeNodes(
  tree: PipelineTree,
  selected: ReadonlySet<string> | undefined,
): string[] {
  const excluded: string[] = [];
  for (const [id, act] of Object.entries(tree.activities)) {
    if (!Object.hasOwn(act, "optional")) throw new MissingKeyError("optional");
    if (selected !== undefined && !selected.has(id) && pyTruthy(act.optional)) excluded.push(id);
  }
  return excluded;
}

/**
 * The activity ids to exclude from a template's tree, from the request's node-selection parameters
 * (bk-sops `resolve_exclude_task_nodes_id`, docs/bk-sops-behaviour.md §7). `schemes` are the template's execution schemes.
 * Throws TaskNodeSelectionError with bk-sops' messages, checked in bk-sops' order.
 */
export function resolveExcludeList(
  tree: PipelineTree,
  selection: NodeSelection,
  schemes: readonly TemplateScheme[],
): unknown[] {
  const schemeIds = normalizeSchemeIds(selection.template_schemes_id ?? []);
  const exclude = selection.exclude_task_nodes_id ?? [];
  const execute = selection.execute_task_nodes_id ?? [];
  validateSchemeIds(schemeIds);
  if (schemeIds.length > 0 && (pyTruthy(exclude) || pyTruthy(execute))) {
    throw new TaskNodeSelectionError(
      "template_schemes_id can not be used with exclude_task_nodes_id or execute_task_nodes_id",
    );
  }
  if (schemeIds.length > 0) return excludeBySchemes(tree, schemeIds, schemes);
  if (Array.isArray(execute) && execute.length > 0) {
    const bad = execute.find(isUnhashable);
    if (bad !== undefined) throw new UnhashableIdError(bad);
    const executed = new Set(execute);
    // Required nodes left out here are excluded too, and exclusion then fails on them.
    return Object.keys(tree.activities)
      .filter((id) => !executed.has(id))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
  return Array.isArray(exclude) ? exclude : [];
}
