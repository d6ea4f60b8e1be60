// (c) The storage ceiling: a minimal Hono + better-sqlite3 handler with the reference server's
// settings (same schema and migrations, WAL + synchronous=FULL, prepared statements) that reads
// the template row, inserts one task row of the same size as the reference server's, and answers
// the same bytes. No validation, auth, tree building or serialisation: what the real handler
// can at best approach.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { serve } from "@hono/node-server";
import Database from "better-sqlite3";
import { Hono } from "hono";
import { GroupCommit } from "../../dist/db/group-commit.js";
import { migrations } from "../../dist/db/migrations.js";

// BENCH_GROUP_COMMIT=1 gives (c'): the same handler with the reference server's group commit,
// the storage ceiling of a server that batches its commits as the reference server does.
const grouped = process.env.BENCH_GROUP_COMMIT === "1";

const answer = readFileSync(process.env.BENCH_ANSWER_FILE ?? "", "utf8");
const treeJson = JSON.stringify(JSON.parse(answer).data.pipeline_tree);
const templateTree = readFileSync(
  new URL("../../demo/templates/1-documented-example.json", import.meta.url),
  "utf8",
);

const db = new Database(process.env.DATABASE_PATH ?? ":memory:");
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
db.pragma("foreign_keys = ON");
db.pragma("busy_timeout = 5000");
for (const migration of migrations) db.exec(migration.sql);
db.prepare("INSERT INTO projects (id, bk_biz_id, name) VALUES (3, 2, 'Demo business')").run();
db.prepare(
  `INSERT INTO templates (source, id, project_id, name, pipeline_tree, updated_at)
   VALUES ('project', 1, 3, 'documented example', ?, ?)`,
).run(JSON.stringify(JSON.parse(templateTree).pipeline_tree), new Date().toISOString());

const template = db.prepare(
  "SELECT pipeline_tree FROM templates WHERE source = 'project' AND id = ? AND project_id = ? AND is_deleted = 0",
);
const insert = db.prepare(
  `INSERT INTO tasks (project_id, pipeline_instance_id, name, description, category, template_id,
     template_source, creator, create_method, create_info, flow_type, current_flow, engine_ver,
     extra_info, pipeline_tree, callback_url, callback_version, created_at)
   VALUES (3, ?, ?, '', 'Default', ?, 'project', 'admin', 'api', 'esb_test', 'common', 'execute_task', 2,
     '{"keys_in_constants_parameter":[]}', ?, NULL, NULL, ?)`,
);

const group = new GroupCommit(db, (values) => insert.run(...values));

const app = new Hono();
app.post("/api/c/compapi/v2/sops/create_task/", async (c) => {
  const body = await c.req.json();
  const row = template.get(Number(body.template_id), 3);
  if (!row) return c.json({ result: false }, 404);
  // A random pipeline instance id, like a real task's tree id: keys of the UNIQUE index land at
  // random places, as the reference server's do (sequential keys would make every insert cheaper).
  const instanceId = `n${randomBytes(16).toString("hex").slice(1)}`;
  const values = [
    instanceId,
    String(body.name),
    String(body.template_id),
    treeJson,
    new Date().toISOString(),
  ];
  if (grouped) await group.submit(values);
  else insert.run(...values);
  return c.body(answer, 200, { "Content-Type": "application/json" });
});

const server = serve(
  { fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: "127.0.0.1" },
  (info) => {
    console.log(`hono+sqlite ceiling listening on http://127.0.0.1:${info.port}`);
  },
);
process.on("SIGTERM", () =>
  server.close(() => {
    db.close();
    process.exit(0);
  }),
);
