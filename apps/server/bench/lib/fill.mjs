// Fills a copy of a database with `count` realistic task rows, fast: one INSERT … SELECT over a
// recursive CTE, with the rollback journal and no syncs while filling (nothing to protect in a
// throw-away copy), then back to WAL so the server opens it exactly as it opens its own.
import Database from "better-sqlite3";

/** Appends `count` tasks whose tree is `treeJson` (unique instance ids); returns seconds taken. */
export function fillTasks(path, count, treeJson) {
  const started = performance.now();
  const db = new Database(path);
  db.pragma("journal_mode = DELETE");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -262144");
  const stamp = new Date().toISOString();
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO tasks (project_id, pipeline_instance_id, name, description, category, template_id,
       template_source, creator, create_method, create_info, flow_type, current_flow, engine_ver,
       extra_info, pipeline_tree, callback_url, callback_version, created_at)
     SELECT 3, printf('f%031x', i), 'filled task ' || i, '', 'Default', '1', 'project', 'admin', 'api',
       'esb_test', 'common', 'execute_task', 2,
       '{"keys_in_constants_parameter":["\${content}","\${params}","\${script_timeout}"]}', ?, NULL, NULL, ?
     FROM n`,
  ).run(count, treeJson, stamp);
  db.pragma("journal_mode = WAL");
  const total = db.prepare("SELECT count(*) AS n FROM tasks").get().n;
  db.close();
  return { seconds: (performance.now() - started) / 1000, total };
}
