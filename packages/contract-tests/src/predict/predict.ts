import { buildTaskTree, type PipelineTree, resolveExcludeList } from "@bksops/domain";
import type { GroundTemplate } from "../ground/template.js";

type Json = Record<string, unknown>;

/** What the suite expects create_task to answer for a request: a tree, or the reason it must fail. */
export type Prediction = { tree: PipelineTree } | { failure: string };

/**
 * The task tree bk-sops builds for `params` from the deployment's own template, with this
 * project's domain code (the very code the reference server runs): node selection (exclusions,
 * execute list, schemes), exclusion with parallel collapse, constant pruning and merge, simplified
 * variables, fresh ids with `template_node_id`. A failure is the domain's error text.
 */
export function predictTask(template: GroundTemplate, params: Json): Prediction {
  try {
    const exclude = resolveExcludeList(template.tree, params, template.schemes);
    const constants = (params.constants ?? {}) as Record<string, unknown>;
    return { tree: buildTaskTree(template.tree, { exclude, constants, simplifyVars: params.simplify_vars }) };
  } catch (error) {
    return { failure: (error as Error).message };
  }
}
