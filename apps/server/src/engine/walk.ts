import type { Activity, DivergentGateway, Gateway, PipelineTree, SubProcess } from "@bksops/domain";
import { matchGateways, own } from "@bksops/domain";
import { decideConditionalParallel, decideExclusive, type GatewayDecision } from "./conditions.js";
import { plainInputs, renderInputs } from "./inputs.js";
import { outputValues } from "./outputs.js";
import { childOf, pipelineTreeOf } from "./pipelines.js";
import {
  contextOf,
  type Execution,
  type NodeState,
  newState,
  type Process,
  type Run,
  type RunEnv,
  rootOf,
  stackOf,
  topOf,
} from "./run.js";
import { keptOutputs, type Scope, scopeOf } from "./scope.js";
import { assertTransit, REENTERABLE, STATE, type StateName } from "./states.js";
import { subprocessInputs } from "./subprocess.js";

/**
 * The walk of the tree, as bamboo's engine drives a process: from its current node, execute
 * nodes one after the other until the process has to wait (an activity runs, branches run, the
 * pipeline is paused, a node failed) or ends. Events and gateways take no time; activities run
 * for `env.durationOf(activity)` and are finished by `wake`. A subprocess node takes the process
 * into its child pipeline (pushed on the process's pipeline stack) and the child's end event
 * brings it back out; the node's own state runs from one to the other (docs/bk-sops-behaviour.md
 * §11.5).
 */

/** bamboo's default limit on how many times the flow may come back to the same node. */
export const RERUN_LIMIT = 100;

type TreeNode =
  | { kind: "start"; id: string; outgoing: string }
  | { kind: "end"; id: string }
  | { kind: "activity"; id: string; activity: Activity }
  | { kind: "gateway"; id: string; gateway: Gateway };

function nodeOf(tree: PipelineTree, id: string): TreeNode {
  if (id === tree.start_event.id) return { kind: "start", id, outgoing: tree.start_event.outgoing };
  if (id === tree.end_event.id) return { kind: "end", id };
  const activity = own(tree.activities, id);
  if (activity) return { kind: "activity", id, activity };
  const gateway = own(tree.gateways, id);
  if (gateway) return { kind: "gateway", id, gateway };
  throw new Error(`node ${id} is not in the task's tree`);
}

const targetOf = (tree: PipelineTree, flowId: string): string => own(tree.flows, flowId)?.target ?? "";

const treeIn = (run: Run, env: RunEnv, pipelineId: string): PipelineTree =>
  pipelineTreeOf(env.tree, run.pipelineId, pipelineId);

/** A pipeline's context as it is now. */
const scopeIn = (run: Run, env: RunEnv, pipelineId: string): Scope =>
  scopeOf(treeIn(run, env, pipelineId), run.contexts?.[pipelineId] ?? {});

/** Writes what a finished node gave out into its pipeline's context, where a constant takes it. */
function keepOutputs(run: Run, tree: PipelineTree, pipelineId: string, nodeId: string, outputs: object) {
  const kept = keptOutputs(tree, nodeId, outputs as Record<string, unknown>);
  if (Object.keys(kept).length > 0) Object.assign(contextOf(run, pipelineId), kept);
}

/** The node's execution data, made empty when bamboo has none yet. */
function executionOf(run: Run, id: string): Execution {
  let execution = run.executions[id];
  if (!execution) {
    execution = { inputs: {}, outputs: {} };
    run.executions[id] = execution;
  }
  return execution;
}

function setState(env: RunEnv, node: NodeState, to: StateName, options: { archive?: boolean } = {}): void {
  assertTransit(node.id, node.state, to);
  node.state = to;
  if (options.archive) node.archivedAt = env.now;
}

/** The node state set RUNNING as the flow arrives in pipeline `parentId`, or "stop" when bamboo stops here. */
function enter(
  run: Run,
  env: RunEnv,
  process: Process,
  node: TreeNode,
  parentId: string,
): NodeState | "stop" {
  const { id } = node;
  const existing = run.nodes[id];
  if (!existing) {
    const state = newState(env, id, STATE.RUNNING, parentId, run.pipelineId);
    state.startedAt = env.now;
    run.nodes[id] = state;
    return state;
  }
  const isSubprocess = node.kind === "activity" && node.activity.type === "SubProcess";
  // bamboo counts no rerun limit for subprocess nodes: their child nodes have their own.
  if (existing.state === STATE.FINISHED && !isSubprocess && existing.loop > RERUN_LIMIT) {
    executionOf(run, id).outputs.ex_data = `node execution exceed rerun limit ${RERUN_LIMIT}`;
    setState(env, existing, STATE.FAILED, { archive: true });
    process.status = "sleeping";
    return "stop";
  }
  if (!REENTERABLE.includes(existing.state)) {
    process.status = "sleeping";
    return "stop";
  }
  if (existing.state === STATE.FINISHED) {
    // The flow came back through a loop: a new round of the node, counters reset.
    existing.loop += 1;
    existing.innerLoop += 1;
    existing.retry = 0;
    existing.skip = false;
    existing.errorIgnored = false;
    existing.version = env.newVersion();
  }
  setState(env, existing, STATE.RUNNING);
  existing.startedAt = env.now;
  return existing;
}

function fail(run: Run, env: RunEnv, process: Process, state: NodeState, exData: string): void {
  executionOf(run, state.id).outputs.ex_data = exData;
  setState(env, state, STATE.FAILED, { archive: true });
  process.status = "sleeping";
}

function convergeOf(tree: PipelineTree, gateway: DivergentGateway): string {
  return gateway.converge_gateway_id ?? matchGateways(tree).convergeOf.get(gateway.id) ?? "";
}

function fork(run: Run, env: RunEnv, parent: Process, targets: string[], destination: string): void {
  parent.status = "joined";
  parent.node = destination;
  parent.pending = targets.length;
  const children = targets.map((target): Process => {
    const child: Process = {
      id: run.nextProcessId++,
      node: target,
      // Branches run in the pipeline their gateway is in.
      stack: [...stackOf(run, parent)],
      destination,
      parent: parent.id,
      status: "running",
    };
    run.processes.push(child);
    return child;
  });
  for (const child of children) drive(run, env, child);
}

/** A child process reached its converge gateway; the last one wakes its parent there. */
function childArrived(run: Run, env: RunEnv, child: Process): void {
  child.status = "dead";
  const parent = run.processes.find((p) => p.id === child.parent);
  if (parent?.status !== "joined") return;
  parent.pending = (parent.pending ?? 1) - 1;
  if (parent.pending > 0) return;
  delete parent.pending;
  parent.status = "running";
  drive(run, env, parent);
}

function startActivity(
  run: Run,
  env: RunEnv,
  process: Process,
  state: NodeState,
  activity: Activity,
  scope: Scope,
): void {
  const rendered = renderInputs(activity, scope);
  const counters = { _loop: state.loop, _inner_loop: state.innerLoop };
  if (!rendered.ok) {
    run.executions[state.id] = {
      inputs: plainInputs(activity),
      outputs: {
        ex_data: `inputs hydrate failed(${rendered.reason}), check node log for details`,
        _result: false,
        ...counters,
      },
    };
    setState(env, state, STATE.FAILED, { archive: true });
    process.status = "sleeping";
    return;
  }
  run.executions[state.id] = {
    inputs: { ...rendered.inputs, ...counters },
    outputs: { _result: true, ...counters },
  };
  process.status = "scheduled";
  process.wakeAt = env.now + Math.max(0, env.durationOf(activity));
}

/**
 * bamboo's SubProcess handler: the node's inputs rendered in its pipeline's context become plain
 * values of the child's, and the process goes on at the child's start event. False when the
 * inputs cannot be rendered (the node fails).
 */
function enterSubprocess(
  run: Run,
  env: RunEnv,
  process: Process,
  state: NodeState,
  child: PipelineTree,
): boolean {
  // A new round of the subprocess starts its nodes' inner loops over.
  for (const node of Object.values(run.nodes)) if (node.parentId === state.id) node.innerLoop = 0;
  const inputs = subprocessInputs(child, scopeIn(run, env, topOf(run, process)));
  if (!inputs.ok) {
    fail(run, env, process, state, `context hydrate failed(${inputs.reason}), check node log for details.`);
    return false;
  }
  run.executions[state.id] = { inputs: inputs.inputs, outputs: run.executions[state.id]?.outputs ?? {} };
  Object.assign(contextOf(run, state.id), inputs.inputs);
  process.stack = [...stackOf(run, process), state.id];
  process.node = child.start_event.id;
  return true;
}

/**
 * The end event of the pipeline the process walks: the pipeline's outputs are written and it
 * finishes. The task's pipeline ends the process; a subprocess's takes it back to the parent
 * pipeline, past the subprocess node. False when the process stops (the end, or a failure).
 */
function endPipeline(run: Run, env: RunEnv, process: Process, tree: PipelineTree, end: NodeState): boolean {
  const stack = stackOf(run, process);
  const pipelineId = stack.at(-1) ?? run.pipelineId;
  const outputs = outputValues(tree, scopeIn(run, env, pipelineId));
  if (!outputs) {
    // bamboo fails the end event, without ex_data, when the outputs cannot be resolved.
    setState(env, end, STATE.FAILED, { archive: true });
    process.status = "sleeping";
    return false;
  }
  const pipeline = run.nodes[pipelineId] as NodeState;
  const parentStack = stack.slice(0, -1);
  if (parentStack.length > 0)
    Object.assign(outputs, { _loop: pipeline.loop, _inner_loop: pipeline.innerLoop });
  run.executions[pipelineId] = { inputs: run.executions[pipelineId]?.inputs ?? {}, outputs };
  setState(env, end, STATE.FINISHED, { archive: true });
  setState(env, pipeline, STATE.FINISHED, { archive: true });
  const parentId = parentStack.at(-1);
  if (parentId === undefined) {
    process.status = "dead";
    return false;
  }
  const parentTree = treeIn(run, env, parentId);
  keepOutputs(run, parentTree, parentId, pipelineId, outputs);
  process.stack = parentStack;
  process.node = targetOf(parentTree, (own(parentTree.activities, pipelineId) as SubProcess).outgoing);
  return true;
}

function decide(gateway: Gateway, tree: PipelineTree, scope: Scope): GatewayDecision {
  if (gateway.type === "ExclusiveGateway") return decideExclusive(gateway, tree, scope);
  if (gateway.type === "ConditionalParallelGateway") return decideConditionalParallel(gateway, tree, scope);
  if (gateway.type === "ParallelGateway")
    return { ok: true, targets: gateway.outgoing.map((f) => targetOf(tree, f)) };
  return { ok: true, targets: [targetOf(tree, gateway.outgoing)] };
}

/** Moves `process` on from its current node until it has to wait or ends. */
export function drive(run: Run, env: RunEnv, process: Process): void {
  for (;;) {
    if (process.destination !== null && process.node === process.destination) {
      childArrived(run, env, process);
      return;
    }
    if (rootOf(run).state === STATE.REVOKED) {
      process.status = "dead";
      return;
    }
    // Pausing the task (or a subprocess) stops every process in it before its next node.
    if (stackOf(run, process).some((id) => run.nodes[id]?.state === STATE.SUSPENDED)) {
      process.status = "suspended";
      return;
    }
    const top = topOf(run, process);
    const tree = treeIn(run, env, top);
    const node = nodeOf(tree, process.node);
    const state = enter(run, env, process, node, top);
    if (state === "stop") return;
    switch (node.kind) {
      case "start":
        setState(env, state, STATE.FINISHED, { archive: true });
        process.node = targetOf(tree, node.outgoing);
        break;
      case "end":
        if (!endPipeline(run, env, process, tree, state)) return;
        break;
      case "activity": {
        // A subprocess node of a task stored before subprocesses were unfolded has no child
        // pipeline: it runs as one step, as a plugin node does.
        const child = node.activity.type === "SubProcess" ? childOf(node.activity) : undefined;
        if (!child) {
          startActivity(run, env, process, state, node.activity, scopeIn(run, env, top));
          return;
        }
        if (!enterSubprocess(run, env, process, state, child)) return;
        break;
      }
      case "gateway": {
        const decision = decide(node.gateway, tree, scopeIn(run, env, top));
        if (!decision.ok) {
          fail(run, env, process, state, decision.exData);
          return;
        }
        setState(env, state, STATE.FINISHED, { archive: true });
        const { gateway } = node;
        if (gateway.type === "ParallelGateway" || gateway.type === "ConditionalParallelGateway") {
          fork(run, env, process, decision.targets, convergeOf(tree, gateway));
          return;
        }
        process.node = decision.targets[0] ?? "";
        break;
      }
    }
  }
}

/** The activity `process` waits for has run its time: it finishes and the process moves on. */
export function wake(run: Run, env: RunEnv, process: Process): void {
  if (process.status !== "scheduled") return;
  const top = topOf(run, process);
  const tree = treeIn(run, env, top);
  const state = run.nodes[process.node];
  const node = nodeOf(tree, process.node);
  delete process.wakeAt;
  if (!state || node.kind !== "activity") {
    process.status = "dead";
    return;
  }
  setState(env, state, STATE.FINISHED, { archive: true });
  keepOutputs(run, tree, top, node.id, run.executions[node.id]?.outputs ?? {});
  process.status = "running";
  process.node = targetOf(tree, node.activity.outgoing);
  drive(run, env, process);
}
