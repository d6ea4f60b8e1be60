import type { GroundTemplate } from "../ground/template.js";
import type { Difference, DifferenceKind } from "../types.js";
import { type CaseOutcome, type CreateCase, plan, runCase, runTemplate } from "./cases.js";
import { type Recorder, type RunContext, skipped, type Verdict, verdictOf } from "./check.js";

/** A skip for a static mock, with what it cannot show. */
export const STATIC = "static mock: Prism answers a documented example and creates no task, so ";

/** The run's template, or a skip saying why it could not be read. */
export async function templateOrSkip(ctx: RunContext): Promise<GroundTemplate | Verdict> {
  const template = await runTemplate(ctx);
  if ("problem" in template) return skipped(`cannot predict without the template: ${template.problem}`);
  return template;
}

export const isVerdict = (value: unknown): value is Verdict =>
  typeof value === "object" && value !== null && "status" in value && !("ref" in value);

/** Runs the cases (creating what is not created yet) and shows their exchanges in this check. */
export async function outcomesOf(
  ctx: RunContext,
  recorder: Recorder,
  template: GroundTemplate,
  cases: CreateCase[],
  own: boolean,
): Promise<CaseOutcome[]> {
  const outcomes: CaseOutcome[] = [];
  for (const kase of cases) {
    const outcome = await runCase(ctx, template, kase);
    recorder.attach(outcome.created.exchange, own);
    outcomes.push(outcome);
  }
  return outcomes;
}

/** Every case of the plan, in a stable order. */
export const allCases = (ctx: RunContext, template: GroundTemplate): CreateCase[] => {
  const p = plan(ctx, template);
  return [p.plain, p.second, ...p.exclusions, ...p.schemes, p.execute, p.constants];
};

/**
 * The differences of the given kinds over some cases, each prefixed with its case. A case whose
 * create failed fails the check; a case the suite could not predict is noted and skipped.
 */
export function differencesOf(
  outcomes: CaseOutcome[],
  kinds: DifferenceKind[],
  options: { onlyMatchingNodes?: boolean } = {},
): { differences: Difference[]; notes: string[] } {
  const differences: Difference[] = [];
  const notes: string[] = [];
  for (const outcome of outcomes) {
    const where = `[${outcome.case.title}]`;
    if (outcome.created.problem) {
      differences.push({
        kind: "result",
        path: where,
        note: `the create did not succeed: ${outcome.created.problem}`,
      });
      continue;
    }
    if ("failure" in outcome.prediction) {
      notes.push(`${where} not predicted (a gap in the suite's model): ${outcome.prediction.failure}`);
      continue;
    }
    if ("unknown" in outcome.prediction) {
      notes.push(`${where} not predicted (the read API does not show enough): ${outcome.prediction.unknown}`);
      continue;
    }
    const comparison = outcome.comparison;
    if (!comparison) continue;
    if (options.onlyMatchingNodes && comparison.differences.some((d) => d.kind === "nodes")) {
      notes.push(`${where} left out: its activities differ from the prediction (see the node checks)`);
      continue;
    }
    const found = comparison.differences.filter((d) => kinds.includes(d.kind ?? "other"));
    for (const [index, d] of found.entries())
      differences.push({
        ...d,
        path: `${where} ${d.path}`,
        detail: index === 0 ? comparison.picture : undefined,
      });
  }
  return { differences, notes };
}

/** The verdict of some cases for some kinds: failed with the differences, skipped when nothing could be judged. */
export function judge(
  outcomes: CaseOutcome[],
  kinds: DifferenceKind[],
  options: { onlyMatchingNodes?: boolean } = {},
): Verdict {
  const { differences, notes } = differencesOf(outcomes, kinds, options);
  if (differences.length > 0) return verdictOf(differences);
  const judged = outcomes.length - notes.length;
  if (judged === 0 && notes.length > 0) return skipped(notes.join("; "));
  return { status: "passed" };
}
