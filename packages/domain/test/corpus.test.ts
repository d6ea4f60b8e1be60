// The whole pipeline on a seeded corpus of generated templates (see src/testing/corpus.ts): each is
// stored as bk-sops stores a template (standardize_pipeline_node_name, validate_web_pipeline_tree),
// then tasks are built with random exclusions and constants, and each task is checked against
// invariants found without the algorithms that built it (src/testing/invariants.ts).
import { describe, expect, it } from "vitest";
import { buildTaskTree } from "../src/build-task-tree.js";
import { attachLabelsInPlace } from "../src/labels.js";
import { standardizeNames } from "../src/request-tree.js";
import { resolveExcludeList } from "../src/select-nodes.js";
import {
  type CorpusTemplate,
  corpusCatalog,
  generateCorpus,
  idsOfTemplates,
  randomTaskRequest,
  seededRandom,
  taskInvariantProblems,
} from "../src/testing/index.js";
import type { PipelineTree, SubProcess } from "../src/types.js";
import { validateWebTreeInPlace } from "../src/validate-tree.js";

// The server's corpus test runs 240 templates through its loader and create_task; this one runs a
// smaller corpus through the domain alone, to point at the algorithm when something breaks.
const SEED = 20261202;
const corpus = generateCorpus(SEED, 80);

/** The template as bk-sops stores it after saving it. */
function stored(template: CorpusTemplate): CorpusTemplate {
  const tree = structuredClone(template.tree) as PipelineTree & Record<string, unknown>;
  standardizeNames(tree);
  validateWebTreeInPlace(tree);
  attachLabelsInPlace(tree);
  return { ...template, tree };
}

describe("a seeded corpus of generated templates", () => {
  const saved = corpus.map(stored);
  // The checks compare with the templates as generated, not as stored, so that storing cannot
  // hide what creation gets wrong (labels, for one, are added by both).
  const byKey = new Map(corpus.map((t) => [`${t.kind}:${t.id}`, t]));
  const catalog = corpusCatalog(saved);
  const templateIds = idsOfTemplates(saved.map((t) => t.tree));

  it("covers what it is meant to cover", () => {
    const acts = saved.flatMap((t) => Object.values(t.tree.activities));
    const gateways = saved.flatMap((t) => Object.values(t.tree.gateways));
    expect(saved.length).toBe(80);
    expect(gateways.filter((g) => "default_condition" in g).length).toBeGreaterThan(5);
    for (const type of ["ParallelGateway", "ExclusiveGateway", "ConditionalParallelGateway"]) {
      expect(gateways.filter((g) => g.type === type).length, type).toBeGreaterThan(5);
    }
    expect(acts.filter((a) => a.type === "SubProcess").length).toBeGreaterThan(15);
    expect(saved.filter((t) => t.kind === "common").length).toBeGreaterThan(5);
    expect(saved.filter((t) => t.schemes.length > 0).length).toBeGreaterThan(15);
    const constants = saved.flatMap((t) => Object.values(t.tree.constants));
    expect(constants.filter((c) => c.show_type === "hide").length).toBeGreaterThan(15);
    expect(constants.filter((c) => c.source_type === "component_outputs").length).toBeGreaterThan(5);
    expect(constants.filter((c) => String(c.value).includes("${c")).length).toBeGreaterThan(15);
  });

  it.each(saved.map((template) => [`${template.kind} template ${template.id}`, template] as const))(
    "%s: tasks with random exclusions and values keep every invariant",
    (_label, template) => {
      const rng = seededRandom(SEED + template.id);
      const failures: string[] = [];
      for (let round = 0; round < 2; round += 1) {
        const { body, excluded } = randomTaskRequest(rng, template);
        const exclude = resolveExcludeList(template.tree, body, template.schemes);
        const task = buildTaskTree(
          template.tree,
          { exclude, constants: body.constants as Record<string, unknown> },
          undefined,
          { kind: template.kind, catalog },
        );
        const problems = taskInvariantProblems({
          template: (byKey.get(`${template.kind}:${template.id}`) as CorpusTemplate).tree,
          task,
          excluded,
          values: body.constants as Record<string, unknown>,
          childOf: (act: SubProcess) => {
            const kind =
              act.template_source === "common" || template.kind === "common" ? "common" : "project";
            return (byKey.get(`${kind}:${Number(act.template_id)}`) as CorpusTemplate).tree;
          },
          templateIds,
        });
        failures.push(...problems.slice(0, 5));
      }
      expect(failures).toEqual([]);
    },
    30_000,
  );
});
