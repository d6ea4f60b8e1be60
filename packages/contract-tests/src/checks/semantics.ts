import { CREATE_TASK } from "../http.js";
import type { CheckDef, Verdict } from "./check.js";
import { passed, skipped } from "./check.js";
import { type Created, discovery, learned, secondCreate } from "./create.js";
import { brief } from "./diff.js";
import { constantChecks } from "./semantics-constants.js";
import { nodeChecks } from "./semantics-nodes.js";
import { allIds, graphProblems, idFormatProblems, nodesOf } from "./tree.js";

const STATIC = "static mock: Prism answers a documented example and creates no task, so ";

const failed = (reason: string, problems: string[] = []): Verdict => ({
  status: "failed",
  reason,
  differences: problems.map((note) => ({ path: "data.pipeline_tree", note })),
});

const isVerdict = (value: Created | Verdict): value is Verdict => "status" in value;

const taskChecks: CheckDef[] = [
  {
    id: "semantics.create-succeeds",
    operationId: CREATE_TASK,
    title: "A create with the given template succeeds and answers task_id, task_url and pipeline_tree",
    verifies: "docs/bk-sops-behaviour.md §5.1 (success response); spec CreateTaskSuccess",
    group: "semantics",
    createsTasks: true,
    async run(ctx, recorder) {
      const first = await discovery(ctx);
      recorder.attach(first.exchange);
      return first.problem
        ? { status: "failed", reason: `the create did not succeed: ${first.problem}` }
        : passed();
    },
  },
  {
    id: "semantics.task-url",
    operationId: CREATE_TASK,
    title: "task_url carries instance_id=<task_id>",
    verifies:
      "docs/bk-sops-behaviour.md §5.1 (task_url = APP_HOST + taskflow/execute/<project>/?instance_id=<task id>)",
    group: "semantics",
    createsTasks: true,
    async run(ctx, recorder) {
      if (ctx.target.staticMock) return skipped(`${STATIC}its task_url is the published example's`);
      const first = await learned(ctx, recorder);
      if (isVerdict(first)) return first;
      const { task_id: taskId, task_url: url } = first.data ?? {};
      const pattern = new RegExp(`^https?://\\S+/taskflow/execute/\\d+/\\?instance_id=${String(taskId)}$`);
      if (typeof url === "string" && pattern.test(url)) return passed();
      return {
        status: "failed",
        reason: `task_url ${brief(url)} does not match ${pattern.source}`,
        differences: [
          {
            path: "data.task_url",
            note: "instance_id is not the task id",
            expected: pattern.source,
            actual: url,
          },
        ],
      };
    },
  },
  {
    id: "semantics.graph",
    operationId: CREATE_TASK,
    title:
      "The answered pipeline_tree is a well-formed graph (flows, incoming/outgoing, reachability, line/location)",
    verifies: "docs/bk-sops-behaviour.md §5.2 (validated web tree), §8.1 (rewiring keeps the graph whole)",
    group: "semantics",
    createsTasks: true,
    async run(ctx, recorder) {
      const first = await learned(ctx, recorder);
      if (isVerdict(first)) return first;
      const problems = graphProblems(first.tree ?? {});
      return problems.length === 0
        ? passed()
        : failed(`the tree is not a well-formed graph: ${problems[0]}`, problems);
    },
  },
  {
    id: "semantics.fresh-ids",
    operationId: CREATE_TASK,
    title: "Generated ids are fresh, unique and in bk-sops' format (n/l + 31 hex)",
    verifies: "docs/bk-sops-behaviour.md §5.2 (all ids regenerated, uuid-based), §12.1",
    group: "semantics",
    createsTasks: true,
    async run(ctx, recorder) {
      if (ctx.target.staticMock) return skipped(`${STATIC}its ids are the example's`);
      const first = await learned(ctx, recorder);
      if (isVerdict(first)) return first;
      const second = await secondCreate(ctx);
      recorder.attach(second.exchange);
      if (second.problem)
        return { status: "failed", reason: `the second create did not succeed: ${second.problem}` };
      const tree = first.tree ?? {};
      const problems = idFormatProblems(tree);
      const ids = allIds(tree);
      const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
      if (duplicates.length > 0)
        problems.push(`ids used twice in one tree: ${[...new Set(duplicates)].join(", ")}`);
      for (const [id, node] of nodesOf(tree)) {
        if (node.template_node_id === id)
          problems.push(`activity ${id} kept its template id (ids must be regenerated)`);
      }
      const again = new Set(allIds(second.tree ?? {}));
      const reused = ids.filter((id) => again.has(id));
      if (reused.length > 0)
        problems.push(
          `the second task reuses ${reused.length} id(s) of the first: ${reused.slice(0, 5).join(", ")}`,
        );
      return problems.length === 0 ? passed() : failed(`ids are not fresh: ${problems[0]}`, problems);
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
    async run(ctx, recorder) {
      if (ctx.target.staticMock) return skipped(`${STATIC}every answer carries the example's task_id`);
      const first = await learned(ctx, recorder);
      if (isVerdict(first)) return first;
      const second = await secondCreate(ctx);
      recorder.attach(second.exchange);
      if (second.problem)
        return { status: "failed", reason: `the second create did not succeed: ${second.problem}` };
      const [a, b] = [first.data?.task_id, second.data?.task_id];
      if (typeof a === "number" && typeof b === "number" && b > a) return passed();
      return {
        status: "failed",
        reason: `task ids ${brief(a)} then ${brief(b)}: expected two integers, the second larger`,
        differences: [{ path: "data.task_id", note: "not increasing", expected: `> ${brief(a)}`, actual: b }],
      };
    },
  },
];

/** Semantics beyond any schema, learned from a first create with the given template. */
export function semanticChecks(): CheckDef[] {
  return [...taskChecks, ...constantChecks(STATIC), ...nodeChecks(STATIC)];
}
