import { own } from "./graph.js";
import { segmentNames, templateSegments } from "./mako-names.js";
import { isPlainObject } from "./python-values.js";
import type { Constant, PipelineTree } from "./types.js";

/** Every `${...}` segment in a value, searching strings inside lists and dict values (not keys). */
function collectSegments(value: unknown, into: string[]): void {
  if (typeof value === "string") into.push(...templateSegments(value));
  else if (Array.isArray(value)) for (const item of value) collectSegments(item, into);
  else if (isPlainObject(value)) for (const item of Object.values(value)) collectSegments(item, into);
}

/** The values bk-sops scans for references: inputs of the remaining nodes and branch conditions. */
function referencePool(tree: PipelineTree): unknown[] {
  const pool: unknown[] = [];
  for (const act of Object.values(tree.activities)) {
    if (act.type === "ServiceActivity") {
      for (const input of Object.values(act.component?.data ?? {})) pool.push(input?.value);
    } else {
      // A subprocess passes on only the inputs it shows; hidden ones use the child's own defaults.
      for (const input of Object.values(act.constants ?? {}))
        if (input?.show_type === "show") pool.push(input.value);
    }
  }
  for (const gateway of Object.values(tree.gateways)) {
    if (gateway.type === "ExclusiveGateway" || gateway.type === "ConditionalParallelGateway") {
      for (const condition of Object.values(gateway.conditions ?? {})) pool.push(condition?.evaluate);
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
        pending.push(constant.value);
      }
    }
  }
  return referenced;
}

/**
 * Drop the constants nothing uses, in place (bk-sops `_remove_useless_constants`): keep referenced
 * ones and every `component_outputs` one, filter `outputs`, order by the old index and renumber from
 * 0, and remove the excluded activities from each kept constant's `source_info`.
 */
export function pruneConstantsInPlace(tree: PipelineTree, excluded: readonly unknown[]): void {
  const referenced = referencedConstantKeys(tree);
  const entries = Object.entries(tree.constants);
  const kept = entries.filter(([key, c]) => referenced.has(key) || c.source_type === "component_outputs");
  const keptKeys = new Set(kept.map(([key]) => key));
  tree.outputs = tree.outputs.filter((key) => keptKeys.has(key));
  // Stable sort: equal indexes keep template order (bk-sops leaves their order to a Python set).
  kept.sort(([, a], [, b]) => a.index - b.index);
  const excludedIds = new Set(excluded.filter((id): id is string => typeof id === "string"));
  const constants: Record<string, Constant> = {};
  kept.forEach(([key, constant], index) => {
    constant.index = index;
    if (isPlainObject(constant.source_info)) {
      for (const id of Object.keys(constant.source_info)) {
        if (excludedIds.has(id)) delete constant.source_info[id];
      }
    }
    constants[key] = constant;
  });
  tree.constants = constants;
}
