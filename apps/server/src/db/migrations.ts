/**
 * Numbered, append-only schema migrations. Never edit one that has shipped: add the next
 * number. Each runs in its own transaction and is recorded in `schema_migrations`.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: "projects, apps, users, templates, tasks",
    sql: `
      CREATE TABLE projects (
        id          INTEGER PRIMARY KEY,
        bk_biz_id   INTEGER NOT NULL UNIQUE,
        name        TEXT    NOT NULL,
        from_cmdb   INTEGER NOT NULL DEFAULT 1
      );
      CREATE TABLE apps (
        code                TEXT    PRIMARY KEY,
        secret              TEXT    NOT NULL,
        name                TEXT    NOT NULL DEFAULT '',
        -- bk-sops' APP_WHITELIST: trusted apps skip the IAM check.
        trusted             INTEGER NOT NULL DEFAULT 0,
        -- The login-exempt whitelist: these apps may name the user with bk_username.
        user_verify_exempt  INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE users (
        username         TEXT    PRIMARY KEY,
        bk_token         TEXT    UNIQUE,
        -- Whether IAM grants this user flow_create_task / common_flow_create_task.
        can_create_task  INTEGER NOT NULL DEFAULT 1,
        created_at       TEXT    NOT NULL
      );
      CREATE TABLE templates (
        source         TEXT    NOT NULL CHECK (source IN ('project', 'common')),
        id             INTEGER NOT NULL,
        project_id     INTEGER REFERENCES projects (id),
        name           TEXT    NOT NULL,
        category       TEXT    NOT NULL DEFAULT 'Default',
        description    TEXT    NOT NULL DEFAULT '',
        pipeline_tree  TEXT    NOT NULL,
        schemes        TEXT    NOT NULL DEFAULT '[]',
        is_deleted     INTEGER NOT NULL DEFAULT 0,
        origin         TEXT    NOT NULL DEFAULT 'demo',
        updated_at     TEXT    NOT NULL,
        PRIMARY KEY (source, id),
        CHECK ((source = 'project') = (project_id IS NOT NULL))
      );
      CREATE TABLE tasks (
        -- AUTOINCREMENT: ids strictly increase and are never reused, even after a delete.
        id                    INTEGER PRIMARY KEY AUTOINCREMENT,
        project_id            INTEGER NOT NULL REFERENCES projects (id),
        pipeline_instance_id  TEXT    NOT NULL UNIQUE,
        name                  TEXT    NOT NULL,
        description           TEXT    NOT NULL DEFAULT '',
        category              TEXT    NOT NULL,
        template_id           TEXT    NOT NULL,
        template_source       TEXT    NOT NULL,
        creator               TEXT    NOT NULL,
        create_method         TEXT    NOT NULL,
        create_info           TEXT    NOT NULL,
        flow_type             TEXT    NOT NULL,
        current_flow          TEXT    NOT NULL,
        engine_ver            INTEGER NOT NULL DEFAULT 2,
        extra_info            TEXT    NOT NULL,
        pipeline_tree         TEXT    NOT NULL,
        callback_url          TEXT,
        callback_version      TEXT,
        is_deleted            INTEGER NOT NULL DEFAULT 0,
        is_started            INTEGER NOT NULL DEFAULT 0,
        is_finished           INTEGER NOT NULL DEFAULT 0,
        is_revoked            INTEGER NOT NULL DEFAULT 0,
        is_child_taskflow     INTEGER NOT NULL DEFAULT 0,
        created_at            TEXT    NOT NULL
      );
      CREATE TABLE function_tasks (
        task_id     INTEGER PRIMARY KEY REFERENCES tasks (id),
        creator     TEXT    NOT NULL,
        status      TEXT    NOT NULL DEFAULT 'submitted',
        created_at  TEXT    NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: "task execution: start and finish times, and the simulated engine's runs",
    sql: `
      -- PipelineInstance's execution fields: when the task was started and finished, and by whom.
      ALTER TABLE tasks ADD COLUMN start_time TEXT;
      ALTER TABLE tasks ADD COLUMN finish_time TEXT;
      ALTER TABLE tasks ADD COLUMN executor TEXT NOT NULL DEFAULT '';
      -- One row per started task: the engine's state of the run (node states, execution data,
      -- processes) as JSON. live = 1 while a process can still move or wait; next_wake_at is
      -- when the earliest running activity ends (epoch ms), so a restart re-arms its timers.
      CREATE TABLE task_runs (
        task_id       INTEGER PRIMARY KEY REFERENCES tasks (id),
        run           TEXT    NOT NULL,
        live          INTEGER NOT NULL,
        next_wake_at  INTEGER,
        updated_at    TEXT    NOT NULL
      );
      CREATE INDEX task_runs_live ON task_runs (live) WHERE live = 1;
    `,
  },
  {
    version: 3,
    name: "template versions, scheme unique ids as bk-sops makes them",
    sql: `
      -- bk-sops keeps every version of a template (a snapshot named by the md5 of its tree); a
      -- subprocess node may pin one. The current version is named on the template.
      ALTER TABLE templates ADD COLUMN version TEXT NOT NULL DEFAULT '';
      CREATE TABLE template_versions (
        source         TEXT    NOT NULL,
        id             INTEGER NOT NULL,
        version        TEXT    NOT NULL,
        pipeline_tree  TEXT    NOT NULL,
        created_at     TEXT    NOT NULL,
        PRIMARY KEY (source, id, version),
        FOREIGN KEY (source, id) REFERENCES templates (source, id)
      );
      -- Rows stored before versions existed: their version is unknown, so they get a random one.
      UPDATE templates SET version = lower(hex(randomblob(16))) WHERE version = '';
      INSERT INTO template_versions (source, id, version, pipeline_tree, created_at)
        SELECT source, id, version, pipeline_tree, updated_at FROM templates;
      -- A scheme's unique id is '<template id>-<scheme name>' (it was '<scheme id>-<name>').
      UPDATE templates SET schemes = (
        SELECT json_group_array(json_object(
          'id', json_extract(s.value, '$.id'),
          'name', substr(json_extract(s.value, '$.unique_id'), instr(json_extract(s.value, '$.unique_id'), '-') + 1),
          'unique_id', templates.id || '-' ||
            substr(json_extract(s.value, '$.unique_id'), instr(json_extract(s.value, '$.unique_id'), '-') + 1),
          'data', json(json_extract(s.value, '$.data'))))
        FROM json_each(templates.schemes) AS s)
      WHERE json_array_length(schemes) > 0;
    `,
  },
  {
    version: 5,
    name: "template metadata: creator, times, notification and executor proxy",
    // What bk-sops' template lists and details answer besides the tree (PipelineTemplate's creator,
    // create_time, editor, edit_time; the template's notify_type, notify_receivers and
    // executor_proxy, kept as the JSON text bk-sops stores). Times are ISO 8601 instants in UTC.
    sql: `
      ALTER TABLE templates ADD COLUMN creator TEXT NOT NULL DEFAULT 'admin';
      ALTER TABLE templates ADD COLUMN create_time TEXT;
      ALTER TABLE templates ADD COLUMN editor TEXT;
      ALTER TABLE templates ADD COLUMN edit_time TEXT;
      ALTER TABLE templates ADD COLUMN notify_type TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE templates ADD COLUMN notify_receivers TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE templates ADD COLUMN executor_proxy TEXT NOT NULL DEFAULT '';
      UPDATE templates SET create_time = updated_at, edit_time = updated_at;
    `,
  },
];
