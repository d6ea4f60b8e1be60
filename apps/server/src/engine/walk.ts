import type { Activity, DivergentGateway, Gateway, PipelineTree } from "@bksops/domain";
import { matchGateways, own } from "@bksops/domain";
import { decideConditionalParallel, decideExclusive, type GatewayDecision } from "./conditions.js";
import { plainInputs, renderInputs } from "./inputs.js";
import { outputValues } from "./outputs.js";
import {
  type Execution,
  type NodeState,
  newState,
  type Process,
  type Run,
  type RunEnv,
  rootOf,
} from "./run.js";
import { assertTransit, REENTERABLE, STATE, type StateName } from "./states.js";

/**
 * The walk of the tree, as bamboo's engine drives a process: from its current node, execute
 * nodes one after the other until the process has to wait (an activity runs, branches run, the
 * pipeline is paused, a node failed) or ends. Events and gateways take no time; activities run
 * for `env.durationOf(activity)` and are finished by `wake`.
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

/** The node state set RUNNING as the flow arrives, or undefined when bamboo would stop here. */
function enter(run: Run, env: RunEnv, process: Process, id: string): NodeState | "stop" {
  const existing = run.nodes[id];
  if (!existing) {
    const state = newState(env, id, STATE.RUNNING, run.pipelineId, run.pipelineId);
    state.startedAt = env.now;
    run.nodes[id] = state;
    return state;
  }
  if (existing.state === STATE.FINISHED && existing.loop > RERUN_LIMIT) {
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

function startActivity(run: Run, env: RunEnv, process: Process, state: NodeState, activity: Activity): void {
  const rendered = renderInputs(activity, env.tree);
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

function decide(gateway: Gateway, tree: PipelineTree): GatewayDecision {
  if (gateway.type === "ExclusiveGateway") return decideExclusive(gateway, tree);
  if (gateway.type === "ConditionalParallelGateway") return decideConditionalParallel(gateway, tree);
  if (gateway.type === "ParallelGateway")
    return { ok: true, targets: gateway.outgoing.map((f) => targetOf(tree, f)) };
  return { ok: true, targets: [targetOf(tree, gateway.outgoing)] };
}

/** Moves `process` on from its current node until it has to wait or ends. */
export function drive(run: Run, env: RunEnv, process: Process): void {
  const { tree } = env;
  for (;;) {
    if (process.destination !== null && process.node === process.destination) {
      childArrived(run, env, process);
      return;
    }
    const root = rootOf(run);
    if (root.state === STATE.REVOKED) {
      process.status = "dead";
      return;
    }
    if (root.state === STATE.SUSPENDED) {
      process.status = "suspended";
      return;
    }
    const node = nodeOf(tree, process.node);
    const state = enter(run, env, process, node.id);
    if (state === "stop") return;
    switch (node.kind) {
      case "start":
        setState(env, state, STATE.FINISHED, { archive: true });
        process.node = targetOf(tree, node.outgoing);
        break;
      case "end": {
        const outputs = outputValues(tree);
        if (!outputs) {
          // bamboo fails the end event, without ex_data, when the outputs cannot be resolved.
          setState(env, state, STATE.FAILED, { archive: true });
          process.status = "sleeping";
          return;
        }
        setState(env, state, STATE.FINISHED, { archive: true });
        run.executions[run.pipelineId] = { inputs: {}, outputs };
        setState(env, root, STATE.FINISHED, { archive: true });
        process.status = "dead";
        return;
      }
      case "activity":
        startActivity(run, env, process, state, node.activity);
        return;
      case "gateway": {
        const decision = decide(node.gateway, tree);
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
  const state = run.nodes[process.node];
  const node = nodeOf(env.tree, process.node);
  delete process.wakeAt;
  if (!state || node.kind !== "activity") {
    process.status = "dead";
    return;
  }
  setState(env, state, STATE.FINISHED, { archive: true });
  process.status = "running";
  process.node = targetOf(env.tree, node.activity.outgoing);
  drive(run, env, process);
}
