import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PipelineTree, SubProcess } from "@bksops/domain";
import { buildTree } from "@bksops/domain/testing";
import { afterEach, describe, expect, it } from "vitest";
import { loadTemplatesDir } from "../../src/templates/load.js";
import { createViaGateway, DEMO_AUTH, freshContext, send } from "../helpers.js";

const documented = JSON.parse(
  (await import("node:fs")).readFileSync(
    new URL("../../demo/templates/1-documented-example.json", import.meta.url),
    "utf8",
  ),
);

describe("TEMPLATES_DIR", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const folder = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), "bksops-templates-"));
    dirs.push(dir);
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    return dir;
  };

  it("loads valid files, and reports each invalid one with its name and reason", () => {
    const context = freshContext();
    const dir = folder({
      "good.json": JSON.stringify({ ...documented, bk_biz_id: 77, template_id: 700, name: "my flow" }),
      "broken.json": "{not json",
      "no-id.json": JSON.stringify({ ...documented, template_id: "x" }),
      "bad-tree.json": JSON.stringify({
        ...documented,
        template_id: 701,
        pipeline_tree: { ...documented.pipeline_tree, flows: {} },
      }),
      "notes.txt": "ignored",
    });
    const report = loadTemplatesDir(context.store, dir, "test");
    expect(report.loaded).toEqual(["good.json"]);
    expect(report.skipped.map((entry) => entry.file)).toEqual(["bad-tree.json", "broken.json", "no-id.json"]);
    expect(report.skipped.find((entry) => entry.file === "no-id.json")?.reason).toBe(
      '"template_id" must be a positive integer',
    );
    expect(report.skipped.find((entry) => entry.file === "broken.json")?.reason).toMatch(/JSON/);
    expect(report.skipped.find((entry) => entry.file === "bad-tree.json")?.reason.length).toBeGreaterThan(10);
  });

  it("makes a loaded template usable at once, creating its business", async () => {
    const context = freshContext();
    loadTemplatesDir(
      context.store,
      folder({ "t.json": JSON.stringify({ ...documented, bk_biz_id: 77, template_id: 700 }) }),
      "test",
    );
    const answer = await createViaGateway(context, { name: "mine" }, { templateId: 700, bizId: 77 });
    expect(answer.json.result).toBe(true);
    expect(answer.json.data.task_url).toContain("/taskflow/execute/77/");
  });

  it("reports a folder that cannot be read", () => {
    const report = loadTemplatesDir(freshContext().store, "/nonexistent/templates", "test");
    expect(report.skipped[0]?.reason).toMatch(/cannot read the folder/);
  });

  it("keeps the demo data when loaded twice (idempotent)", async () => {
    const context = freshContext();
    const { loadDemoData } = await import("../../src/db/demo.js");
    loadDemoData(context.store);
    const answer = await send(context, "/api/bk-sops/prod/create_task/1/2/", {
      body: { name: "t" },
      headers: { "X-Bkapi-Authorization": JSON.stringify(DEMO_AUTH) },
    });
    expect(answer.json.result).toBe(true);
  });
});

describe("a get_template_info answer as a template file", () => {
  it("loads, with the canvas it lacks drawn anew, and creates tasks that can exclude nodes", async () => {
    const { line: _line, location: _location, ...bare } = documented.pipeline_tree;
    const answer = {
      result: true,
      code: 0,
      data: {
        id: 800,
        name: "from a real deployment",
        bk_biz_id: 2,
        project_id: 3,
        category: "Default",
        pipeline_tree: bare,
      },
    };
    const dir = mkdtempSync(join(tmpdir(), "bksops-info-"));
    try {
      writeFileSync(join(dir, "info.json"), JSON.stringify(answer));
      const context = freshContext();
      expect(loadTemplatesDir(context.store, dir, "test")).toEqual({ loaded: ["info.json"], skipped: [] });
      const created = await createViaGateway(
        context,
        { name: "t", exclude_task_nodes_id: ["node880ded556c6c3c269be3cedc64b6"] },
        { templateId: 800 },
      );
      expect(created.json.result).toBe(true);
      expect(created.json.data.pipeline_tree.line).toHaveLength(2);
      expect(created.json.data.pipeline_tree.location).toHaveLength(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// What bk-sops accepts when it saves a template (gcloud/template_base/domains/template_manager.py::
// create_pipeline: standardize_pipeline_node_name, then validate_web_pipeline_tree) and what bamboo
// checks about subprocess references (pipeline/models.py::TemplateManager.subprocess_ref_validate).
describe("template files are accepted as bk-sops accepts templates", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const load = (context: ReturnType<typeof freshContext>, files: Record<string, unknown>) => {
    const dir = mkdtempSync(join(tmpdir(), "bksops-fidelity-"));
    dirs.push(dir);
    for (const [name, content] of Object.entries(files))
      writeFileSync(join(dir, name), JSON.stringify(content));
    return loadTemplatesDir(context.store, dir, "test");
  };
  const file = (id: number, tree: PipelineTree, extra: Record<string, unknown> = {}) => ({
    source: "project",
    bk_biz_id: 2,
    template_id: id,
    name: `template ${id}`,
    pipeline_tree: tree,
    ...extra,
  });
  /** start → A(required) → X(optional) → end, or with a subprocess node S naming `child`. */
  const tree = (child?: Record<string, unknown>): PipelineTree =>
    buildTree({
      nodes: child ? { A: "act", S: "sub" } : { A: "act", X: "opt" },
      edges: child
        ? [
            ["start", "A"],
            ["A", "S"],
            ["S", "end"],
          ]
        : [
            ["start", "A"],
            ["A", "X"],
            ["X", "end"],
          ],
      subprocesses: child ? { S: { constants: {}, ...child } } : undefined,
    });

  it("accepts trees real deployments export: no canvas drawn for flows keyed apart from their id, no constant index, a default branch", async () => {
    const context = freshContext();
    const loose = tree();
    (loose.flows.f_A_X as { id: string }).id = "renamed";
    loose.constants = { "${v}": { key: "${v}", name: "v", source_type: "custom", value: "x" } as never };
    (loose.activities.A as { component: { data: Record<string, unknown> } }).component.data = {
      k: { hook: false, value: "${v}" },
    };
    const branching = buildTree({
      nodes: { E: "exclusive", B: "act", D: "act", C: "converge" },
      edges: [
        ["start", "E"],
        ["E", "B"],
        ["E", "D"],
        ["B", "C"],
        ["D", "C"],
        ["C", "end"],
      ],
      defaults: { E: "D" },
    });
    const report = load(context, { "a.json": file(900, loose), "b.json": file(901, branching) });
    expect(report).toEqual({ loaded: ["a.json", "b.json"], skipped: [] });
    // The constant has no index: bk-sops sorts kept constants by it, and fails there.
    const answer = await createViaGateway(context, { name: "t" }, { templateId: 900 });
    expect(answer.json.message).toBe("[API] create_task create pipeline without tree error: 'index'");
    expect((await createViaGateway(context, { name: "t" }, { templateId: 901 })).json.result).toBe(true);
  });

  it("makes names safe as bk-sops does when it saves them", () => {
    const context = freshContext();
    const named = tree();
    (named.activities.A as { name: string }).name = `<b>"deploy"</b> ${"x".repeat(60)}`;
    load(context, { "a.json": file(902, named) });
    const stored = context.store.templates.findProjectTemplate(902, 3);
    expect(stored?.tree.activities.A?.name).toBe(`bdeploy/b ${"x".repeat(40)}`);
  });

  it("refuses what bk-sops refuses, with bk-sops' text", () => {
    const context = freshContext();
    const bad = tree();
    (bad.start_event as { type: string }).type = "Start";
    const report = load(context, { "bad.json": file(903, bad) });
    expect(report.skipped[0]?.reason).toBe(
      "保存流程失败: 流程树合法性校验失败, 请检查流程. 失败原因: start_event→type: 'Start' is not one of ['EmptyStartEvent'] | create_pipeline",
    );
  });

  it("loads a parent and its child from one folder in any order, and refuses missing children and cycles", () => {
    const context = freshContext();
    const report = load(context, {
      "1-parent.json": file(910, tree({ template_id: 911 })),
      "2-child.json": file(911, tree()),
      "3-orphan.json": file(912, tree({ template_id: 999 })),
      "4-loop-a.json": file(913, tree({ template_id: 914 }), { name: "loop a" }),
      "5-loop-b.json": file(914, tree({ template_id: 913 }), { name: "loop b" }),
      "6-common-child.json": file(915, tree({ template_id: 100, template_source: "common" })),
    });
    expect(report.loaded).toEqual(["1-parent.json", "2-child.json", "6-common-child.json"]);
    const reasons = Object.fromEntries(report.skipped.map((entry) => [entry.file, entry.reason]));
    expect(reasons["3-orphan.json"]).toMatch(
      /^TaskTemplate matching query does not exist\. \(subprocess S of template 912/,
    );
    expect(reasons["4-loop-a.json"]).toBe("子流程引用链中存在循环引用：loop a → loop b → loop a");
    expect(reasons["5-loop-b.json"]).toBe("子流程引用链中存在循环引用：loop b → loop a → loop b");
  });

  it("keeps every version: a node pinned to an older one still unfolds it, one following the latest gets the new", async () => {
    const context = freshContext();
    const v1 = tree();
    (v1.activities.A as { name: string }).name = "first";
    const v2 = tree();
    (v2.activities.A as { name: string }).name = "second";
    load(context, { "child.json": file(921, v1, { version: "v1" }) });
    load(context, {
      "child.json": file(921, v2, { version: "v2" }),
      "pinned.json": file(920, tree({ template_id: 921, version: "v1" })),
      "latest.json": file(922, tree({ template_id: 921, version: "v1", always_use_latest: true })),
      "unknown.json": file(923, tree({ template_id: 921, version: "v9" })),
    });
    const nameInside = async (templateId: number) => {
      const answer = await createViaGateway(context, { name: "t" }, { templateId });
      const sub = Object.values(answer.json.data.pipeline_tree.activities).find(
        (act) => (act as SubProcess).type === "SubProcess",
      ) as SubProcess;
      return Object.values((sub.pipeline as PipelineTree).activities).map((act) => act.name)[0];
    };
    expect(await nameInside(920)).toBe("first");
    expect(await nameInside(922)).toBe("second");
    expect(context.store.templates.findProjectTemplate(923, 3)).toBeUndefined();
  });
});
