import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEMO_TEMPLATES_DIR } from "../../src/db/demo.js";
import { storeTemplate } from "../../src/templates/load.js";
import { parseTemplateFile } from "../../src/templates/template-file.js";
import type { TestServerContext } from "../../src/testing.js";
import { control, controlledContext, DEMO_AUTH, freshContext, send } from "../helpers.js";

// The repositories keep what every request looks up (apps, users by token, projects, templates,
// and a template read's encoded answer). These tests change the rows and check that the next
// request sees the change, however it was made.

const demoFile = JSON.parse(readFileSync(`${DEMO_TEMPLATES_DIR}/1-documented-example.json`, "utf8"));

const readTemplate = (context: TestServerContext, query = "", auth: Record<string, string> = DEMO_AUTH) =>
  send(context, `/api/bk-sops/prod/get_template_info/1/2/${query}`, {
    method: "GET",
    headers: { "X-Bkapi-Authorization": JSON.stringify(auth) },
  });

describe("what the repositories keep in memory follows the stored rows", () => {
  it("a template read answers the new name and tree once the template is stored again", async () => {
    const context = freshContext();
    const before = await readTemplate(context);
    expect(before.json.data.name).toBe(demoFile.name);
    const tree = structuredClone(demoFile.pipeline_tree);
    tree.constants["${content}"].name = "renamed variable";
    storeTemplate(
      context.store,
      parseTemplateFile({ ...demoFile, name: "edited", pipeline_tree: tree }),
      "test",
    );
    const after = await readTemplate(context);
    expect(after.json.data.name).toBe("edited");
    expect(after.json.data.pipeline_tree.constants["${content}"].name).toBe("renamed variable");
  });

  it("a template read with other options answers for those options, not the first ones asked", async () => {
    const context = freshContext();
    const plain = await readTemplate(context);
    const withMore = await readTemplate(context, "?include_constants=true&include_notify=1");
    const plainAgain = await readTemplate(context);
    expect(plain.json.data.template_constants).toBeUndefined();
    expect(plain.json.data.notify_type).toBeUndefined();
    expect(Array.isArray(withMore.json.data.template_constants)).toBe(true);
    expect(withMore.json.data.notify_type).toBeDefined();
    expect(plainAgain.text).toBe(plain.text.replace(plain.json.trace_id, plainAgain.json.trace_id));
  });

  it("a renamed project shows in the next template read", async () => {
    const context = freshContext();
    await readTemplate(context);
    const project = context.store.projects.find(2, "cmdb_biz");
    if (!project) throw new Error("the demo business 2 has no project");
    context.store.projects.upsert({ ...project, name: "renamed project" });
    const after = await readTemplate(context);
    expect(after.json.data.project_name).toBe("renamed project");
  });

  it("an app's new secret is required once it is stored, and the old one is refused", async () => {
    const context = freshContext();
    expect((await readTemplate(context)).json.result).toBe(true);
    const app = context.store.apps.find(DEMO_AUTH.bk_app_code);
    if (!app) throw new Error("the demo app is missing");
    context.store.apps.upsert({ ...app, secret: "rotated" });
    const old = await readTemplate(context);
    expect(old.status).toBe(400);
    expect(old.json.message).toMatch(/bk_app_code or bk_app_secret is incorrect/);
    expect((await readTemplate(context, "", { ...DEMO_AUTH, bk_app_secret: "rotated" })).json.result).toBe(
      true,
    );
  });

  it("a user's old token stops naming them once a new one is stored", async () => {
    const context = freshContext();
    expect((await readTemplate(context)).json.result).toBe(true);
    const user = context.store.users.findByToken(DEMO_AUTH.bk_token);
    if (!user) throw new Error("the demo token names nobody");
    context.store.users.upsert({ ...user, bkToken: "new-token" });
    const old = await readTemplate(context);
    expect(old.status).toBe(400);
    expect(old.json.message).toMatch(/user authentication failed/);
    expect((await readTemplate(context, "", { ...DEMO_AUTH, bk_token: "new-token" })).json.result).toBe(true);
  });

  it("a reset puts back the rows that were changed, and requests see them again", async () => {
    const context = controlledContext();
    const app = context.store.apps.find(DEMO_AUTH.bk_app_code);
    if (!app) throw new Error("the demo app is missing");
    context.store.apps.upsert({ ...app, secret: "rotated" });
    const project = context.store.projects.find(2, "cmdb_biz");
    if (!project) throw new Error("the demo business 2 has no project");
    context.store.projects.upsert({ ...project, name: "renamed project" });
    // Found, and so kept in memory, with the changed rows.
    expect(
      (await readTemplate(context, "", { ...DEMO_AUTH, bk_app_secret: "rotated" })).json.data.project_name,
    ).toBe("renamed project");
    expect((await control(context, "POST", "/reset", {})).status).toBe(200);
    const after = await readTemplate(context);
    expect(after.json.result).toBe(true);
    expect(after.json.data.project_name).toBe(project.name);
  });

  it("a template stored after start is gone after a reset, for the permission check too", async () => {
    const context = controlledContext();
    storeTemplate(context.store, parseTemplateFile({ ...demoFile, template_id: 50 }), "test");
    const read = () =>
      send(context, "/api/bk-sops/prod/get_template_info/50/2/", {
        method: "GET",
        headers: { "X-Bkapi-Authorization": JSON.stringify(DEMO_AUTH) },
      });
    expect((await read()).json.result).toBe(true);
    expect(context.store.templates.exists("project", 50)).toBe(true);
    expect((await control(context, "POST", "/reset", {})).status).toBe(200);
    expect(context.store.templates.exists("project", 50)).toBe(false);
    const after = await read();
    expect(after.json.result).toBe(false);
  });
});
