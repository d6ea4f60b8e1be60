import {
  cloneJson,
  isPlainObject,
  type PipelineTree,
  type TemplateScheme,
  validateTemplateTree,
  withDrawing,
} from "@bksops/domain";
import { once, type RunContext } from "../checks/check.js";
import { brief } from "../checks/diff.js";
import type { Exchange } from "../types.js";
import { readOperation, successData } from "./reads.js";

type Json = Record<string, unknown>;

/** Which template: a project template of a business, or a common template used from a business. */
export interface TemplateRef {
  templateId: string;
  bizId: string;
  source: "project" | "common";
}

/** An execution scheme as get_template_schemes answers it, in the domain's shape. */
export type Scheme = TemplateScheme & { name: string };

/** A template as the deployment itself describes it: the ground truth of every prediction. */
export interface GroundTemplate {
  ref: TemplateRef;
  /** What get_template_info answered under `data`. */
  info: Json;
  /** The tree tasks are built from: the answered tree, its variables without the added `schema`, a canvas drawn. */
  tree: PipelineTree;
  schemes: Scheme[];
  /** The internal project id of the business (task_url carries it). */
  projectId?: number;
  /** The template's current version (get_template_info's `version`). */
  version?: string;
  /**
   * The templates its subprocess nodes name, read the same way, by `<kind>:<pk>` (at every level);
   * a problem for one that could not be read.
   */
  children: Map<string, GroundTemplate | { problem: string }>;
  exchanges: Exchange[];
}

/** The most subprocess templates one ground template reads (nested ones included). */
const MAX_CHILDREN = 50;

const PROJECT_SOURCES = new Set(["project", "business"]);

/** The kind of template a `template_source` names, as bk-sops reads it. */
export const sourceKind = (source: string | undefined): "project" | "common" =>
  source === undefined || PROJECT_SOURCES.has(source) ? "project" : "common";

/** Why a read did not answer a bk-sops success (one line). */
export function readProblem(exchange: Exchange): string {
  if (!exchange.response) return `no answer: ${exchange.error}`;
  const json = exchange.response.json as Json | undefined;
  if (!isPlainObject(json))
    return `HTTP ${exchange.response.status}, not JSON: ${brief(exchange.response.text, 120)}`;
  return `${brief(json.message, 200)} (code ${brief(json.code)})`;
}

/**
 * Reads a template from the deployment (get_template_info, and get_template_schemes for a project
 * template), once per run. Resolves to the ground truth, or to the reason it could not be read.
 */
export function groundTemplate(
  ctx: RunContext,
  ref: TemplateRef,
): Promise<GroundTemplate | { problem: string }> {
  return once(ctx, `ground:${ref.source}:${ref.templateId}:${ref.bizId}`, async () => {
    const query: Record<string, string> = ref.source === "common" ? { template_source: "common" } : {};
    const info = await readOperation(
      ctx,
      "get_template_info",
      [
        ["template_id", ref.templateId],
        ["bk_biz_id", ref.bizId],
      ],
      query,
    );
    const data = successData(info);
    if (!isPlainObject(data) || !isPlainObject(data.pipeline_tree)) {
      return { problem: `get_template_info of template ${ref.templateId}: ${readProblem(info)}` };
    }
    const tree = templateTree(data.pipeline_tree);
    if ("problem" in tree) return { problem: `the tree get_template_info answered ${tree.problem}` };
    const exchanges = [info];
    let schemes: Scheme[] = [];
    if (ref.source === "project" && ctx.operations.has("get_template_schemes")) {
      const read = await readOperation(ctx, "get_template_schemes", [
        ["bk_biz_id", ref.bizId],
        ["template_id", ref.templateId],
      ]);
      exchanges.push(read);
      const list = successData(read);
      if (!Array.isArray(list))
        return { problem: `get_template_schemes of template ${ref.templateId}: ${readProblem(read)}` };
      schemes = list.filter(isPlainObject).map(schemeOf);
    }
    const projectId = typeof data.project_id === "number" ? data.project_id : undefined;
    const version = typeof data.version === "string" ? data.version : undefined;
    const children = await readChildren(ctx, tree.tree, ref);
    return { ref, info: data, tree: tree.tree, schemes, projectId, version, children, exchanges };
  });
}

/**
 * The templates the subprocess nodes of a tree name, and theirs in turn (bk-sops unfolds them into
 * the task): a project child is read in the run's business (the read API has no other way to it),
 * a common one as a common template.
 */
async function readChildren(
  ctx: RunContext,
  root: PipelineTree,
  ref: TemplateRef,
): Promise<GroundTemplate["children"]> {
  const children: GroundTemplate["children"] = new Map();
  const queue: Array<[PipelineTree, "project" | "common"]> = [[root, ref.source]];
  while (queue.length > 0 && children.size < MAX_CHILDREN) {
    const [tree, kind] = queue.shift() as [PipelineTree, "project" | "common"];
    for (const act of Object.values(tree.activities)) {
      if (act.type !== "SubProcess") continue;
      const childKind = act.template_source === "common" ? "common" : kind;
      const key = `${childKind}:${String(act.template_id)}`;
      if (children.has(key)) continue;
      const child = await groundTemplate(ctx, {
        templateId: String(act.template_id),
        bizId: ref.bizId,
        source: childKind,
      });
      children.set(key, child);
      if ("tree" in child) {
        queue.push([child.tree, childKind]);
        for (const [nested, value] of child.children) if (!children.has(nested)) children.set(nested, value);
      }
    }
  }
  return children;
}

/** The answered tree as a template tree: `schema` (added by the read API) removed, a canvas drawn. */
function templateTree(answered: Json): { tree: PipelineTree } | { problem: string } {
  const tree = withDrawing(cloneJson(answered)) as Json;
  for (const variable of Object.values(isPlainObject(tree.constants) ? tree.constants : {})) {
    if (isPlainObject(variable)) delete variable.schema;
  }
  try {
    validateTemplateTree(tree);
  } catch (error) {
    return { problem: `is not a valid template tree: ${(error as Error).message}` };
  }
  return { tree: tree as unknown as PipelineTree };
}

/** A scheme read from get_template_schemes: its unique id, name and node ids (`data` is JSON text). */
function schemeOf(item: Json): Scheme {
  let nodes: string[] = [];
  try {
    const parsed = JSON.parse(String(item.data));
    if (Array.isArray(parsed)) nodes = parsed.map(String);
  } catch {
    nodes = [];
  }
  // The read API does not show a scheme's pk: -1 never matches the pk of a request.
  return { id: -1, unique_id: String(item.id), name: String(item.name), data: nodes };
}
