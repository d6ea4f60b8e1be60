import type { PipelineTree } from "@bksops/domain";
import { HydrateError, referencesOf, render } from "./render.js";
import { hydrateScope, type Scope, scopeOf } from "./scope.js";

/**
 * What a subprocess node hands its child pipeline, as bamboo's SubProcess handler does: the
 * child's constants shown to the parent (`show_type: "show"`, bk-sops' subprocess `params`), each
 * rendered with the parent's context unless marked `need_render: false`. They become plain values
 * of the child's context, in place of the child's own values. Rendered ones come first, then the
 * others, as bamboo merges the two groups (docs/bk-sops-behaviour.md §11.5).
 */
/** The inputs, or why the parent's context could not be resolved (HydrateError's text). */
export type SubprocessInputs = { ok: true; inputs: Record<string, unknown> } | { ok: false; reason: string };

export function subprocessInputs(child: PipelineTree, parent: Scope): SubprocessInputs {
  const rendered: Array<[string, unknown]> = [];
  const asWritten: Array<[string, unknown]> = [];
  for (const [key, constant] of Object.entries(child.constants ?? {})) {
    if (constant?.show_type !== "show") continue;
    (constant.need_render === false ? asWritten : rendered).push([key, constant.value]);
  }
  let context: Record<string, unknown>;
  try {
    context = hydrateScope(
      parent,
      rendered.flatMap(([, value]) => referencesOf(value)),
    );
  } catch (error) {
    if (!(error instanceof HydrateError)) throw error;
    return { ok: false, reason: error.message };
  }
  const inputs: Record<string, unknown> = {};
  for (const [key, value] of rendered) inputs[key] = render(value, context);
  for (const [key, value] of asWritten) inputs[key] = value;
  return { ok: true, inputs };
}

/** The child's context as the subprocess starts it: its constants, the node's inputs as plain values. */
export const childScope = (child: PipelineTree, inputs: Record<string, unknown>): Scope =>
  scopeOf(child, { ...inputs });
