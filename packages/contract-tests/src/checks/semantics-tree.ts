import { CREATE_TASK } from "../http.js";
import type { Difference, DifferenceKind } from "../types.js";
import { type CaseOutcome, plan, UNKNOWN_KEY } from "./cases.js";
import { type CheckDef, type RunContext, skipped, type Verdict, verdictOf } from "./check.js";
import { allCases, isVerdict, judge, outcomesOf, STATIC, templateOrSkip } from "./semantics-cases.js";
import { allIds, graphProblems, idFormatProblems, nodesOf } from "./tree.js";

/** A check of one kind of difference over every create of the run. */
function treeCheck(
  id: string,
  title: string,
  verifies: string,
  kinds: DifferenceKind[],
  options: { constantsOnly?: boolean; onlyMatchingNodes?: boolean } = {},
): CheckDef {
  return {
    id,
    operationId: CREATE_TASK,
    title,
    verifies,
    group: "semantics",
    createsTasks: true,
    async run(ctx, recorder) {
      if (ctx.target.staticMock) return skipped(`${STATIC}there is no task to compare`);
      const template = await templateOrSkip(ctx);
      if (isVerdict(template)) return template;
      const planned = plan(ctx, template);
      if (
        options.constantsOnly &&
        Object.keys(planned.constants.sent).length <= 1 &&
        kinds.includes("constants-applied")
      )
        return skipped(
          "a plain task of this template keeps no global variable to overwrite; give a --template-id that has some",
        );
      const cases = options.constantsOnly ? [planned.constants] : allCases(ctx, template);
      const outcomes = await outcomesOf(
        ctx,
        recorder,
        template,
        cases,
        options.constantsOnly === true && kinds.includes("constants-applied"),
      );
      return judge(outcomes, kinds, { onlyMatchingNodes: options.onlyMatchingNodes });
    },
  };
}

/** Where the answered trees break bk-sops' id rules (format, uniqueness, freshness across tasks). */
function idProblems(outcomes: CaseOutcome[]): Difference[] {
  const differences: Difference[] = [];
  const seen = new Map<string, string>();
  for (const outcome of outcomes) {
    const tree = outcome.created.tree;
    if (!tree) continue;
    const where = `[${outcome.case.title}]`;
    for (const problem of idFormatProblems(tree))
      differences.push({ kind: "ids", path: where, note: problem });
    const ids = allIds(tree);
    const twice = [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
    if (twice.length > 0)
      differences.push({ kind: "ids", path: where, note: `ids used twice in one tree: ${twice.join(", ")}` });
    for (const [id, node] of nodesOf(tree))
      if (node.template_node_id === id)
        differences.push({
          kind: "ids",
          path: `${where} activities["${id}"]`,
          note: "kept its template id (ids must be regenerated)",
        });
    const reused = [...new Set(ids)].filter((id) => seen.has(id));
    if (reused.length > 0)
      differences.push({
        kind: "ids",
        path: where,
        note: `reuses ${reused.length} id(s) of an earlier task [${seen.get(reused[0] as string)}]: ${reused.slice(0, 5).join(", ")}`,
      });
    for (const id of ids) if (!seen.has(id)) seen.set(id, outcome.case.title);
  }
  return differences;
}

/** Checks over every create of the run, each for one kind of wrong answer. */
export function treeChecks(): CheckDef[] {
  return [
    treeCheck(
      "semantics.wiring",
      "Flows, gateways and converge_gateway_id are as predicted from the template (the answer rewired as bk-sops rewires)",
      "docs/bk-sops-behaviour.md §8.1 steps 4–5 (reconnect), §8.2 (parallel collapse), §5.2 (converge_gateway_id)",
      ["wiring"],
      { onlyMatchingNodes: true },
    ),
    treeCheck(
      "semantics.constants-applied",
      "A value sent in `constants` replaces the template's value of that variable",
      "docs/bk-sops-behaviour.md §6.1 (merge by exact key, values not type-checked)",
      ["constants-applied"],
      { constantsOnly: true },
    ),
    treeCheck(
      "semantics.unknown-constants-ignored",
      "A key in `constants` the template does not have (or that no remaining node uses) is ignored and not added",
      "docs/bk-sops-behaviour.md §6.1 step 4, §12.3 (unknown constant keys are silently ignored)",
      ["constants-ignored"],
      { constantsOnly: true },
    ),
    treeCheck(
      "semantics.constants-pruned",
      "The task keeps exactly the variables its remaining nodes use (and node outputs), renumbered, source_info cleaned",
      "docs/bk-sops-behaviour.md §6.2 (_remove_useless_constants), §12.2",
      ["constants-pruned"],
      { onlyMatchingNodes: true },
    ),
    treeCheck(
      "semantics.tree-values",
      "Every other value of the task's nodes and variables is the template's, as predicted",
      "docs/bk-sops-behaviour.md §5.2 (the task's tree is the template's, edited only as create_task edits it)",
      ["values"],
      { onlyMatchingNodes: true },
    ),
    {
      id: "semantics.graph",
      operationId: CREATE_TASK,
      title:
        "Every answered pipeline_tree is a well-formed graph (flows, incoming/outgoing, reachability, line/location)",
      verifies: "docs/bk-sops-behaviour.md §5.2 (validated web tree), §8.1 (rewiring keeps the graph whole)",
      group: "semantics",
      createsTasks: true,
      async run(ctx, recorder) {
        const template = await templateOrSkip(ctx);
        if (isVerdict(template)) return template;
        const cases = ctx.target.staticMock ? [plan(ctx, template).plain] : allCases(ctx, template);
        const outcomes = await outcomesOf(ctx, recorder, template, cases, false);
        const differences = outcomes.flatMap((outcome) =>
          graphProblems(outcome.created.tree ?? {}).map(
            (note): Difference => ({ kind: "wiring", path: `[${outcome.case.title}]`, note }),
          ),
        );
        return verdictOf(differences);
      },
    },
    {
      id: "semantics.fresh-ids",
      operationId: CREATE_TASK,
      title:
        "Generated ids are fresh: n/l + 31 hex, unique in a tree, never a template id, never reused by another task",
      verifies: "docs/bk-sops-behaviour.md §5.2 (all ids regenerated, uuid-based), §12.1",
      group: "semantics",
      createsTasks: true,
      async run(ctx: RunContext, recorder): Promise<Verdict> {
        if (ctx.target.staticMock) return skipped(`${STATIC}its ids are the example's`);
        const template = await templateOrSkip(ctx);
        if (isVerdict(template)) return template;
        const outcomes = await outcomesOf(ctx, recorder, template, allCases(ctx, template), false);
        return verdictOf(idProblems(outcomes));
      },
    },
  ];
}

export { UNKNOWN_KEY };
