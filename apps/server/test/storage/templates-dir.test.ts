import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
