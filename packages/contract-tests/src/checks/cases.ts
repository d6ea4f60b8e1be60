import { pyTruthy } from "@bksops/domain";
import { type GroundTemplate, groundTemplate, sourceKind } from "../ground/template.js";
import { compareTrees, type TreeComparison } from "../predict/compare.js";
import { type Prediction, predictTask } from "../predict/predict.js";
import { once, type RunContext } from "./check.js";
import { type Created, createTask } from "./create.js";
import { isObject } from "./diff.js";

type Json = Record<string, unknown>;

/** One create the semantics checks send, with a stable key (e.g. `exclude:<node id>`). */
export interface CreateCase {
  key: string;
  /** How reports name it, e.g. `excluding "backup config"`. */
  title: string;
  params: Json;
}

/** A case after its create: the answer, the prediction, and how they differ. */
export interface CaseOutcome {
  case: CreateCase;
  created: Created;
  prediction: Prediction;
  comparison?: TreeComparison;
}

/** A key no template has: its value must be ignored and it must not appear in the task. */
export const UNKNOWN_KEY = "${bk_sops_contract_unknown}";

/** The run's template as the deployment describes it (read once). */
export const runTemplate = (ctx: RunContext) =>
  groundTemplate(ctx, {
    templateId: ctx.identity.templateId,
    bizId: ctx.identity.bizId,
    source: sourceKind(ctx.identity.templateSource),
  });

const activityName = (template: GroundTemplate, id: string) =>
  `"${String(template.tree.activities[id]?.name ?? id)}"`;

/** Up to `limit` items, spread evenly over the list (every item when it is short enough). */
function sample<T>(items: T[], limit: number): T[] {
  if (items.length <= limit) return items;
  return Array.from({ length: limit }, (_, i) => items[Math.floor((i * items.length) / limit)] as T);
}

/** The optional activities of the template, in its order. */
export const optionalNodes = (template: GroundTemplate) =>
  Object.entries(template.tree.activities)
    .filter(([, act]) => pyTruthy(act.optional))
    .map(([id]) => id);

/** The creates of each kind the semantics checks need, planned from the template. */
export function plan(ctx: RunContext, template: GroundTemplate) {
  const optional = optionalNodes(template);
  const required = Object.keys(template.tree.activities).filter((id) => !optional.includes(id));
  const plain: CreateCase = { key: "plain", title: "no exclusion", params: {} };
  const second: CreateCase = { key: "second", title: "no exclusion (second task)", params: {} };
  const exclusions = sample(optional, ctx.maxExclusions).map(
    (id): CreateCase => ({
      key: `exclude:${id}`,
      title: `excluding ${activityName(template, id)}`,
      params: { exclude_task_nodes_id: [id] },
    }),
  );
  // Schemes that leave optional nodes out say more than those that run everything.
  const telling = [...template.schemes].sort(
    (a, b) =>
      optional.filter((id) => !b.data.includes(id)).length -
      optional.filter((id) => !a.data.includes(id)).length,
  );
  const schemes = telling.slice(0, 2).map(
    (scheme): CreateCase => ({
      key: `scheme:${scheme.unique_id}`,
      title: `scheme "${scheme.name}"`,
      params: { template_schemes_id: [scheme.unique_id] },
    }),
  );
  // Every required node, and every other optional one: the rest must be excluded.
  const executed = [...required, ...optional.filter((_, index) => index % 2 === 1)];
  const execute: CreateCase = {
    key: "execute",
    title: `execute list of ${executed.length} node(s)`,
    params: { execute_task_nodes_id: executed },
  };
  return { plain, second, exclusions, schemes, execute, constants: constantsCase(template, plain), required };
}

/** Sends a new value for every constant a plain task keeps, one for a pruned constant, and an unknown key. */
function constantsCase(template: GroundTemplate, plain: CreateCase): CreateCase & { sent: Json } {
  const kept = predictTask(template, plain.params);
  const keptKeys = "tree" in kept ? Object.keys(kept.tree.constants) : [];
  const sent: Json = {};
  for (const key of keptKeys) {
    const constant = template.tree.constants[key];
    if (!constant || constant.source_type === "component_outputs") continue;
    sent[key] = newValue(constant.value, key);
  }
  const pruned = Object.keys(template.tree.constants).find((key) => !keptKeys.includes(key));
  if (pruned) sent[pruned] = "bk-sops-contract: a pruned variable";
  sent[UNKNOWN_KEY] = "bk-sops-contract: an unknown variable";
  return { key: "constants", title: "constants sent", params: { constants: sent }, sent };
}

/** A value of the same JSON type as the template's, but different. */
function newValue(value: unknown, key: string): unknown {
  if (typeof value === "number") return value + 1;
  if (typeof value === "boolean") return !value;
  return `bk-sops-contract ${key}`;
}

/** Creates the case's task once per run, predicts it from the template and compares the two trees. */
export function runCase(ctx: RunContext, template: GroundTemplate, kase: CreateCase): Promise<CaseOutcome> {
  return once(ctx, `case:${kase.key}`, async () => {
    const created = await createTask(ctx, kase.title, kase.params);
    const prediction = predictTask(template, kase.params);
    const sent = isObject(kase.params.constants) ? kase.params.constants : {};
    const comparison =
      "tree" in prediction && created.tree
        ? compareTrees(prediction.tree as unknown as Json, created.tree, sent)
        : undefined;
    return { case: kase, created, prediction, comparison };
  });
}
