import { InvalidTreeError } from "./errors.js";
import { pyRepr } from "./python-repr.js";
import { isPlainObject } from "./python-values.js";

/** bk-sops' constant key rule: `${name}` of word characters, not a project or system variable. */
export const CONSTANT_KEY = /^\$\{(?!_env_|_system\.)[a-zA-Z0-9_]+\}$/;
// Python's `re.match(...$)` also accepts the key followed by one newline.
const KEY_MATCH = /^\$\{(?!_env_|_system\.)[a-zA-Z0-9_]+\}\n?$/;

/** Python's `str()` of a JSON value. */
const pyText = (value: unknown): string => (typeof value === "string" ? value : pyRepr(value));

/**
 * bk-sops' key checks (`pipeline_web/parser/validator.py`): each constant's `key` property equals
 * its dict key and has the `${name}` form; each `outputs` item has that form. bk-sops' text for a
 * bad output names the last constant key it looked at, not the output (and has no key to name
 * when there are no constants: Python then fails on the unbound name).
 */
export function checkConstantKeys(constants: Record<string, unknown>, outputs: unknown[]): void {
  const errors: string[] = [];
  const details: string[] = [];
  let lastKey: string | undefined;
  for (const [key, constant] of Object.entries(constants)) {
    lastKey = key;
    const property = isPlainObject(constant) ? constant.key : undefined;
    if (property !== key) {
      errors.push(`constants ${key} key property value: ${pyText(property ?? null)} not matched`);
      details.push(`constant ${key}: its key property is ${pyRepr(property ?? null)}`);
      continue;
    }
    if (!KEY_MATCH.test(key)) {
      errors.push(`invalid key: ${key}`);
      details.push(`constant ${key}: a key must look like \${name}, name of letters, digits and _`);
    }
  }
  for (const output of outputs) {
    if (typeof output === "string" && KEY_MATCH.test(output)) continue;
    if (lastKey === undefined) {
      throw new InvalidTreeError(
        "cannot access local variable 'key' where it is not associated with a value",
        `outputs: ${pyText(output)} is not a constant key`,
      );
    }
    errors.push(`invalid outputs key: ${lastKey}`);
    details.push(`outputs: ${pyText(output)} is not a constant key`);
  }
  if (errors.length > 0) throw new InvalidTreeError(errors.join("\n"), details.join("; "));
}

/**
 * bk-sops' check that no constant's value refers to itself, directly or through others
 * (`gcloud/utils/pipeline.py::validate_pipeline_tree_constants`). A reference is the other key's
 * text anywhere in the Python `str()` of the value, not a parsed `${…}` expression.
 */
export function checkConstantCycles(constants: Record<string, unknown>): void {
  const texts = new Map<string, string>();
  for (const [key, constant] of Object.entries(constants)) {
    const value = isPlainObject(constant) ? constant.value : constant;
    texts.set(key, value === null || value === undefined ? "" : pyText(value));
  }
  const graph = new Map<string, string[]>();
  const selfReferring: string[] = [];
  for (const [key, text] of texts) {
    if (!text) continue;
    const refs = [...texts.keys()].filter((other) => text.includes(other));
    if (refs.includes(key)) selfReferring.push(key);
    const others = refs.filter((other) => other !== key);
    if (others.length > 0) graph.set(key, others);
  }
  if (selfReferring.length > 0) {
    const keys = selfReferring.join(", ");
    throw new InvalidTreeError(
      `常量 ${keys} 的值不能引用自身作为值`,
      `constants ${keys} refer to themselves`,
    );
  }
  const visited = new Set<string>();
  const stack: string[] = [];
  const hasCycle = (key: string): boolean => {
    visited.add(key);
    stack.push(key);
    for (const next of graph.get(key) ?? []) {
      if (!visited.has(next)) {
        if (hasCycle(next)) return true;
      } else if (stack.includes(next)) return true;
    }
    stack.pop();
    return false;
  };
  for (const key of graph.keys()) {
    if (!visited.has(key) && hasCycle(key)) {
      const keys = stack.join(", ");
      throw new InvalidTreeError(
        `检测到常量${keys}存在循环引用`,
        `constants ${keys} refer to each other in a loop`,
      );
    }
  }
}
