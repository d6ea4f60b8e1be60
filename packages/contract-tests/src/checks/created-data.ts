import { canonicalTree } from "@bksops/api-types";
import { compareTrees } from "../predict/compare.js";
import type { Prediction } from "../predict/predict.js";
import type { Difference } from "../types.js";
import { diffValues, isObject } from "./diff.js";
import { graphProblems, idFormatProblems } from "./tree.js";

type Json = Record<string, unknown>;

const URL_FIELDS = ["task_url", "function_task_claim_url"] as const;

/**
 * A URL like the documented one: the host free, the project the scene's, `instance_id` the task id
 * (any number when the answer names no task id, e.g. a task's detail).
 */
function urlPattern(documented: string, taskId: unknown, projectId: number | undefined): RegExp {
  const tail = documented
    .replace(/^https?:\/\/[^/]+\//, "")
    .replace(/instance_id=\d+/, "instance_id=INSTANCE")
    .replace(/execute\/\d+\//, projectId === undefined ? "execute/PROJECT/" : `execute/${projectId}/`);
  const escaped = tail
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replace("PROJECT", "\\d+")
    .replace("INSTANCE", taskId === undefined ? "\\d+" : String(taskId));
  return new RegExp(`^https?://\\S+/${escaped}$`);
}

export interface CreatedDataOptions {
  /** The project of the business the task belongs to (its task_url carries it). */
  projectId?: number;
  /** The task predicted from the deployment's template; the answered tree is compared with it. */
  prediction?: Prediction;
  /** Also compare the tree with the documented one (the target holds the documented templates as written). */
  documentedTree?: boolean;
  /** The constants the request sent (to tell an ignored value from a stale one). */
  sent?: Json;
}

/**
 * The `data` of a created task: `task_id` a positive integer, the urls by pattern, the tree as
 * predicted from the deployment's template (and, on the documented templates, as documented).
 */
export function compareCreatedData(
  want: unknown,
  got: unknown,
  out: Difference[],
  options: CreatedDataOptions,
): void {
  if (!isObject(want) || !isObject(got)) {
    diffValues(want, got, "data", out);
    return;
  }
  const rest = { want: { ...want }, got: { ...got } };
  if ("task_id" in want && (!Number.isInteger(got.task_id) || (got.task_id as number) < 1))
    out.push({
      kind: "values",
      path: "data.task_id",
      note: "expected a positive integer",
      expected: want.task_id,
      actual: got.task_id,
    });
  delete rest.want.task_id;
  delete rest.got.task_id;
  for (const field of URL_FIELDS) {
    if (typeof want[field] !== "string") continue;
    const pattern = urlPattern(want[field] as string, got.task_id, options.projectId);
    if (typeof got[field] !== "string" || !pattern.test(got[field] as string))
      out.push({
        kind: "values",
        path: `data.${field}`,
        note: `expected a URL matching ${pattern.source}`,
        expected: want[field],
        actual: got[field],
      });
    delete rest.want[field];
    delete rest.got[field];
  }
  // A task's detail names itself by `id`, a created task by `task_id`: both are generated.
  if ("id" in want && Number.isInteger(got.id)) {
    delete rest.want.id;
    delete rest.got.id;
  }
  if (isObject(want.pipeline_tree) && isObject(got.pipeline_tree)) {
    const tree = got.pipeline_tree;
    for (const problem of idFormatProblems(tree))
      out.push({ kind: "ids", path: "data.pipeline_tree", note: problem });
    for (const problem of graphProblems(tree))
      out.push({ kind: "wiring", path: "data.pipeline_tree", note: problem });
    if (options.prediction && "tree" in options.prediction) {
      const comparison = compareTrees(options.prediction.tree as unknown as Json, tree, options.sent ?? {});
      comparison.differences.forEach((d, index) => {
        out.push({
          ...d,
          path: `data.pipeline_tree(predicted) ${d.path}`,
          detail: index === 0 ? comparison.picture : undefined,
        });
      });
    } else if (options.prediction && "failure" in options.prediction) {
      out.push({
        kind: "other",
        path: "data.pipeline_tree",
        note: `the suite could not predict this task (a gap in its model): ${options.prediction.failure}`,
      });
    }
    if (options.documentedTree)
      diffValues(
        canonicalTree(want.pipeline_tree),
        canonicalTree(tree),
        "data.pipeline_tree(documented)",
        out,
      );
    delete rest.want.pipeline_tree;
    delete rest.got.pipeline_tree;
  }
  diffValues(rest.want, rest.got, "data", out);
}
