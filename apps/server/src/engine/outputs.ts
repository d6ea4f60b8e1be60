import type { PipelineTree } from "@bksops/domain";
import { HydrateError, hydrate } from "./render.js";

/**
 * The pipeline's outputs as its end event writes them: every key listed in `outputs` with its
 * constant's value resolved (a key without a constant gives itself). Undefined when the values
 * cannot be resolved (constants that refer to each other in a loop).
 */
export function outputValues(tree: PipelineTree): Record<string, unknown> | undefined {
  const keys = Array.isArray(tree.outputs) ? tree.outputs.filter((key) => typeof key === "string") : [];
  let hydrated: Record<string, unknown>;
  try {
    hydrated = hydrate(tree.constants, keys);
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
