import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate } from "../../src/db/connection.js";
import { migrations } from "../../src/db/migrations.js";

/** A database as a server before migration 3 left it: migration 1 only, one template with schemes. */
function before3() {
  const db = new Database(":memory:");
  db.exec(
    `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
  );
  const first = migrations.find((m) => m.version === 1);
  db.exec(first?.sql ?? "");
  db.prepare("INSERT INTO schema_migrations VALUES (1, 'first', 'then')").run();
  db.prepare("INSERT INTO projects (id, bk_biz_id, name) VALUES (3, 2, 'p')").run();
  db.prepare(
    `INSERT INTO templates (source, id, project_id, name, pipeline_tree, schemes, updated_at)
     VALUES ('project', 7, 3, 't', '{"activities":{}}', ?, '2026-01-01T00:00:00Z')`,
  ).run(
    JSON.stringify([
      { id: 1, unique_id: "1-deploy only", data: ["a"] },
      { id: 2, unique_id: "2-with-dash-name", data: [] },
    ]),
  );
  return db;
}

describe("migration 3: template versions and bk-sops' scheme unique ids", () => {
  it("rewrites scheme unique ids to <template id>-<scheme name> and keeps the name", () => {
    const db = before3();
    migrate(db);
    const row = db.prepare("SELECT schemes FROM templates WHERE id = 7").get() as { schemes: string };
    expect(JSON.parse(row.schemes)).toEqual([
      { id: 1, name: "deploy only", unique_id: "7-deploy only", data: ["a"] },
      { id: 2, name: "with-dash-name", unique_id: "7-with-dash-name", data: [] },
    ]);
  });

  it("gives existing templates a version, kept in template_versions with their tree", () => {
    const db = before3();
    migrate(db);
    const template = db.prepare("SELECT version FROM templates WHERE id = 7").get() as { version: string };
    expect(template.version).toMatch(/^[0-9a-f]{32}$/);
    const version = db.prepare("SELECT version, pipeline_tree FROM template_versions WHERE id = 7").get();
    expect(version).toEqual({ version: template.version, pipeline_tree: '{"activities":{}}' });
  });
});
