import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/connection.js";
import { migrations } from "../../src/db/migrations.js";
import { createStore } from "../../src/db/store.js";
import { storeTemplate } from "../../src/templates/load.js";
import { parseTemplateFile, TemplateFileError } from "../../src/templates/template-file.js";
import { freshContext } from "../helpers.js";

const documented = JSON.parse(
  readFileSync(new URL("../../demo/templates/1-documented-example.json", import.meta.url), "utf8"),
);
const { creator: _c, create_time: _t, editor: _e, edit_time: _u, ...bare } = documented;

const head = (context: ReturnType<typeof freshContext>, id: number) =>
  context.store.templates.list({ source: "project", projectId: 3, ids: [id] })[0];

describe("template metadata from template files", () => {
  it("keeps what a file gives, in bk-sops' format or ISO 8601", () => {
    const context = freshContext();
    storeTemplate(
      context.store,
      parseTemplateFile({
        ...bare,
        template_id: 40,
        creator: "alice",
        create_time: "2024-01-02 03:04:05 +0800",
        editor: "bob",
        edit_time: "2024-02-03T04:05:06Z",
        notify_type: ["mail"],
        notify_receivers: { receiver_group: ["Maintainers"], more_receiver: "" },
        executor_proxy: "robot",
      }),
      "test",
    );
    expect(head(context, 40)).toMatchObject({
      creator: "alice",
      createTime: "2024-01-01T19:04:05.000Z",
      editor: "bob",
      editTime: "2024-02-03T04:05:06.000Z",
      notifyType: '["mail"]',
      notifyReceivers: '{"receiver_group":["Maintainers"],"more_receiver":""}',
      executorProxy: "robot",
    });
  });

  it("takes the metadata of a get_template_info answer", () => {
    const context = freshContext();
    const { source: _s, template_id: _i, bk_biz_id: _b, ...rest } = bare;
    storeTemplate(
      context.store,
      parseTemplateFile({
        result: true,
        data: {
          ...rest,
          id: 41,
          bk_biz_id: 2,
          creator: "carol",
          create_time: "2023-05-06 07:08:09 +0800",
          editor: null,
        },
      }),
      "test",
    );
    expect(head(context, 41)).toMatchObject({
      creator: "carol",
      createTime: "2023-05-05T23:08:09.000Z",
      editor: null,
    });
  });

  it("gives a file without times the time of its first load, and keeps it on reload", () => {
    const context = freshContext();
    const file = { ...bare, template_id: 42 };
    storeTemplate(context.store, parseTemplateFile(file), "test");
    const first = head(context, 42);
    expect(first).toMatchObject({ creator: "admin", editor: null });
    expect(Date.now() - Date.parse(first?.createTime ?? "")).toBeLessThan(60_000);
    storeTemplate(context.store, parseTemplateFile({ ...file, name: "renamed" }), "test");
    const again = head(context, 42);
    expect(again?.name).toBe("renamed");
    expect(again?.createTime).toBe(first?.createTime);
    expect(again?.editTime).toBe(first?.editTime);
  });

  it("counts a changed tree as an edit", () => {
    const context = freshContext();
    const file = {
      ...bare,
      template_id: 43,
      create_time: "2020-01-01T00:00:00Z",
      edit_time: "2020-01-01T00:00:00Z",
    };
    storeTemplate(context.store, parseTemplateFile(file), "test");
    const { edit_time: _drop, ...withoutEditTime } = file;
    const changed = {
      ...withoutEditTime,
      pipeline_tree: { ...bare.pipeline_tree, constants: {} },
    };
    storeTemplate(context.store, parseTemplateFile(changed), "test");
    const row = head(context, 43);
    expect(row?.createTime).toBe("2020-01-01T00:00:00.000Z");
    expect(row?.editTime).not.toBe("2020-01-01T00:00:00.000Z");
  });

  it.each([
    ["a time without a zone", { create_time: "2024-01-02 03:04:05" }, '"create_time" must be a time'],
    ["a time that is a number", { edit_time: 1700000000 }, '"edit_time" must be a time'],
    ["an empty creator", { creator: "" }, '"creator" must not be empty'],
    ["an editor that is a number", { editor: 7 }, '"editor" must be a string when given'],
    [
      "an executor proxy that is a list",
      { executor_proxy: ["a"] },
      '"executor_proxy" must be a string when given',
    ],
  ])("refuses %s", (_name, extra, message) => {
    expect(() => parseTemplateFile({ ...bare, ...extra })).toThrow(TemplateFileError);
    expect(() => parseTemplateFile({ ...bare, ...extra })).toThrow(message);
  });
});

describe("migration 5 on a database made before template metadata", () => {
  it("dates existing templates by their last load and names no editor", () => {
    const dir = mkdtempSync(join(tmpdir(), "bksops-migrate-"));
    const path = join(dir, "old.sqlite");
    try {
      const old = new Database(path);
      const first = migrations.find((migration) => migration.version === 1);
      if (!first) throw new Error("migration 1 missing");
      old.exec(first.sql);
      old.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
        INSERT INTO schema_migrations VALUES (1, 'v1', '2024-01-01T00:00:00Z');
        INSERT INTO projects (id, bk_biz_id, name) VALUES (3, 2, 'p');
        INSERT INTO templates (source, id, project_id, name, pipeline_tree, updated_at)
          VALUES ('project', 9, 3, 'old', '${JSON.stringify(bare.pipeline_tree).replace(/'/g, "''")}', '2024-03-04T05:06:07.000Z');`);
      old.close();
      const db = openDatabase(path);
      const store = createStore(db);
      expect(store.templates.list({ source: "project", projectId: 3 })[0]).toMatchObject({
        id: 9,
        creator: "admin",
        createTime: "2024-03-04T05:06:07.000Z",
        editTime: "2024-03-04T05:06:07.000Z",
        editor: null,
        notifyType: "[]",
        notifyReceivers: "{}",
        executorProxy: "",
      });
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
