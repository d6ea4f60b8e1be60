import { normalizeInPlace } from "./normalize.js";
import { isPlainObject, pyTruthy } from "./python-values.js";
import { type IdGenerator, randomId, regenerateIdsInPlace } from "./regenerate-ids.js";
import type { PipelineTree } from "./types.js";
import { validateTemplateTree } from "./validate-tree.js";

// bk-sops' standardize_pipeline_node_name: these characters are stripped, then names cut to 50.
const UNSAFE_NAME_CHARACTERS = /[<>$&'"]/g;
const NAME_LIMIT = 50;

/**
 * The tree of a task created from a `pipeline_tree` sent in the request (bk-sops' tree path,
 * §6.2): values merged into existing constants (meta copied, dict values left as they are),
 * names made safe, the tree validated, then ids regenerated. No exclusion and no pruning.
 * The input is not changed; an invalid tree throws InvalidTreeError.
 */
export function buildTaskTreeFromRequestTree(
  input: unknown,
  values: Record<string, unknown>,
  newId: IdGenerator = randomId,
): PipelineTree {
  if (!isPlainObject(input))
    throw new TypeError(`pipeline_tree must be an object, got ${JSON.stringify(input)}`);
  const tree = structuredClone(input) as unknown as PipelineTree;
  const constants = isPlainObject(tree.constants) ? tree.constants : {};
  for (const [key, value] of Object.entries(values)) {
    const constant = constants[key];
    if (!isPlainObject(constant)) continue;
    if (pyTruthy(constant.is_meta) && !Object.hasOwn(constant, "meta"))
      constant.meta = structuredClone(constant);
    constant.value = value;
  }
  standardizeNames(tree as unknown as Record<string, unknown>);
  validateTemplateTree(tree);
  normalizeInPlace(tree);
  regenerateIdsInPlace(tree, newId);
  return tree;
}

function safeName(item: unknown): void {
  if (isPlainObject(item) && typeof item.name === "string") {
    item.name = Array.from(item.name.replace(UNSAFE_NAME_CHARACTERS, "")).slice(0, NAME_LIMIT).join("");
  }
}

/** Top-level dict values and their direct dict children, and top-level list items. */
function standardizeNames(tree: Record<string, unknown>): void {
  for (const value of Object.values(tree)) {
    if (Array.isArray(value)) value.forEach(safeName);
    else if (isPlainObject(value)) {
      safeName(value);
      Object.values(value).forEach(safeName);
    }
  }
}
