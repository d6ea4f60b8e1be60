import type { SubprocessSource } from "./build-task-tree.js";
import { finishTaskTree } from "./build-task-tree.js";
import { cloneJson } from "./clone.js";
import { MissingKeyError } from "./errors.js";
import { isPlainObject, pyTruthy, pyTypeName } from "./python-values.js";
import { type IdGenerator, randomId } from "./regenerate-ids.js";
import type { PipelineTree } from "./types.js";
import { EMPTY_CATALOG } from "./unfold.js";
import { validateWebTreeInPlace } from "./validate-tree.js";

// bk-sops' standardize_pipeline_node_name: these characters are stripped, then names cut to 50.
const UNSAFE_NAME_CHARACTERS = /[<>$&'"]/g;
const NAME_LIMIT = 50;

/** Python's TypeError for `value["key"]` on something that is not a dict. */
function notSubscriptable(value: unknown): TypeError {
  if (typeof value === "string") return new TypeError("string indices must be integers, not 'str'");
  if (Array.isArray(value)) return new TypeError("list indices must be integers or slices, not str");
  return new TypeError(`'${pyTypeName(value)}' object is not subscriptable`);
}

/**
 * The checks bk-sops runs on a `pipeline_tree` sent in the request, before it creates anything
 * (its tree path, docs/bk-sops-behaviour.md §6.2): the request's values are merged into existing
 * constants (a meta constant keeps a copy of itself in `meta`; dict values are not turned into
 * their default), names are made safe, and the tree is validated (and normalised) as a template
 * is. Returns the prepared copy; throws what bk-sops' step fails with (InvalidTreeError, a Python
 * error text). The input is not changed.
 */
export function prepareRequestTree(input: unknown, values: Record<string, unknown>): PipelineTree {
  const tree = cloneJson(input);
  for (const [key, value] of Object.entries(values)) {
    if (!isPlainObject(tree)) throw notSubscriptable(tree);
    if (!Object.hasOwn(tree, "constants")) throw new MissingKeyError("constants");
    const constants = tree.constants;
    if (!isPlainObject(constants) || !Object.hasOwn(constants, key)) continue;
    const constant = constants[key];
    if (!isPlainObject(constant)) throw notSubscriptable(constant);
    if (pyTruthy(constant.is_meta) && !Object.hasOwn(constant, "meta")) constant.meta = cloneJson(constant);
    constant.value = value;
  }
  if (!isPlainObject(tree)) throw new TypeError(`'${pyTypeName(tree)}' object has no attribute 'values'`);
  standardizeNames(tree);
  validateWebTreeInPlace(tree);
  return tree;
}

/**
 * The tree of a task created from a `pipeline_tree` sent in the request: `prepareRequestTree`, then
 * what every task gets (`finishTaskTree`: subprocesses unfolded, new ids, labels). No exclusion and
 * no constant pruning. The input is not changed.
 */
export function buildTaskTreeFromRequestTree(
  input: unknown,
  values: Record<string, unknown>,
  newId: IdGenerator = randomId,
  subprocess: SubprocessSource = { kind: "project", catalog: EMPTY_CATALOG },
): PipelineTree {
  const tree = prepareRequestTree(input, values);
  finishTaskTree(tree, subprocess, newId);
  return tree;
}

function safeName(item: unknown): void {
  if (!isPlainObject(item) || !Object.hasOwn(item, "name")) return;
  if (typeof item.name !== "string") {
    // Python's re.sub refuses anything but text.
    throw new TypeError(`expected string or bytes-like object, got '${pyTypeName(item.name)}'`);
  }
  item.name = Array.from(item.name.replace(UNSAFE_NAME_CHARACTERS, "")).slice(0, NAME_LIMIT).join("");
}

/**
 * bk-sops' `standardize_pipeline_node_name`, in place: in top-level dict values and their direct dict
 * children, and in top-level list items, `name` loses the characters ``<>$&'"`` and is cut to 50
 * characters. bk-sops runs it on every tree it saves as a template and on a request's tree.
 */
export function standardizeNames(tree: Record<string, unknown>): void {
  for (const value of Object.values(tree)) {
    if (Array.isArray(value)) value.forEach(safeName);
    else if (isPlainObject(value)) {
      safeName(value);
      Object.values(value).forEach(safeName);
    }
  }
}
