import { CREATE_TASK } from "../http.js";
import { compareAnswer } from "./answer.js";
import { type CheckDef, passed, type RunContext, skipped, verdictOf } from "./check.js";
import { activitiesByTemplateId, type Created, createTask, learned } from "./create.js";
import { isObject } from "./diff.js";
import { documentedAnswer } from "./documented.js";
import { flowsOf, graphProblems, idList, nodesOf } from "./tree.js";

type Json = Record<string, unknown>;

/** A node's role, stable across creates: `activity:<template id>`, `start`, `end`; gateways have none. */
function roleOf(tree: Json, id: string): string | undefined {
  if (isObject(tree.start_event) && tree.start_event.id === id) return "start";
  if (isObject(tree.end_event) && tree.end_event.id === id) return "end";
  const activity = isObject(tree.activities) ? tree.activities[id] : undefined;
  if (!isObject(activity)) return undefined;
  return `activity:${typeof activity.template_node_id === "string" ? activity.template_node_id : id}`;
}

/** Every flow of a tree as `sourceRole->targetRole` (gateway ends left out). */
function roleEdges(tree: Json): Set<string> {
  const edges = new Set<string>();
  for (const flow of flowsOf(tree).values()) {
    const [from, to] = [roleOf(tree, String(flow.source)), roleOf(tree, String(flow.target))];
    if (from && to) edges.add(`${from}->${to}`);
  }
  return edges;
}

/** The first activity whose `optional` is (or is not) true, by its template id. */
function pick(first: Created, optional: boolean): [string, Json] | undefined {
  return [...activitiesByTemplateId(first.tree ?? {})].find(
    ([, activity]) => (activity.optional === true) === optional,
  );
}

function excludeOptionalProblems(before: Json, after: Json, excluded: string): string[] {
  const problems = graphProblems(after);
  const remaining = activitiesByTemplateId(after);
  if (remaining.has(excluded)) problems.unshift(`the excluded node ${excluded} is still in the task`);
  for (const id of activitiesByTemplateId(before).keys()) {
    if (id !== excluded && !remaining.has(id))
      problems.push(`activity ${id} disappeared although it was not excluded`);
  }
  // Its neighbours must now be joined directly (docs/bk-sops-behaviour.md §8.1 steps 4–5).
  const nodes = nodesOf(before);
  const flows = flowsOf(before);
  const node = [...nodes.values()].find((n) => n.template_node_id === excluded);
  const next = node ? roleOf(before, String(flows.get(String(node.outgoing))?.target)) : undefined;
  const edges = roleEdges(after);
  for (const flowId of idList(node?.incoming)) {
    const prev = roleOf(before, String(flows.get(flowId)?.source));
    if (prev && next && !edges.has(`${prev}->${next}`))
      problems.push(`${prev} is not reconnected to ${next}`);
  }
  return problems;
}

async function excludeOptional(
  ctx: RunContext,
  first: Created,
): Promise<{ created?: Created; problems: string[]; skip?: string }> {
  const found = pick(first, true);
  if (!found)
    return {
      problems: [],
      skip: "the template has no optional node (discovery found none); give a --template-id that has one",
    };
  const created = await createTask(ctx, "exclude optional", { exclude_task_nodes_id: [found[0]] });
  if (created.problem)
    return { created, problems: [`excluding optional node ${found[0]} failed: ${created.problem}`] };
  return { created, problems: excludeOptionalProblems(first.tree ?? {}, created.tree ?? {}, found[0]) };
}

/** Checks of docs/bk-sops-behaviour.md §7–§8: excluding nodes by their template id. */
export function nodeChecks(staticReason: string): CheckDef[] {
  return [
    {
      id: "semantics.exclude-optional",
      operationId: CREATE_TASK,
      title: "Excluding an optional node removes it and reconnects its neighbours",
      verifies:
        "docs/bk-sops-behaviour.md §8.1 (exclusion algorithm); spec CreateTaskParams.exclude_task_nodes_id",
      group: "semantics",
      createsTasks: true,
      async run(ctx, recorder) {
        if (ctx.target.staticMock) return skipped(`${staticReason}it excludes nothing`);
        const first = await learned(ctx, recorder);
        if ("status" in first) return first;
        const { created, problems, skip } = await excludeOptional(ctx, first);
        if (skip) return skipped(skip);
        if (created) recorder.attach(created.exchange);
        if (problems.length === 0) return passed();
        return {
          status: "failed",
          reason: problems[0] ?? "",
          differences: problems.map((note) => ({ path: "data.pipeline_tree", note })),
        };
      },
    },
    {
      id: "semantics.exclude-required",
      operationId: CREATE_TASK,
      title: "Excluding a non-optional node fails with the documented message",
      verifies: "docs/bk-sops-behaviour.md §8.1 step 2, §4 step 9N; spec example exclude_not_optional",
      group: "semantics",
      createsTasks: true,
      async run(ctx, recorder) {
        if (ctx.target.staticMock) return skipped(`${staticReason}it rejects nothing`);
        const first = await learned(ctx, recorder);
        if ("status" in first) return first;
        const found = pick(first, false);
        if (!found)
          return skipped("every node of the template is optional (discovery found no required node)");
        const expected = documentedAnswer(ctx, { gateway: "exclude_not_optional" }, (m) =>
          m.replace(/task node\[id=[^\]]*\]/, `task node[id=${found[0]}]`),
        );
        const created = await createTask(ctx, "exclude required", { exclude_task_nodes_id: [found[0]] });
        recorder.attach(created.exchange);
        const answer = created.exchange.response;
        if (!answer) return { status: "failed", reason: `no answer: ${created.exchange.error}` };
        const differences = compareAnswer(expected.value, answer.json ?? answer.text);
        if (answer.status !== expected.status)
          differences.unshift({
            path: "(status)",
            note: "HTTP status differs",
            expected: expected.status,
            actual: answer.status,
          });
        return verdictOf(differences);
      },
    },
  ];
}
