import type { Activity } from "@bksops/domain";
import { HydrateError, referencesOf, render } from "./render.js";
import { hydrateScope, type Scope } from "./scope.js";

export type RenderedInputs = { ok: true; inputs: Record<string, unknown> } | { ok: false; reason: string };

/**
 * A plugin node's inputs as bamboo hands them to the plugin: each input's value rendered with the
 * context of the pipeline it runs in (inputs marked `need_render: false` are passed as written).
 * SubProcess nodes take no plugin inputs (see `subprocess.ts`).
 */
export function renderInputs(activity: Activity, scope: Scope): RenderedInputs {
  if (activity.type !== "ServiceActivity") return { ok: true, inputs: {} };
  const data = activity.component?.data ?? {};
  const refs = Object.values(data).flatMap((input) => referencesOf(input?.value));
  let context: Record<string, unknown>;
  try {
    context = hydrateScope(scope, refs);
  } catch (error) {
    if (error instanceof HydrateError) return { ok: false, reason: error.message };
    throw error;
  }
  const inputs: Record<string, unknown> = {};
  for (const [key, input] of Object.entries(data)) {
    inputs[key] = input?.need_render === false ? input.value : render(input?.value, context);
  }
  return { ok: true, inputs };
}

/** The inputs as written in the tree, for a node whose rendering failed. */
export function plainInputs(activity: Activity): Record<string, unknown> {
  if (activity.type !== "ServiceActivity") return {};
  return Object.fromEntries(Object.entries(activity.component?.data ?? {}).map(([k, v]) => [k, v?.value]));
}
