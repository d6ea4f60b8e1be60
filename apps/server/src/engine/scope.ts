import type { Constant, PipelineTree } from "@bksops/domain";
import { hydrate } from "./render.js";

/**
 * The context of one pipeline (the task's, or a subprocess's), as bamboo keeps it: the pipeline's
 * own constants, and the plain values written into it while it runs (what the subprocess node
 * passed down, what its nodes gave out), which stand in for the constants of the same keys.
 *
 * A constant taken from a node's outputs (`component_outputs`) enters bamboo's context only when
 * the node writes it. The simulated plugins give none of their real outputs (a job id, say), so
 * such a constant keeps its value from the tree until a node writes it: what a reader of the
 * task's outputs expects to see, rather than the bare `${key}` bamboo would leave.
 */
export interface Scope {
  constants: Record<string, Constant>;
  plain: Record<string, unknown>;
}

/** The scope of `tree`'s pipeline with the plain values written into it so far. */
export const scopeOf = (tree: PipelineTree, plain: Record<string, unknown> = {}): Scope => ({
  constants: tree.constants ?? {},
  plain,
});

/** The values the scope's `keys` refer to, resolved (bamboo's hydrate); throws HydrateError. */
export const hydrateScope = (scope: Scope, keys: Iterable<string>): Record<string, unknown> =>
  hydrate(scope.constants, keys, scope.plain);

/**
 * Which outputs of node `nodeId` the pipeline keeps, and under which constant: bamboo's data
 * outputs of the node (`{output key: constant key}`), from the `component_outputs` constants whose
 * first source is that node (bk-sops' `classify_constants` reads only the first source and its
 * first key; a later constant taking the same output wins).
 */
export function dataOutputsOf(tree: PipelineTree, nodeId: string): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, constant] of Object.entries(tree.constants ?? {})) {
    if (constant?.source_type !== "component_outputs") continue;
    const [source, outputs] = Object.entries(constant.source_info ?? {})[0] ?? [];
    const output = Array.isArray(outputs) ? outputs[0] : undefined;
    if (source === nodeId && typeof output === "string") kept[output] = key;
  }
  return kept;
}

/**
 * bamboo's `Context.extract_outputs`: the node's outputs its pipeline keeps, by constant key, as
 * plain values to write into the pipeline's context; outputs the node did not give are left out.
 */
export function keptOutputs(
  tree: PipelineTree,
  nodeId: string,
  outputs: Record<string, unknown>,
): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [output, key] of Object.entries(dataOutputsOf(tree, nodeId))) {
    if (Object.hasOwn(outputs, output)) kept[key] = outputs[output];
  }
  return kept;
}
