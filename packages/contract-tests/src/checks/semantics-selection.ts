import { CREATE_TASK } from "../http.js";
import { compareAnswer, statusDifference } from "./answer.js";
import type { CaseOutcome } from "./cases.js";
import { plan, runCase } from "./cases.js";
import { type CheckDef, type Recorder, type RunContext, skipped, type Verdict, verdictOf } from "./check.js";
import { documentedAnswer } from "./documented.js";
import { isVerdict, judge, outcomesOf, STATIC, templateOrSkip } from "./semantics-cases.js";

type Planned = ReturnType<typeof plan>;

/** A check of which activities some creates keep: the kind of wrong answer is "dropped or kept nodes". */
function selectionCheck(
  id: string,
  title: string,
  verifies: string,
  pick: (planned: Planned) => Planned["exclusions"],
  none: string,
): CheckDef {
  return {
    id,
    operationId: CREATE_TASK,
    title,
    verifies,
    group: "semantics",
    createsTasks: true,
    async run(ctx: RunContext, recorder: Recorder): Promise<Verdict> {
      if (ctx.target.staticMock) return skipped(`${STATIC}it keeps or drops no node`);
      const template = await templateOrSkip(ctx);
      if (isVerdict(template)) return template;
      const cases = pick(plan(ctx, template));
      if (cases.length === 0) return skipped(none);
      const outcomes: CaseOutcome[] = await outcomesOf(ctx, recorder, template, cases, true);
      return judge(outcomes, ["nodes"]);
    },
  };
}

/** Checks of §7–§8: which activities a task keeps, for every way of selecting them. */
export function selectionChecks(): CheckDef[] {
  return [
    selectionCheck(
      "semantics.keeps-every-node",
      "A create without exclusion keeps every activity of the template",
      "docs/bk-sops-behaviour.md §8 (nothing excluded); the template read with get_template_info",
      (p) => [p.plain],
      "",
    ),
    selectionCheck(
      "semantics.exclude-optional",
      "Excluding each optional node (a bounded sample) removes exactly that node, collapsing emptied parallel branches",
      "docs/bk-sops-behaviour.md §8.1 (exclusion, parallel collapse); spec CreateTaskParams.exclude_task_nodes_id",
      (p) => p.exclusions,
      "the template has no optional node (get_template_info shows none); give a --template-id that has one",
    ),
    selectionCheck(
      "semantics.scheme",
      "A create with an execution scheme runs the scheme's nodes and excludes the other optional ones",
      "docs/bk-sops-behaviour.md §7 step 4; spec CreateTaskParams.template_schemes_id; get_template_schemes",
      (p) => p.schemes,
      "the template has no execution scheme (get_template_schemes answers none); give a --template-id that has one",
    ),
    selectionCheck(
      "semantics.execute-list",
      "A create with execute_task_nodes_id excludes every activity it does not list",
      "docs/bk-sops-behaviour.md §7 step 5; spec CreateTaskParams.execute_task_nodes_id",
      (p) => [p.execute],
      "",
    ),
    {
      id: "semantics.exclude-required",
      operationId: CREATE_TASK,
      title: "Excluding a non-optional node fails with the documented message",
      verifies: "docs/bk-sops-behaviour.md §8.1 step 2, §4 step 9N; spec example exclude_not_optional",
      group: "semantics",
      createsTasks: true,
      async run(ctx, recorder) {
        if (ctx.target.staticMock) return skipped(`${STATIC}it rejects nothing`);
        const template = await templateOrSkip(ctx);
        if (isVerdict(template)) return template;
        const [node] = plan(ctx, template).required;
        if (!node)
          return skipped("every node of the template is optional (get_template_info shows no required node)");
        const expected = documentedAnswer(ctx, { gateway: "exclude_not_optional" }, (m) =>
          m.replace(/task node\[id=[^\]]*\]/, `task node[id=${node}]`),
        );
        const outcome = await runCase(ctx, template, {
          key: "exclude-required",
          title: "excluding a required node",
          params: { exclude_task_nodes_id: [node] },
        });
        recorder.attach(outcome.created.exchange, true);
        const answer = outcome.created.exchange.response;
        if (!answer) return { status: "failed", reason: `no answer: ${outcome.created.exchange.error}` };
        return verdictOf([
          ...statusDifference(expected.status, answer.status),
          ...compareAnswer(expected.value, answer.json ?? answer.text),
        ]);
      },
    },
  ];
}
