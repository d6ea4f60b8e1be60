import { cloneJson, isPlainObject } from "@bksops/domain";
import type { Preview } from "./reader.js";

type Json = Record<string, unknown>;

/** Deep equality of two JSON values, whatever the order of their keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameJson(item, b[index]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
  }
  return a === b;
}

/**
 * A template tree rebuilt from a preview of one of its versions (the only read of an older
 * version bk-sops has). The preview prunes the variables nothing uses and renumbers the others
 * from 0; they come back from `constants_not_referred` with their own indexes, and the kept ones
 * take the free indexes in their order (exact when the template numbered its variables 0..n-1, as
 * bk-sops' editor does). The preview also drops unused custom variables from `outputs`, which it
 * does not say: those the current version lists as outputs (`currentOutputs`) are taken to be
 * outputs of this version too, and named in `assumedOutputs`.
 */
export function treeFromPreview(
  preview: Preview,
  currentOutputs: readonly unknown[] = [],
): { tree: Json; assumedOutputs: string[] } {
  const tree = cloneJson(preview.pipeline_tree);
  const order = (entry: [string, unknown]) => {
    const index = isPlainObject(entry[1]) ? entry[1].index : undefined;
    return typeof index === "number" ? index : Number.MAX_SAFE_INTEGER;
  };
  const kept = Object.entries(isPlainObject(tree.constants) ? tree.constants : {}).sort(
    (a, b) => order(a) - order(b),
  );
  const dropped = Object.entries(cloneJson(preview.constants_not_referred));
  const taken = new Set(
    dropped.map(([, constant]) => (isPlainObject(constant) ? constant.index : undefined)),
  );
  let next = 0;
  for (const [, constant] of kept) {
    while (taken.has(next)) next += 1;
    if (isPlainObject(constant)) constant.index = next;
    next += 1;
  }
  tree.constants = Object.fromEntries([...kept, ...dropped].sort((a, b) => order(a) - order(b)));
  const outputs = Array.isArray(tree.outputs) ? tree.outputs : [];
  const assumedOutputs = dropped
    .filter(
      ([key, constant]) =>
        isPlainObject(constant) &&
        constant.source_type === "custom" &&
        currentOutputs.includes(key) &&
        !outputs.includes(key),
    )
    .map(([key]) => key);
  tree.outputs = [...outputs, ...assumedOutputs];
  return { tree, assumedOutputs };
}
