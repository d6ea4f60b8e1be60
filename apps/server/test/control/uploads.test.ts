import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEMO_TEMPLATES_DIR } from "../../src/db/demo.js";
import { control, controlledContext, DEMO_AUTH, gatewayPath, send, tableCounts } from "../helpers.js";

const demoFile = JSON.parse(readFileSync(`${DEMO_TEMPLATES_DIR}/1-documented-example.json`, "utf8"));
const auth = { "X-Bkapi-Authorization": JSON.stringify(DEMO_AUTH) };

/** What a real bk-sops' get_template_info answers for that template (no canvas). */
function templateInfoAnswer(id: number) {
  const { line: _line, location: _location, ...tree } = demoFile.pipeline_tree;
  return {
    result: true,
    data: {
      id,
      name: "saved from a deployment",
      bk_biz_id: "2",
      project_id: 3,
      category: "Default",
      pipeline_tree: tree,
    },
    code: 0,
  };
}

/** The demo tree with its "pause" node turned into a subprocess of project template `child`. */
function withSubprocess(child: number) {
  const tree = structuredClone(demoFile.pipeline_tree);
  const pause = tree.activities.node880ded556c6c3c269be3cedc64b6;
  tree.activities.node880ded556c6c3c269be3cedc64b6 = {
    ...pause,
    type: "SubProcess",
    component: undefined,
    template_id: child,
    template_source: "project",
    always_use_latest: true,
    constants: {},
  };
  return tree;
}

describe("uploading templates while the server runs", () => {
  it("takes the TEMPLATES_DIR file format; create_task uses the template at once", async () => {
    const context = controlledContext();
    const answer = await control(context, "POST", "/templates", {
      ...demoFile,
      template_id: 42,
      name: "mine",
    });
    expect(answer.json).toEqual({
      result: true,
      data: { stored: [{ source: "project", template_id: 42, bk_biz_id: 2, name: "mine" }] },
    });
    const created = await send(context, gatewayPath(42, 2), { body: { name: "from upload" }, headers: auth });
    expect(created.json.result).toBe(true);
  });

  it("takes a get_template_info answer, whole or its data, and draws its canvas", async () => {
    const context = controlledContext();
    const whole = templateInfoAnswer(43);
    const answer = await control(context, "POST", "/templates", [whole, { ...whole.data, id: 44 }]);
    expect(answer.json.data.stored.map((t: { template_id: number }) => t.template_id)).toEqual([43, 44]);
    const stored = context.store.templates.findProjectTemplate(44, 3);
    expect(stored?.tree.line).toHaveLength(Object.keys(demoFile.pipeline_tree.flows).length);
    expect(
      (await send(context, gatewayPath(43, 2), { body: { name: "t" }, headers: auth })).json.result,
    ).toBe(true);
  });

  it("replaces a template of the same id", async () => {
    const context = controlledContext();
    await control(context, "POST", "/templates", { ...demoFile, name: "renamed demo" });
    expect(context.store.templates.findProjectTemplate(1, 3)?.name).toBe("renamed demo");
  });

  it.each([
    [
      "a template without a name",
      { ...demoFile, name: "" },
      /^nothing stored: "name" must be a non-empty string$/,
    ],
    [
      "a tree whose flow points nowhere",
      {
        ...demoFile,
        pipeline_tree: {
          ...demoFile.pipeline_tree,
          flows: {
            ...demoFile.pipeline_tree.flows,
            lbad: { id: "lbad", source: "nowhere", target: "nowhere", is_default: false },
          },
        },
      },
      /^nothing stored: .*lbad/,
    ],
    [
      // A scheme naming a node the tree no longer has is kept, as bk-sops keeps it; ids that are
      // not text are not node ids at all.
      "a scheme whose nodes are not ids",
      { ...demoFile, schemes: [{ id: 1, name: "s", data: [1] }] },
      /schemes\[0\]\.data must be a list of activity ids/,
    ],
    [
      // bamboo pipeline/models.py::TemplateManager.subprocess_ref_validate, at save time.
      "a subprocess naming a template nobody loaded",
      {
        ...demoFile,
        template_id: 60,
        pipeline_tree: withSubprocess(999),
      },
      /^nothing stored: TaskTemplate matching query does not exist\./,
    ],
    ["not an object", "[1]", /^request body: /],
    ["not JSON", "{", /^the body must be JSON$/],
    ["an empty list", [], /^request body: /],
  ])("refuses %s, saying why, and stores nothing", async (_name, body, message) => {
    const context = controlledContext();
    const before = tableCounts(context);
    const answer = await control(context, "POST", "/templates", body);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ result: false, message: expect.stringMatching(message), code: 3540000 });
    expect(tableCounts(context)).toEqual(before);
  });

  it("stores none of a list when one is bad, naming each bad one by position", async () => {
    const context = controlledContext();
    const before = tableCounts(context);
    const answer = await control(context, "POST", "/templates", [
      { ...demoFile, template_id: 50 },
      { ...demoFile, template_id: 0 },
      { ...demoFile, template_id: 52, name: 7 },
    ]);
    expect(answer.status).toBe(400);
    expect(answer.json.message).toBe(
      'nothing stored: template 1: "template_id" must be a positive integer; template 2: "name" must be a non-empty string',
    );
    expect(tableCounts(context)).toEqual(before);
  });
});

describe("uploading templates with subprocesses", () => {
  it("takes a parent and its child in one upload, in any order, and unfolds the child in a task", async () => {
    const context = controlledContext();
    const answer = await control(context, "POST", "/templates", [
      { ...demoFile, template_id: 61, name: "parent", pipeline_tree: withSubprocess(62) },
      { ...demoFile, template_id: 62, name: "child" },
    ]);
    expect(answer.json.result).toBe(true);
    const created = await send(context, gatewayPath(61, 2), { body: { name: "t" }, headers: auth });
    const sub = Object.values(created.json.data.pipeline_tree.activities).find(
      (act) => (act as { type: string }).type === "SubProcess",
    ) as { pipeline: { activities: object }; original_template_id: string };
    expect(sub.original_template_id).toBe("62");
    expect(Object.keys(sub.pipeline.activities)).toHaveLength(2);
  });
});
