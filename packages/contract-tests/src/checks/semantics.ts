import { CREATE_TASK } from "../http.js";
import { plan } from "./cases.js";
import type { CheckDef, Verdict } from "./check.js";
import { passed, skipped } from "./check.js";
import { brief } from "./diff.js";
import { isVerdict, outcomesOf, STATIC, templateOrSkip } from "./semantics-cases.js";
import { selectionChecks } from "./semantics-selection.js";
import { treeChecks } from "./semantics-tree.js";

const taskChecks: CheckDef[] = [
  {
    id: "semantics.create-succeeds",
    operationId: CREATE_TASK,
    title: "A create with the given template succeeds and answers task_id, task_url and pipeline_tree",
    verifies: "docs/bk-sops-behaviour.md §5.1 (success response); spec CreateTaskSuccess",
    group: "semantics",
    createsTasks: true,
    async run(ctx, recorder) {
      const template = await templateOrSkip(ctx);
      if (isVerdict(template)) return template;
      const [plain] = await outcomesOf(ctx, recorder, template, [plan(ctx, template).plain], true);
      const problem = plain?.created.problem;
      return problem ? { status: "failed", reason: `the create did not succeed: ${problem}` } : passed();
    },
  },
  {
    id: "semantics.task-url",
    operationId: CREATE_TASK,
    title: "task_url is taskflow/execute/<the business's project id>/?instance_id=<task_id>",
    verifies:
      "docs/bk-sops-behaviour.md §5.1 (task_url = APP_HOST + taskflow/execute/<project>/?instance_id=<task id>)",
    group: "semantics",
    createsTasks: true,
    async run(ctx, recorder): Promise<Verdict> {
      if (ctx.target.staticMock) return skipped(`${STATIC}its task_url is the published example's`);
      const template = await templateOrSkip(ctx);
      if (isVerdict(template)) return template;
      const [plain] = await outcomesOf(ctx, recorder, template, [plan(ctx, template).plain], false);
      if (!plain || plain.created.problem)
        return skipped("the plain create did not succeed (see semantics.create-succeeds)");
      const { task_id: taskId, task_url: url } = plain.created.data ?? {};
      const project = template.projectId ?? ctx.preflight.projectId;
      const pattern = new RegExp(
        `^https?://\\S+/taskflow/execute/${project ?? "\\d+"}/\\?instance_id=${String(taskId)}$`,
      );
      if (typeof url === "string" && pattern.test(url)) return passed();
      return {
        status: "failed",
        reason: `task_url ${brief(url)} does not match ${pattern.source}`,
        differences: [
          {
            kind: "values",
            path: "data.task_url",
            note: "not the task's url",
            expected: pattern.source,
            actual: url,
          },
        ],
      };
    },
  },
  {
    id: "semantics.task-ids-increase",
    operationId: CREATE_TASK,
    title: "Two creates give two distinct, increasing task ids",
    verifies:
      "spec CreateTaskData.task_id (ids strictly increase); docs/bk-sops-behaviour.md §5.4 (auto int id)",
    group: "semantics",
    createsTasks: true,
    async run(ctx, recorder): Promise<Verdict> {
      if (ctx.target.staticMock) return skipped(`${STATIC}every answer carries the example's task_id`);
      const template = await templateOrSkip(ctx);
      if (isVerdict(template)) return template;
      const planned = plan(ctx, template);
      const [first] = await outcomesOf(ctx, recorder, template, [planned.plain], false);
      const [second] = await outcomesOf(ctx, recorder, template, [planned.second], true);
      if (second?.created.problem)
        return { status: "failed", reason: `the second create did not succeed: ${second.created.problem}` };
      const [a, b] = [first?.created.data?.task_id, second?.created.data?.task_id];
      if (typeof a === "number" && typeof b === "number" && b > a) return passed();
      return {
        status: "failed",
        reason: `task ids ${brief(a)} then ${brief(b)}: expected two integers, the second larger`,
        differences: [
          {
            kind: "values",
            path: "data.task_id",
            note: "not increasing",
            expected: `> ${brief(a)}`,
            actual: b,
          },
        ],
      };
    },
  },
];

/** Semantics beyond any schema: every create predicted from the template the deployment describes. */
export function semanticChecks(): CheckDef[] {
  return [...taskChecks, ...selectionChecks(), ...treeChecks()];
}
