import {
  cloneJson,
  excludeNodesInPlace,
  normalizeInPlace,
  type PipelineTree,
  pruneConstantsInPlace,
  pyTruthy,
  type TemplateScheme,
} from "@bksops/domain";
import { BkSopsError, CODES } from "../../errors.js";
import type { Operation } from "../operation.js";
import { interceptTemplateView, objectDoesNotExist } from "../shared/iam.js";
import { injectProject } from "../shared/project.js";

/**
 * operationIds getTemplateSchemes (gateway) and getTemplateSchemesEsb: bk-sops'
 * `get_template_schemes`, the execution schemes of a project template. Each scheme's `id` is its
 * `unique_id` (what create_task's `template_schemes_id` takes) and `data` the JSON text of its
 * node ids, as stored. `with_constants=true` adds the variables a task of that scheme would keep.
 * Note the path order: business first, then template.
 */
export const getTemplateSchemesOperation: Operation = {
  name: "get_template_schemes",
  operationIds: { gateway: "getTemplateSchemes", esb: "getTemplateSchemesEsb" },
  method: "GET",
  pathParams: ["bk_biz_id", "template_id"],
  handle(deps, input) {
    const { store } = deps;
    const templateId = input.params.template_id ?? "";
    const project = injectProject(store, input.params.bk_biz_id ?? "", input.query);
    interceptTemplateView(store, input.caller, "project", templateId);
    const template = store.templates.findProjectTemplate(Number(templateId), project.id);
    // The view's `TaskTemplate.objects.get(...)` is not guarded: its DoesNotExist reaches the middleware.
    if (!template) throw objectDoesNotExist("TaskTemplate matching query does not exist.");
    const withConstants = (input.query.with_constants ?? "false").toLowerCase() === "true";
    const data = template.schemes.map((scheme) => {
      const info: Record<string, unknown> = {
        id: scheme.unique_id,
        name: schemeName(scheme),
        data: JSON.stringify(scheme.data),
      };
      if (withConstants) info.detail = { constants: schemeConstants(template.tree, scheme) };
      return info;
    });
    return { result: true, data, code: CODES.SUCCESS };
  },
};

/** A scheme's name: its unique id is `<template id>-<name>`. */
const schemeName = (scheme: TemplateScheme): string =>
  (scheme as TemplateScheme & { name?: string }).name ?? scheme.unique_id.replace(/^[^-]*-/, "");

/** The template's variables as a task of this scheme would keep them (optional nodes it leaves out excluded). */
function schemeConstants(template: PipelineTree, scheme: TemplateScheme): Record<string, unknown> {
  const selected = new Set(scheme.data);
  const exclude = Object.entries(template.activities)
    .filter(([id, act]) => pyTruthy(act.optional) && !selected.has(id))
    .map(([id]) => id);
  const tree = cloneJson(template);
  try {
    normalizeInPlace(tree);
    excludeNodesInPlace(tree, exclude);
    pruneConstantsInPlace(tree, exclude);
  } catch (error) {
    throw new BkSopsError(`get_template_schemes fail: ${(error as Error).message}`, CODES.UNKNOWN_ERROR);
  }
  return tree.constants;
}
