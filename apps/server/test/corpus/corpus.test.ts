// The corpus test: 240 templates from a seeded generator (@bksops/domain/testing) are written as
// template files, loaded by the server's loader (TEMPLATES_DIR's), and each is used to create
// tasks through the gateway with random exclusions and constants; every answer is checked
// against invariants found without the server's algorithms: a well-formed graph at every level,
// only optional nodes left out (exactly those asked for), constants pruned exactly to the
// references, values applied, fresh ids, labels on every node, subprocesses unfolded.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SubProcess } from "@bksops/domain";
import {
  type CorpusTemplate,
  generateCorpus,
  idsOfTemplates,
  randomTaskRequest,
  seededRandom,
  taskInvariantProblems,
} from "@bksops/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTemplatesDir } from "../../src/templates/load.js";
import type { TestServerContext } from "../../src/testing.js";
import { createViaGateway, freshContext } from "../helpers.js";

const SEED = 20261203;
const corpus = generateCorpus(SEED, 240);
const byKey = new Map(corpus.map((t) => [`${t.kind}:${t.id}`, t]));
const templateIds = idsOfTemplates(corpus.map((t) => t.tree));

/** A template file for the loader, as a team would write one (demo business 2 for project flows). */
const fileOf = (template: CorpusTemplate) => ({
  source: template.kind,
  ...(template.kind === "project" ? { bk_biz_id: 2 } : {}),
  template_id: template.id,
  name: template.name,
  version: template.version,
  schemes: template.schemes.map(({ id, name, data }) => ({ id, name, data })),
  pipeline_tree: template.tree,
});

describe(`a corpus of ${corpus.length} generated templates, loaded and used to create tasks`, () => {
  let context: TestServerContext;
  let dir: string;
  beforeAll(() => {
    context = freshContext();
    dir = mkdtempSync(join(tmpdir(), "bksops-corpus-"));
    // Reverse order: a parent's file comes before its children's, which the loader must handle.
    for (const template of [...corpus].reverse()) {
      writeFileSync(join(dir, `${template.kind}-${template.id}.json`), JSON.stringify(fileOf(template)));
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("covers what it is meant to cover", () => {
    const acts = corpus.flatMap((t) => Object.values(t.tree.activities));
    const gateways = corpus.flatMap((t) => Object.values(t.tree.gateways));
    const constants = corpus.flatMap((t) => Object.values(t.tree.constants));
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    expect(gateways.filter((g) => "default_condition" in g).length).toBeGreaterThan(20);
    for (const type of ["ParallelGateway", "ExclusiveGateway", "ConditionalParallelGateway"]) {
      expect(gateways.filter((g) => g.type === type).length, type).toBeGreaterThan(20);
    }
    const subprocesses = acts.filter((a): a is SubProcess => a.type === "SubProcess");
    expect(subprocesses.length).toBeGreaterThan(50);
    expect(subprocesses.filter((a) => a.always_use_latest).length).toBeGreaterThan(10);
    expect(subprocesses.filter((a) => !a.always_use_latest).length).toBeGreaterThan(10);
    expect(subprocesses.filter((a) => a.template_source === "common").length).toBeGreaterThan(10);
    expect(corpus.filter((t) => t.schemes.length > 0).length).toBeGreaterThan(50);
    expect(constants.filter((c) => c.show_type === "hide").length).toBeGreaterThan(50);
    expect(constants.filter((c) => c.source_type === "component_outputs").length).toBeGreaterThan(20);
    expect(constants.filter((c) => String(c.value).includes("${c")).length).toBeGreaterThan(50);
  });

  it("the loader accepts every template", () => {
    const report = loadTemplatesDir(context.store, dir, "corpus");
    expect(report.skipped).toEqual([]);
    expect(report.loaded).toHaveLength(corpus.length);
  }, 60_000);

  it.each(corpus.map((template) => [`${template.kind} template ${template.id}`, template] as const))(
    "%s: tasks with random exclusions and values keep every invariant",
    async (_label, template) => {
      const rng = seededRandom(SEED + template.id);
      for (let round = 0; round < 2; round += 1) {
        const { body, excluded } = randomTaskRequest(rng, template);
        if (template.kind === "common") body.template_source = "common";
        const answer = await createViaGateway(context, body, { templateId: template.id });
        expect(answer.json.result, answer.json.message).toBe(true);
        const problems = taskInvariantProblems({
          template: template.tree,
          task: answer.json.data.pipeline_tree,
          excluded,
          values: body.constants as Record<string, unknown>,
          childOf: (act) => {
            const kind =
              act.template_source === "common" || template.kind === "common" ? "common" : "project";
            return (byKey.get(`${kind}:${Number(act.template_id)}`) as CorpusTemplate).tree;
          },
          templateIds,
        });
        expect(problems).toEqual([]);
      }
    },
    30_000,
  );
});
