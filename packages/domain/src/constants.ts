import { MissingKeyError } from "./errors.js";
import { own } from "./graph.js";
import { segmentNames, templateSegments } from "./mako-names.js";
import { isPlainObject, pyTypeName } from "./python-values.js";
import type { Constant, PipelineTree } from "./types.js";

/** Every `${...}` segment in a value, searching strings inside lists and dict values (not keys). */
function collectSegments(value: unknown, into: string[]): void {
  if (typeof value === "string") into.push(...templateSegments(value));
  else if (Array.isArray(value)) for (const item of value) collectSegments(item, into);
  else if (isPlainObject(value)) for (const item of Object.values(value)) collectSegments(item, into);
}

/** `record[key]` as Python's `dict[key]` reads it: a missing key is a KeyError. */
function must(record: unknown, key: string): unknown {
  if (!isPlainObject(record) || !Object.hasOwn(record, key)) throw new MissingKeyError(key);
  return record[key];
}

/**
 * The values bk-sops scans for references: inputs of the remaining nodes and branch conditions.
 * Read as strictly as bk-sops reads them: a plugin node without `component`, or a subprocess input
 * without `show_type`, fails task creation there.
 */
function referencePool(tree: PipelineTree): unknown[] {
  const pool: unknown[] = [];
  for (const act of Object.values(tree.activities)) {
    if (act.type === "ServiceActivity") {
      const data = must(must(act, "component"), "data") as Record<string, unknown>;
      for (const input of Object.values(data)) pool.push(must(input, "value"));
    } else {
      // A subprocess passes on only the inputs it shows; hidden ones use the child's own defaults.
      for (const input of Object.values(act.constants ?? {}))
        if (must(input, "show_type") === "show") pool.push(must(input, "value"));
    }
  }
  for (const gateway of Object.values(tree.gateways)) {
    if (gateway.type === "ExclusiveGateway" || gateway.type === "ConditionalParallelGateway") {
      for (const condition of Object.values(gateway.conditions)) pool.push(must(condition, "evaluate"));
    }
  }
  return pool;
}

/**
 * The constant keys the remaining nodes use, directly or through other constants' values,
 * in the order they were found (bamboo `ConstantPool.get_reference_info`, repeated to a fixed point).
 */
export function referencedConstantKeys(tree: PipelineTree): Set<string> {
  const referenced = new Set<string>();
  const namesOf = new Map<string, string[]>();
  const pending = referencePool(tree);
  while (pending.length > 0) {
    const segments: string[] = [];
    collectSegments(pending.pop(), segments);
    for (const segment of segments) {
      let names = namesOf.get(segment);
      if (!names) {
        names = segmentNames(segment);
        namesOf.set(segment, names);
      }
      for (const name of names) {
        const key = `\${${name}}`;
        const constant = own(tree.constants, key);
        if (constant === undefined || referenced.has(key)) continue;
        referenced.add(key);
        pending.push(must(constant, "value"));
      }
    }
  }
  return referenced;
}

/** Python's `<` between two sort keys; numbers (and booleans, as ints) and strings compare among their own. */
function pyLess(a: unknown, b: unknown): boolean {
  const numeric = (v: unknown) => typeof v === "number" || typeof v === "boolean";
  if (numeric(a) && numeric(b)) return Number(a) < Number(b);
  if (typeof a === "string" && typeof b === "string") return a < b;
  throw new TypeError(`'<' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
}

/**
 * Drop the constants nothing uses, in place (bk-sops `_remove_useless_constants`): keep referenced
 * ones and every `component_outputs` one, filter `outputs`, order by the old index and renumber from
 * 0, and remove the excluded activities from each kept constant's `source_info`.
 *
 * `keepCustomOutputs` is the mode bk-sops prunes a subprocess's child tree in
 * (`remove_outputs_without_refs=False`): custom constants listed in `outputs` stay even when nothing
 * refers to them; they come after the others, keep their old `index`, and go back at the end of
 * `outputs`. Fails like bk-sops on a constant without `source_type`, a kept one without `index`, or
 * (when something is excluded) without `source_info`.
 */
export function pruneConstantsInPlace(
  tree: PipelineTree,
  excluded: readonly unknown[],
  keepCustomOutputs = false,
): void {
  const referenced = referencedConstantKeys(tree);
  const entries = Object.entries(tree.constants);
  const outputsOf = new Set(
    entries.filter(([, c]) => must(c, "source_type") === "component_outputs").map(([k]) => k),
  );
  const kept = entries.filter(([key]) => referenced.has(key) || outputsOf.has(key));
  const keptKeys = new Set(kept.map(([key]) => key));
  const initialOutputs = tree.outputs;
  tree.outputs = initialOutputs.filter((key) => keptKeys.has(key));
  const indexes = new Map(kept.map(([key, constant]) => [key, must(constant, "index")]));
  // Stable sort: equal indexes keep template order (bk-sops leaves their order to a Python set).
  kept.sort(([a], [b]) =>
    pyLess(indexes.get(a), indexes.get(b)) ? -1 : pyLess(indexes.get(b), indexes.get(a)) ? 1 : 0,
  );
  const constants: Record<string, Constant> = {};
  kept.forEach(([key, constant], index) => {
    constant.index = index;
    for (const id of excluded) {
      const info = must(constant, "source_info");
      if (isPlainObject(info) && typeof id === "string" && Object.hasOwn(info, id)) delete info[id];
    }
    constants[key] = constant;
  });
  if (keepCustomOutputs) {
    for (const [key, constant] of entries) {
      if (constant.source_type === "custom" && initialOutputs.includes(key) && !tree.outputs.includes(key)) {
        constants[key] = constant;
        tree.outputs.push(key);
      }
    }
  }
  tree.constants = constants;
}
