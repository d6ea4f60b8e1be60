import type { PipelineTree } from "@bksops/domain";
import { HydrateError } from "./render.js";
import { hydrateScope, type Scope } from "./scope.js";

/**
 * A pipeline's outputs as its end event writes them: every key listed in the tree's `outputs`
 * with its value in the pipeline's context resolved (a key the context lacks gives itself).
 * Undefined when the values cannot be resolved (constants that refer to each other in a loop).
 */
export function outputValues(tree: PipelineTree, scope: Scope): Record<string, unknown> | undefined {
  const keys = Array.isArray(tree.outputs) ? tree.outputs.filter((key) => typeof key === "string") : [];
  let hydrated: Record<string, unknown>;
  try {
    hydrated = hydrateScope(scope, keys);
  } catch (error) {
    if (error instanceof HydrateError) return undefined;
    throw error;
  }
  const outputs: Record<string, unknown> = {};
  for (const key of keys) {
    const name = key.slice(2, -1);
    outputs[key] = Object.hasOwn(hydrated, name) ? hydrated[name] : key;
  }
  return outputs;
}
