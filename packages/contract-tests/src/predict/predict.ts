import {
  buildTaskTree,
  MODEL_NAME,
  type PipelineTree,
  pyTruthy,
  resolveExcludeList,
  SubprocessError,
  type TemplateCatalog,
  type TemplateKind,
} from "@bksops/domain";
import type { GroundTemplate } from "../ground/template.js";

type Json = Record<string, unknown>;

/**
 * What the suite expects create_task to answer for a request: a tree, the reason it must fail, or
 * why the read API does not show enough of the template to tell (`unknown`).
 */
export type Prediction = { tree: PipelineTree } | { failure: string } | { unknown: string };

/** The read API cannot show what the prediction needs (a subprocess's pinned version, scheme pks). */
export class Unpredictable extends Error {}

/**
 * The task tree bk-sops builds for `params` from the deployment's own template, with this
 * project's domain code (the very code the reference server runs): node selection (exclusions,
 * execute list, schemes), exclusion with parallel collapse, constant pruning and merge, simplified
 * variables, subprocesses unfolded from their templates as read from the deployment, fresh ids with
 * `template_node_id`. A failure is the domain's error text. `catalog` replaces the template's own
 * children (the mirror's reading knows their pinned versions and scheme pks; it throws
 * Unpredictable for what it cannot know).
 */
export function predictTask(template: GroundTemplate, params: Json, catalog?: TemplateCatalog): Prediction {
  const bySchemePk = catalog ? undefined : schemesNamedByPk(template);
  if (bySchemePk) return { unknown: bySchemePk };
  try {
    const exclude = resolveExcludeList(template.tree, params, template.schemes);
    const constants = (params.constants ?? {}) as Record<string, unknown>;
    return {
      tree: buildTaskTree(
        template.tree,
        { exclude, constants, simplifyVars: params.simplify_vars },
        undefined,
        { kind: template.ref?.source ?? "project", catalog: catalog ?? catalogOf(template) },
      ),
    };
  } catch (error) {
    if (error instanceof Unpredictable) return { unknown: error.message };
    return { failure: (error as Error).message };
  }
}

/**
 * The subprocess templates as the read API showed them. What it does not show makes the task
 * unpredictable rather than wrong: a version other than the current one, execution schemes named
 * by pk (get_template_schemes shows only unique ids).
 */
function catalogOf(template: GroundTemplate): TemplateCatalog {
  const children = template.children ?? new Map();
  const childOf = (key: string) => {
    const child = children.get(key);
    const [kind, pk] = key.split(":") as [TemplateKind, string];
    if (!child) throw new SubprocessError(`${MODEL_NAME[kind]} matching query does not exist.`);
    if ("problem" in child)
      throw new Unpredictable(`its subprocess's ${kind} template ${pk} could not be read: ${child.problem}`);
    return { child, kind, pk };
  };
  return {
    pipelineTemplateId(kind, pk) {
      const key = `${kind}:${String(pk)}`;
      childOf(key);
      return key;
    },
    version(_kind, key, version) {
      const { child, kind, pk } = childOf(key);
      if (version !== null && version !== child.version)
        throw new Unpredictable(
          `a subprocess runs version ${version} of ${kind} template ${pk}; the read API shows only its current version (${child.version ?? "none answered"})`,
        );
      return {
        tree: child.tree,
        kind,
        id: Number(pk),
        currentVersion: child.version ?? "",
        schemes: child.schemes,
      };
    },
  };
}

/** A subprocess node (at any level) that names its child's execution schemes by pk, if any. */
function schemesNamedByPk(template: GroundTemplate): string | undefined {
  const trees = [
    template.tree,
    ...[...(template.children ?? new Map()).values()].flatMap((child) =>
      "tree" in child ? [child.tree] : [],
    ),
  ];
  for (const tree of trees)
    for (const act of Object.values(tree.activities))
      if (act.type === "SubProcess" && pyTruthy(act.scheme_id_list))
        return `subprocess ${JSON.stringify(act.name)} names execution schemes by pk (scheme_id_list); the read API shows only their unique ids`;
  return undefined;
}

/** Why a template's tasks cannot be predicted from what the read API shows, if so. */
export function unpredictable(template: GroundTemplate): string | undefined {
  const plain = predictTask(template, {});
  return "unknown" in plain ? plain.unknown : undefined;
}
