import { fileURLToPath } from "node:url";
import type { Logger } from "../logger.js";
import { loadTemplatesDir, storeTemplate } from "../templates/load.js";
import { parseTemplateFile } from "../templates/template-file.js";
import type { Store } from "./store.js";

/** The demo credentials: the documented example's, and a trusted, login-exempt app. */
export const DEMO = {
  project: { id: 3, bkBizId: 2, name: "Demo business" },
  otherProject: { id: 4, bkBizId: 5, name: "Another business" },
  apps: [
    {
      code: "esb_test",
      secret: "xxx",
      name: "documented example app",
      trusted: false,
      userVerifyExempt: false,
    },
    {
      code: "demo_trusted",
      secret: "demo-secret",
      name: "trusted demo app",
      trusted: true,
      userVerifyExempt: true,
    },
  ],
  users: [
    { username: "admin", bkToken: "xxx", canCreateTask: true },
    { username: "guest", bkToken: "guest-token", canCreateTask: false },
  ],
  /** Template 5 of business 5: template 1's tree in another business (a copy, made at load). */
  otherBusinessTemplate: { templateId: 5, copyOf: 1, name: "documented example (another business)" },
} as const;

export const DEMO_TEMPLATES_DIR = fileURLToPath(new URL("../../demo/templates/", import.meta.url));

/**
 * Loads the demo data; upserts only, so running it at every start is harmless. Template 1 of
 * business 2 is the tree behind the published example; template 5 belongs to business 5;
 * template 6 (business 2) and common template 101 are in a second category each.
 */
export function loadDemoData(store: Store, logger?: Logger): void {
  store.db.transaction(() => {
    store.projects.upsert({ ...DEMO.project, fromCmdb: true });
    store.projects.upsert({ ...DEMO.otherProject, fromCmdb: true });
    for (const app of DEMO.apps) store.apps.upsert(app);
    for (const user of DEMO.users) store.users.upsert(user);
  })();
  const report = loadTemplatesDir(store, DEMO_TEMPLATES_DIR, "demo", logger);
  if (report.skipped.length > 0) {
    throw new Error(
      `demo templates are invalid: ${report.skipped.map((s) => `${s.file}: ${s.reason}`).join("; ")}`,
    );
  }
  const copy = DEMO.otherBusinessTemplate;
  const documented = store.templates.findProjectTemplate(copy.copyOf, DEMO.project.id);
  if (documented) {
    storeTemplate(
      store,
      parseTemplateFile({
        source: "project",
        bk_biz_id: DEMO.otherProject.bkBizId,
        template_id: copy.templateId,
        name: copy.name,
        creator: documented.creator,
        create_time: documented.createTime,
        editor: documented.editor,
        edit_time: documented.editTime,
        pipeline_tree: documented.tree,
      }),
      "demo",
    );
  }
}
