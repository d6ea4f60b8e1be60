import type { ConditionalParallelGateway, ExclusiveGateway, PipelineTree } from "@bksops/domain";
import { own, pyRepr, pyTypeName } from "@bksops/domain";
import { BoolRuleSyntaxError, PyError, testBoolRule } from "./boolrule.js";
import { escapeControls, HydrateError, makoStr, pyJsonDumps, referencesOf, render } from "./render.js";
import { hydrateScope, type Scope, scopeOf } from "./scope.js";

/** Where a branching gateway sends the flow: the nodes to go on with, or why the gateway fails. */
export type GatewayDecision = { ok: true; targets: string[] } | { ok: false; exData: string };

interface Branch {
  /** bamboo names a condition after its flow id. */
  name: string;
  evaluation: string;
  target: string;
}

const BOOLRULE_DOC = '<a href="https://boolrule.readthedocs.io/en/latest/expressions.html">boolrule</a>';

function branchesOf(gateway: ExclusiveGateway | ConditionalParallelGateway, tree: PipelineTree): Branch[] {
  return Object.entries(gateway.conditions ?? {}).map(([flowId, condition]) => ({
    name: flowId,
    evaluation: String(condition?.evaluate ?? ""),
    target: own(tree.flows, flowId)?.target ?? "",
  }));
}

function defaultTarget(gateway: ExclusiveGateway | ConditionalParallelGateway, tree: PipelineTree) {
  const flowId = gateway.default_condition?.flow_id;
  return flowId === undefined ? undefined : (own(tree.flows, flowId)?.target ?? "");
}

/** bamboo's `BoolRule(rendered).test()`; a condition that renders to a non-string cannot be parsed. */
function testRendered(rendered: unknown): boolean {
  if (typeof rendered !== "string") {
    throw new PyError(`'${pyTypeName(rendered)}' object has no attribute 'expandtabs'`);
  }
  return testBoolRule(rendered);
}

type Tested = { ok: true; met: Branch[] } | { ok: false; exData: string };

/**
 * Tests every branch's condition on the context of the pipeline the gateway is in, in the
 * gateway's order, as bamboo's gateway handlers do: the context holds the values the conditions
 * refer to (with what those refer to), each condition is rendered with it, then tested. The first
 * failure ends the test.
 */
function testBranches(
  gateway: ExclusiveGateway | ConditionalParallelGateway,
  tree: PipelineTree,
  scope: Scope,
  describeFailure: (branch: Branch, rendered: unknown) => string,
): Tested {
  const branches = branchesOf(gateway, tree);
  let context: Record<string, unknown>;
  try {
    const refs = branches.flatMap((branch) => referencesOf(branch.evaluation));
    context = Object.fromEntries(
      Object.entries(hydrateScope(scope, refs)).map(([key, value]) => [key, escapeControls(value)]),
    );
  } catch (error) {
    if (!(error instanceof HydrateError)) throw error;
    return {
      ok: false,
      exData: `evaluation context hydrate failed(${error.message}), check node log for details.`,
    };
  }
  const data = pyJsonDumps(context);
  const met: Branch[] = [];
  for (const branch of branches) {
    const rendered = render(branch.evaluation, context);
    try {
      if (testRendered(rendered)) met.push(branch);
    } catch (error) {
      if (error instanceof BoolRuleSyntaxError) {
        return {
          ok: false,
          exData:
            `evaluate[${branch.evaluation}] fail with data[${data}]：please check if some variable not exists ` +
            `or the expression is unsupported, related reference is ${BOOLRULE_DOC}`,
        };
      }
      if (error instanceof PyError) {
        return {
          ok: false,
          exData: `evaluate[${describeFailure(branch, rendered)}] fail with data[${data}] message: ${error.message}`,
        };
      }
      throw error;
    }
  }
  return { ok: true, met };
}

const ALL_MISSED = "all conditions of branches are not meet";

/**
 * An exclusive gateway with bamboo's default strategy (exactly one branch): the branch whose
 * condition holds, else the default branch; none or several holding fail the gateway.
 */
export function decideExclusive(
  gateway: ExclusiveGateway,
  tree: PipelineTree,
  scope: Scope = scopeOf(tree),
): GatewayDecision {
  const tested = testBranches(gateway, tree, scope, (_branch, rendered) => makoStr(rendered));
  if (!tested.ok) return tested;
  const { met } = tested;
  if (met.length === 0) {
    const fallback = defaultTarget(gateway, tree);
    return fallback === undefined ? { ok: false, exData: ALL_MISSED } : { ok: true, targets: [fallback] };
  }
  if (met.length > 1) {
    return { ok: false, exData: `multiple conditions meet: ${pyRepr(met.map((branch) => branch.name))}` };
  }
  return { ok: true, targets: [(met[0] as Branch).target] };
}

/** A conditional parallel gateway: every branch whose condition holds, else the default branch. */
export function decideConditionalParallel(
  gateway: ConditionalParallelGateway,
  tree: PipelineTree,
  scope: Scope = scopeOf(tree),
): GatewayDecision {
  const tested = testBranches(gateway, tree, scope, (branch) => branch.evaluation);
  if (!tested.ok) return tested;
  if (tested.met.length > 0) return { ok: true, targets: tested.met.map((branch) => branch.target) };
  const fallback = defaultTarget(gateway, tree);
  return fallback === undefined ? { ok: false, exData: ALL_MISSED } : { ok: true, targets: [fallback] };
}
