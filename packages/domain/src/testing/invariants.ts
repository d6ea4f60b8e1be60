// What must hold of any task bk-sops creates from a template, checked without the algorithms that
// built it (references are found by a plain scan, not by the Mako lexer), so a corpus of generated
// templates can test the whole pipeline: loading, exclusion, pruning, unfolding, ids and labels.
import { isPlainObject, pyTruthy } from "../python-values.js";
import type { Activity, PipelineTree, SubProcess } from "../types.js";
import { flowList } from "../types.js";
import { validateTemplateTree } from "../validate-tree.js";

/** What the checks need besides the two trees. */
export interface TaskCheck {
  /** The template's tree (as stored or as its file has it). */
  template: PipelineTree;
  /** The task's tree (the answer's `pipeline_tree`). */
  task: PipelineTree;
  /** The template activity ids the request left out, when the caller knows them. */
  excluded?: ReadonlySet<string>;
  /** The constant values the request sent. */
  values?: Record<string, unknown>;
  /** The tree a subprocess node of a template unfolds (its child, at the version it runs). */
  childOf: (act: SubProcess) => PipelineTree;
  /** Every node and flow id of every template: none may come back in a task. */
  templateIds: ReadonlySet<string>;
}

const NODE_ID = /^n[0-9a-f]{31}$/;
const FLOW_ID = /^l[0-9a-f]{31}$/;

/** `${…}` segments of a value, and the plain names in them (string literals and attributes aside). */
function namesIn(value: unknown, into: Set<string>): void {
  if (typeof value === "string") {
    for (const match of value.matchAll(/\$\{([^$#]+?)\}/g)) {
      const code = (match[1] as string).replace(/"[^"]*"|'[^']*'/g, " ");
      for (const name of code.matchAll(/(?<![.\w])[A-Za-z_]\w*/g)) into.add(name[0]);
    }
  } else if (Array.isArray(value)) for (const item of value) namesIn(item, into);
  else if (isPlainObject(value)) for (const item of Object.values(value)) namesIn(item, into);
}

/**
 * The constant keys the nodes of a task's tree level use, directly or through other constants. A
 * task's subprocess node has passed its inputs down, so they are read from its template node.
 */
function referenced(task: PipelineTree, template: PipelineTree): Set<string> {
  const names = new Set<string>();
  for (const act of Object.values(task.activities)) {
    if (act.type === "ServiceActivity")
      for (const input of Object.values(act.component.data)) namesIn(input.value, names);
    else {
      const source = template.activities[act.template_node_id ?? ""] as SubProcess | undefined;
      for (const input of Object.values(source?.constants ?? {}))
        if (input.show_type === "show") namesIn(input.value, names);
    }
  }
  const tree = task;
  for (const gateway of Object.values(tree.gateways)) {
    if (gateway.type === "ExclusiveGateway" || gateway.type === "ConditionalParallelGateway") {
      for (const condition of Object.values(gateway.conditions)) namesIn(condition.evaluate, names);
    }
  }
  const keys = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const name of names) {
      const key = `\${${name}}`;
      if (keys.has(key) || !Object.hasOwn(tree.constants, key)) continue;
      keys.add(key);
      // References between constants are followed in the values pruning saw: the template's, not
      // the values the request put in afterwards.
      namesIn((template.constants[key] ?? tree.constants[key])?.value, names);
      grew = true;
    }
  }
  return keys;
}

const nodesOf = (tree: PipelineTree) =>
  [
    tree.start_event,
    tree.end_event,
    ...Object.values(tree.activities),
    ...Object.values(tree.gateways),
  ] as Array<Record<string, unknown> & { id: string }>;

/**
 * A well-formed graph: valid as bk-sops validates trees, every node on a path start → end, canvas in
 * step. A child's constants are left out of the validation: the values its parent passes down name
 * the parent's constants, which may share keys with the child's own (bk-sops never validates them).
 */
function graphProblems(tree: PipelineTree, where: string, child: boolean, problems: string[]): void {
  // Every node of the level excluded: bk-sops joins the start event to the end event, which its own
  // validation would refuse in a template, and creates the task all the same.
  const emptied = Object.keys(tree.activities).length === 0 && Object.keys(tree.gateways).length === 0;
  try {
    if (!emptied) validateTemplateTree(child ? { ...tree, constants: {}, outputs: [] } : tree);
  } catch (error) {
    problems.push(`${where}: not a valid tree: ${(error as Error).message}`);
    return;
  }
  const next = new Map<string, string[]>();
  const back = new Map<string, string[]>();
  for (const flow of Object.values(tree.flows)) {
    next.set(flow.source, [...(next.get(flow.source) ?? []), flow.target]);
    back.set(flow.target, [...(back.get(flow.target) ?? []), flow.source]);
  }
  const reach = (from: string, edges: Map<string, string[]>) => {
    const seen = new Set([from]);
    const stack = [from];
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      for (const n of edges.get(id) ?? []) {
        if (seen.has(n)) continue;
        seen.add(n);
        stack.push(n);
      }
    }
    return seen;
  };
  const fromStart = reach(tree.start_event.id, next);
  const toEnd = reach(tree.end_event.id, back);
  for (const node of nodesOf(tree)) {
    if (!fromStart.has(node.id) || !toEnd.has(node.id))
      problems.push(`${where}: node ${node.id} is off the start → end paths`);
  }
  const lines = new Map(tree.line.map((line) => [line.id, line]));
  for (const flow of Object.values(tree.flows)) {
    const line = lines.get(flow.id);
    if (!line || line.source.id !== flow.source || line.target.id !== flow.target) {
      problems.push(`${where}: flow ${flow.id} is not drawn by a line with its ends`);
    }
  }
  if (lines.size !== Object.keys(tree.flows).length)
    problems.push(`${where}: lines and flows differ in number`);
  const located = new Set(tree.location.map((location) => location.id));
  for (const node of nodesOf(tree))
    if (!located.has(node.id)) problems.push(`${where}: node ${node.id} has no location`);
}

function levelProblems(
  check: TaskCheck,
  template: PipelineTree,
  task: PipelineTree,
  where: string,
  child: boolean,
  seen: Set<string>,
  problems: string[],
): void {
  graphProblems(task, where, child, problems);
  // Fresh ids, once each across every level.
  for (const node of nodesOf(task)) {
    if (!NODE_ID.test(node.id) || check.templateIds.has(node.id))
      problems.push(`${where}: node id ${node.id} is not fresh`);
    if (seen.has(node.id)) problems.push(`${where}: node id ${node.id} appears twice`);
    seen.add(node.id);
  }
  for (const id of Object.keys(task.flows)) {
    if (!FLOW_ID.test(id) || check.templateIds.has(id)) problems.push(`${where}: flow id ${id} is not fresh`);
    if (seen.has(id)) problems.push(`${where}: flow id ${id} appears twice`);
    seen.add(id);
  }
  // Labels on every node, last, as the template has them.
  const templateLabels = new Map(nodesOf(template).map((node) => [node.id, node.labels]));
  for (const node of nodesOf(task)) {
    if (Object.keys(node).at(-1) !== "labels" || !Array.isArray(node.labels)) {
      problems.push(`${where}: node ${node.id} has no labels as its last key`);
    }
  }
  // Only optional nodes are left out; each remaining node maps back to its template node.
  const kept = new Set<string>();
  for (const act of Object.values(task.activities) as Activity[]) {
    const origin = act.template_node_id ?? "";
    const source = template.activities[origin];
    if (!source) {
      problems.push(`${where}: activity ${act.id} names no template node (${origin})`);
      continue;
    }
    kept.add(origin);
    const want = Array.isArray(templateLabels.get(origin)) ? templateLabels.get(origin) : [];
    if (JSON.stringify(act.labels) !== JSON.stringify(want))
      problems.push(`${where}: ${origin} lost its labels`);
    if (act.type === "SubProcess")
      subprocessProblems(check, source as SubProcess, act, `${where}/${origin}`, seen, problems);
  }
  const missing = Object.keys(template.activities).filter((id) => !kept.has(id));
  for (const id of missing) {
    if (!pyTruthy(template.activities[id]?.optional))
      problems.push(`${where}: required node ${id} was left out`);
  }
  if (!child && check.excluded) {
    const want = [...check.excluded].sort();
    if (JSON.stringify(missing.sort()) !== JSON.stringify(want)) {
      problems.push(`${where}: left out ${missing.join(",")}, asked ${want.join(",")}`);
    }
  }
  constantProblems(check, template, task, where, child, problems);
}

/** Constants pruned to exactly what the remaining nodes use (plus outputs), renumbered in order. */
function constantProblems(
  check: TaskCheck,
  template: PipelineTree,
  task: PipelineTree,
  where: string,
  child: boolean,
  problems: string[],
): void {
  const uses = referenced(task, template);
  const want = new Set(uses);
  for (const [key, constant] of Object.entries(template.constants)) {
    if (constant.source_type === "component_outputs") want.add(key);
    if (child && constant.source_type === "custom" && template.outputs.includes(key)) want.add(key);
  }
  const got = Object.keys(task.constants);
  if (JSON.stringify([...got].sort()) !== JSON.stringify([...want].sort())) {
    problems.push(`${where}: constants ${got.join(",")} are not exactly the used ${[...want].join(",")}`);
  }
  // A child keeps custom outputs nothing uses after the others, with their own index.
  const keptAsOutput = (key: string) =>
    child &&
    template.constants[key]?.source_type === "custom" &&
    template.outputs.includes(key) &&
    !uses.has(key);
  const renumbered = got.filter((key) => !keptAsOutput(key));
  renumbered.forEach((key, index) => {
    if (task.constants[key]?.index !== index)
      problems.push(`${where}: constant ${key} is not renumbered ${index}`);
  });
  if (!child) {
    for (const [key, value] of Object.entries(check.values ?? {})) {
      const constant = task.constants[key];
      if (constant && JSON.stringify(constant.value) !== JSON.stringify(value)) {
        problems.push(`${where}: ${key} does not hold the value sent`);
      }
    }
  }
  for (const key of task.outputs)
    if (!Object.hasOwn(task.constants, key)) problems.push(`${where}: output ${key} was pruned`);
}

function subprocessProblems(
  check: TaskCheck,
  source: SubProcess,
  act: SubProcess,
  where: string,
  seen: Set<string>,
  problems: string[],
): void {
  const pipeline = act.pipeline;
  if (!isPlainObject(pipeline) || pipeline.id !== act.id) {
    problems.push(`${where}: the subprocess has no unfolded tree named after it`);
    return;
  }
  if (Object.hasOwn(act, "constants")) problems.push(`${where}: the subprocess kept its constants`);
  if (act.original_template_id !== String(source.template_id))
    problems.push(`${where}: original_template_id is wrong`);
  const childTemplate = check.childOf(source);
  // The values the node passes down replace the child's constants.
  for (const [key, input] of Object.entries(source.constants ?? {})) {
    const got = pipeline.constants[key];
    if (got && JSON.stringify(got.value) !== JSON.stringify(input.value)) {
      problems.push(`${where}: ${key} does not hold the value passed down`);
    }
  }
  const withInputs: PipelineTree = {
    ...childTemplate,
    constants: { ...childTemplate.constants, ...(source.constants as PipelineTree["constants"]) },
  };
  levelProblems(check, withInputs, pipeline, where, true, seen, problems);
}

/**
 * Everything wrong with a task built from a template (empty when nothing is): a well-formed graph at
 * every level, only optional nodes left out (exactly the requested ones at the top, when known),
 * constants pruned exactly to the references (and renumbered), values applied, fresh unique ids,
 * labels on every node, subprocesses unfolded under their node.
 */
export function taskInvariantProblems(check: TaskCheck): string[] {
  const problems: string[] = [];
  levelProblems(check, check.template, check.task, "task", false, new Set(), problems);
  return problems;
}

/** Every node and flow id of a set of template trees. */
export function idsOfTemplates(trees: Iterable<PipelineTree>): Set<string> {
  const ids = new Set<string>();
  for (const tree of trees) {
    for (const node of nodesOf(tree)) ids.add(node.id);
    for (const id of Object.keys(tree.flows)) ids.add(id);
    for (const act of Object.values(tree.activities))
      for (const flow of flowList(act.incoming)) ids.add(flow);
  }
  return ids;
}
