import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestContext, startServer } from "@bksops/server/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentedTemplate } from "../src/fixtures/documented.js";
import { documentedTemplates } from "../src/fixtures/load.js";
import { baseUrlTarget, runSuite } from "../src/index.js";
import { QA } from "./deployment.js";

// A deployment that imported the shipped template files, as bk-sops imports them: new template
// ids, and every node and flow id replaced (bamboo's replace_all_id). The suite is told the ids
// the import gave (`exampleTemplates`) and runs the examples on the documented templates
// themselves, mapping the documented node ids to the imported ones by name.
const NEW_IDS: Record<string, number> = {
  "1": 1001,
  "2": 1002,
  "3": 1003,
  "4": 1004,
  "5": 1005,
  "6": 1006,
  "100": 1100,
  "101": 1101,
};

/** A template file of `template` as an import would store it: fresh ids everywhere. */
function importedFile(template: DocumentedTemplate): Record<string, unknown> {
  const newId = (id: string) =>
    `${id[0]}${createHash("md5").update(`imported ${id}`).digest("hex").slice(1)}`;
  let text = JSON.stringify(template.tree);
  const tree = template.tree;
  const ids = [
    tree.start_event.id,
    tree.end_event.id,
    ...Object.keys(tree.activities),
    ...Object.keys(tree.gateways),
    ...Object.keys(tree.flows),
  ];
  const renamed = new Map(ids.map((id) => [id, newId(id)]));
  for (const [from, to] of renamed) text = text.split(`"${from}"`).join(`"${to}"`);
  const role = template.role;
  return {
    source: role === "common" ? "common" : "project",
    ...(role === "common" ? {} : { bk_biz_id: role === "project" ? Number(QA.bizId) : 8 }),
    template_id: NEW_IDS[template.id],
    name: template.name,
    schemes: template.schemes.map((scheme, index) => ({
      id: index + 1,
      name: scheme.name,
      data: scheme.nodes.map((id) => renamed.get(id) ?? id),
    })),
    pipeline_tree: JSON.parse(text),
  };
}

describe("a deployment that imported the documented templates (--example-templates)", () => {
  const dir = mkdtempSync(join(tmpdir(), "bk-sops-contract-imported-"));
  let close: () => Promise<void>;
  let bases: { esb: string; gateway: string };
  beforeAll(async () => {
    for (const template of documentedTemplates().values())
      writeFileSync(join(dir, `${template.id}.json`), JSON.stringify(importedFile(template)));
    const context = createTestContext({
      demoData: false,
      templatesDir: dir,
      credentials: [
        { app: { code: QA.appCode, secret: QA.appSecret }, user: { username: "qa", bkToken: QA.bkToken } },
        {
          app: { code: QA.appCode, secret: QA.appSecret },
          user: { username: "qa-nobody", bkToken: QA.unprivilegedBkToken, granted: false },
        },
      ],
    });
    expect(context.templates.skipped).toEqual([]);
    const server = await startServer((request) => context.app.fetch(request), { port: 0, host: "127.0.0.1" });
    bases = { esb: server.url, gateway: `${server.url}/api/bk-sops/prod` };
    close = async () => {
      await server.close();
      context.close();
    };
  });
  afterAll(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs every example on the imported copies, node ids mapped by name, and every check passes", {
    timeout: 60_000,
  }, async () => {
    const result = await runSuite({
      target: baseUrlTarget({ bases }),
      form: "gateway",
      identity: {
        credentials: { appCode: QA.appCode, appSecret: QA.appSecret, bkToken: QA.bkToken },
        bizId: QA.bizId,
        templateId: String(NEW_IDS["2"]),
        unprivilegedBkToken: QA.unprivilegedBkToken,
        exampleTemplates: Object.fromEntries(Object.entries(NEW_IDS).map(([from, to]) => [from, String(to)])),
      },
    });
    expect(result.preflight.problems).toEqual([]);
    expect(result.checks.filter((c) => c.status === "failed").map((c) => `${c.id}: ${c.reason}`)).toEqual([]);
    const skipped = result.checks.filter((c) => c.status === "skipped").map((c) => c.id);
    // Only what a whitelisted app gets (none was given).
    expect(skipped.length).toBeGreaterThan(0);
    for (const id of skipped) expect(id).toMatch(/\.trusted_/);
    // The excluded node is the imported copy of the documented one.
    const exclude = result.checks.find((c) => c.id === "examples.createTask.exclude_optional_node");
    expect(exclude?.exchanges.at(-1)?.request.body).not.toContain("node880ded556c6c3c269be3cedc64b6");
  });
});
