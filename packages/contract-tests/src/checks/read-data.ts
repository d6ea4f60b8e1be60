import { type PipelineTree, previewTaskTree } from "@bksops/domain";
import type { Difference } from "../types.js";
import { brief, diffValues, isObject } from "./diff.js";
import type { Scene } from "./example-scene.js";

type Json = Record<string, unknown>;

const kindOfValue = (value: unknown) =>
  value === null ? "null" : Array.isArray(value) ? "array" : typeof value;

// Objects keyed by ids or variable keys (activities, constants, …): their keys are the template's.
const ID_KEY = /^(\$\{.*\}|[a-z]{1,4}[0-9a-f]{20,})$/;
const isMap = (value: Json) =>
  Object.keys(value).length > 0 && Object.keys(value).every((key) => ID_KEY.test(key));

// Fields whose value is the template's own and of any JSON type (a variable's value, its form).
const FREE = new Set(["value", "form_schema", "meta", "schema"]);

/**
 * Compares the shape of a read answered for another template than the documented one: the same
 * keys (objects keyed by ids compared item by item with the documented first item; an empty
 * documented object stands for any object), the same JSON types (`null` fits any documented
 * type: the documented template's value may be set where the deployment's is not).
 */
export function shapeDiff(want: unknown, got: unknown, path: string, out: Difference[]): void {
  if (want === null || got === null || FREE.has(path.split(".").pop() ?? "")) return;
  if (isObject(want) && Object.keys(want).length === 0 && isObject(got)) return;
  if (kindOfValue(want) !== kindOfValue(got)) {
    out.push({
      kind: "values",
      path,
      note: `expected ${kindOfValue(want)}, got ${kindOfValue(got)}`,
      expected: want,
      actual: got,
    });
    return;
  }
  if (Array.isArray(want) && Array.isArray(got)) {
    if (want.length > 0)
      for (const [index, item] of got.entries()) shapeDiff(want[0], item, `${path}[${index}]`, out);
    return;
  }
  if (!isObject(want) || !isObject(got)) return;
  if (isMap(want)) {
    // Each item against the documented item of the most keys in common (variables of another
    // kind carry other fields: a select's `meta`).
    const samples = Object.values(want);
    const common = (a: unknown, b: unknown) =>
      isObject(a) && isObject(b) ? Object.keys(a).filter((key) => key in b).length : 0;
    for (const [key, item] of Object.entries(got)) {
      const sample = samples.reduce((best, next) => (common(next, item) > common(best, item) ? next : best));
      shapeDiff(sample, item, `${path}["${key}"]`, out);
    }
    return;
  }
  for (const key of Object.keys(want)) {
    if (!(key in got))
      out.push({ kind: "values", path: `${path}.${key}`, note: "missing", expected: want[key] });
    else shapeDiff(want[key], got[key], `${path}.${key}`, out);
  }
  for (const key of Object.keys(got))
    if (!(key in want))
      out.push({ kind: "values", path: `${path}.${key}`, note: "not documented", actual: got[key] });
}

/** Checks one value the scene determines (an id the request named), appending a difference when it differs. */
function expectValue(out: Difference[], path: string, expected: unknown, actual: unknown): void {
  if (expected !== undefined && actual !== expected)
    out.push({
      kind: "values",
      path,
      note: `must be ${brief(expected)} (what the request named)`,
      expected,
      actual,
    });
}

/**
 * The `data` of a read answered for the deployment's own template: the documented shape, the ids
 * the request named, and the template as the preflight read it (the same answer, read twice).
 */
export function compareReadData(
  operation: string,
  scene: Scene,
  want: unknown,
  got: unknown,
  out: Difference[],
  task: { tree?: unknown; templateNode?: string } = {},
): void {
  const taskTree = task.tree;
  if (operation === "get_template_info" || operation === "get_common_template_info") {
    const [w, g] = [isObject(want) ? { ...want } : want, isObject(got) ? { ...got } : got];
    if (isObject(w) && isObject(g)) {
      expectValue(out, "data.id", Number(scene.templateId), g.id);
      if ("bk_biz_id" in w) expectValue(out, "data.bk_biz_id", Number(scene.bizId), g.bk_biz_id);
      if ("project_id" in w) expectValue(out, "data.project_id", scene.projectId, g.project_id);
      const tree = scene.template?.info.pipeline_tree;
      if (tree !== undefined) diffValues(tree, g.pipeline_tree, "data.pipeline_tree", out);
      delete w.pipeline_tree;
      delete g.pipeline_tree;
    }
    shapeDiff(w, g, "data", out);
    return;
  }
  if (operation === "get_template_schemes" && Array.isArray(got) && scene.template) {
    const ids = got.map((item) => (isObject(item) ? item.id : undefined));
    diffValues(
      scene.template.schemes.map((scheme) => scheme.unique_id),
      ids,
      "data[*].id",
      out,
    );
  }
  if (taskTree !== undefined && isObject(want) && isObject(got) && "pipeline_tree" in want) {
    // A task's own tree: the one create_task answered for that task, id for id.
    diffValues(taskTree, got.pipeline_tree, "data.pipeline_tree(the task as created)", out);
    const { pipeline_tree: _want, ...restWant } = want;
    const { pipeline_tree: _got, ...restGot } = got;
    shapeDiff(restWant, restGot, "data", out);
    return;
  }
  const node = task.templateNode ? scene.template?.tree.activities[task.templateNode] : undefined;
  if (operation === "get_task_node_detail" && node && isObject(want) && isObject(got)) {
    // The node made from the template node the request named: its name, its component's inputs.
    if ("name" in want) expectValue(out, "data.name", node.name, got.name);
    const data = node.type === "ServiceActivity" && isObject(node.component?.data) ? node.component.data : {};
    // Its component's inputs (a run adds `_loop`, `_inner_loop`: what the documented one has).
    const extra = isObject(want.inputs) ? Object.keys(want.inputs).filter((key) => key.startsWith("_")) : [];
    if (isObject(got.inputs) && Object.keys(got.inputs).length > 0)
      diffValues(
        [...Object.keys(data), ...extra].sort(),
        Object.keys(got.inputs).sort(),
        "data.inputs(keys: the node's component's)",
        out,
      );
    const { inputs: _wantInputs, name: _wantName, ...restWant } = want;
    const { inputs: _gotInputs, name: _gotName, ...restGot } = got;
    shapeDiff(restWant, restGot, "data", out);
    return;
  }
  if (operation === "get_user_project_list" && Array.isArray(got)) {
    const mine = got.find((item) => isObject(item) && String(item.bk_biz_id) === scene.bizId);
    if (!mine)
      out.push({
        kind: "values",
        path: "data",
        note: `lists no project of business ${scene.bizId}, the run's`,
      });
  }
  shapeDiff(want, got, "data", out);
}

/**
 * A preview (`preview_task_tree`) answered for the deployment's template: the tree the domain
 * previews from the template read with get_template_info (the template's ids kept, the canvas
 * left aside: the read API does not show it), and the constants it does not keep.
 */
export function comparePreviewData(scene: Scene, body: Json, got: unknown, out: Difference[]): void {
  const template = scene.template;
  if (!template || !isObject(got)) return;
  const exclude = Array.isArray(body.exclude_task_nodes_id) ? body.exclude_task_nodes_id : [];
  let predicted: { pipeline_tree: PipelineTree; constants_not_referred: unknown };
  try {
    predicted = previewTaskTree(template.tree, exclude);
  } catch (error) {
    out.push({
      kind: "other",
      path: "data",
      note: `the suite could not predict this preview: ${(error as Error).message}`,
    });
    return;
  }
  const withoutCanvas = (tree: unknown) => {
    if (!isObject(tree)) return tree;
    const { line: _line, location: _location, ...rest } = tree;
    return rest;
  };
  diffValues(
    withoutCanvas(predicted.pipeline_tree),
    withoutCanvas(got.pipeline_tree),
    "data.pipeline_tree(predicted)",
    out,
  );
  diffValues(
    predicted.constants_not_referred,
    got.constants_not_referred,
    "data.constants_not_referred(predicted)",
    out,
  );
}
