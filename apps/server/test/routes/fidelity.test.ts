// create_task on trees that use what real bk-sops templates use: subprocesses (demo template 7),
// default branches, labels, execution schemes by unique id, and request trees checked with bk-sops'
// texts. Each case names the upstream code it follows.
import type { PipelineTree, SubProcess } from "@bksops/domain";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestServerContext } from "../../src/testing.js";
import { createViaGateway, freshContext } from "../helpers.js";

// Demo template 7: A (labelled) → S1 (template 2, latest, scheme 2) → E (default branch to C)
// → S2 (common template 100, pinned) → C → end.
const S1 = "n6e61801d9bce9dc8a8f5b0c61039c36";
const S2 = "n7ad8157c5730bce85bc4c160487fe07";

type Node = Record<string, unknown>;
const activityByTemplateId = (tree: PipelineTree, id: string) =>
  Object.values(tree.activities).find((act) => act.template_node_id === id) as SubProcess;
const allNodes = (tree: PipelineTree): Node[] => [
  tree.start_event,
  tree.end_event,
  ...Object.values(tree.gateways),
  ...Object.values(tree.activities).flatMap((act) => [
    act as Node,
    ...(act.type === "SubProcess" && act.pipeline ? allNodes(act.pipeline as PipelineTree) : []),
  ]),
];

describe("subprocesses are unfolded when the task is created (pipeline_web/wrapper.py::unfold_subprocess)", () => {
  let context: TestServerContext;
  let tree: PipelineTree;
  beforeAll(async () => {
    context = freshContext();
    const answer = await createViaGateway(
      context,
      { name: "t", constants: { "${env}": "prod" } },
      { templateId: 7 },
    );
    expect(answer.json.result).toBe(true);
    tree = answer.json.data.pipeline_tree;
  });

  it("a project child following its latest version, its scheme selecting its optional nodes", () => {
    const s1 = activityByTemplateId(tree, S1);
    expect(s1).toMatchObject({ template_source: "project", original_template_id: "2" });
    expect(s1.template_id).toMatch(/^n[0-9a-f]{31}$/);
    expect(s1).not.toHaveProperty("constants");
    const child = s1.pipeline as PipelineTree;
    expect(child.id).toBe(s1.id);
    // Scheme 2 of template 2 ("with backup") runs backup, verify and deploy, not "notify owners".
    expect(
      Object.values(child.activities)
        .map((act) => act.name)
        .sort(),
    ).toEqual(["backup config", "deploy release", "verify backup"]);
    // The values the node passes down replace the child's constants.
    expect(child.constants["${version}"]?.value).toBe("${release}");
    expect(child.constants["${script_timeout}"]?.value).toBe(300);
  });

  it("a common child at the version the node pins; the recorded version is its current one", () => {
    const s2 = activityByTemplateId(tree, S2);
    expect(s2).toMatchObject({
      template_source: "common",
      original_template_id: "100",
      original_template_version: "3f6a0c2b9d1e4f5a8b7c6d5e4f3a2b1c",
    });
    expect((s2.pipeline as PipelineTree).constants["${message}"]?.value).toBe("${greeting}");
  });

  it("every node of every level has new ids, its template node id and labels", () => {
    const nodes = allNodes(tree);
    expect(nodes.length).toBeGreaterThan(10);
    for (const node of nodes) {
      expect(node.id).toMatch(/^n[0-9a-f]{31}$/);
      expect(Array.isArray(node.labels)).toBe(true);
      expect(Object.keys(node).at(-1)).toBe("labels");
    }
    expect(activityByTemplateId(tree, S1).labels).toEqual([{ label: "deploy", group: "release" }]);
  });

  it("the default branch keeps its condition-less flow, renamed (bamboo _replace_flow_in_exclusive_gateway_conditions)", () => {
    const gateway = Object.values(tree.gateways).find((g) => g.type === "ExclusiveGateway") as Node & {
      conditions: Record<string, unknown>;
      default_condition: { flow_id: string };
      outgoing: string[];
    };
    expect(gateway.outgoing).toContain(gateway.default_condition.flow_id);
    expect(Object.keys(gateway.conditions)).not.toContain(gateway.default_condition.flow_id);
    expect(tree.flows[gateway.default_condition.flow_id]).toBeDefined();
  });

  it("the stored task holds the unfolded tree it answered", async () => {
    const answer = await createViaGateway(context, { name: "again" }, { templateId: 7 });
    const stored = context.store.tasks.find(answer.json.data.task_id);
    expect(JSON.parse(stored?.pipelineTreeJson ?? "null")).toEqual(answer.json.data.pipeline_tree);
  });

  it("excluding the optional common subprocess removes it and its branch's node", async () => {
    const answer = await createViaGateway(
      context,
      { name: "t", exclude_task_nodes_id: [S2] },
      { templateId: 7 },
    );
    expect(answer.json.result).toBe(true);
    const ids = Object.values(answer.json.data.pipeline_tree.activities).map(
      (act) => (act as SubProcess).template_node_id,
    );
    expect(ids).not.toContain(S2);
    expect(Object.keys(answer.json.data.pipeline_tree.constants)).not.toContain("${greeting}");
  });
});

describe("execution schemes by unique id `<template id>-<scheme name>` (template_scheme.py)", () => {
  let context: TestServerContext;
  beforeAll(() => {
    context = freshContext();
  });

  it("names template 2's scheme by its unique id", async () => {
    const answer = await createViaGateway(
      context,
      { name: "t", template_schemes_id: "2-deploy only" },
      { templateId: 2 },
    );
    const names = Object.values(answer.json.data.pipeline_tree.activities).map(
      (act) => (act as SubProcess).name,
    );
    expect(names).toEqual(["deploy release"]);
  });

  it("refuses the old `<scheme id>-<name>` form as an unknown scheme", async () => {
    const answer = await createViaGateway(
      context,
      { name: "t", template_schemes_id: "1-deploy only" },
      { templateId: 2 },
    );
    expect(answer.json).toMatchObject({
      result: false,
      code: 3540000,
      message: "unknown template_schemes_id: 1-deploy only",
    });
  });

  it("ignores a node a scheme lists that the tree no longer has (template 7's scheme 3)", async () => {
    const answer = await createViaGateway(
      context,
      { name: "t", template_schemes_id: "7-skip checks" },
      { templateId: 7 },
    );
    expect(answer.json.result).toBe(true);
    const names = Object.values(answer.json.data.pipeline_tree.activities).map(
      (act) => (act as SubProcess).name,
    );
    expect(names).toEqual(["release (template 2)", "announce (common echo)"]);
  });
});

describe("a pipeline_tree in the request is checked with bk-sops' texts (validate_web_pipeline_tree)", () => {
  let context: TestServerContext;
  beforeAll(() => {
    context = freshContext();
  });

  it.each<[string, unknown, string]>([
    // standardize_pipeline_node_name runs first and calls .values() on it.
    ["not an object", [1], "'list' object has no attribute 'values'"],
    [
      "no end event",
      { start_event: {}, activities: {}, gateways: {}, constants: {}, outputs: [] },
      "'end_event' is a required property",
    ],
  ])("%s", async (_label, pipelineTree, text) => {
    const answer = await createViaGateway(context, { name: "t", pipeline_tree: pipelineTree });
    expect(answer.json.code).toBe(3599999);
    expect(answer.json.message).toContain(`[API] create_task get invalid pipeline_tree: `);
    expect(answer.json.message).toContain(text);
  });

  it("a request tree's subprocesses unfold from the store too (create_pipeline_instance)", async () => {
    const seven = context.store.templates.findProjectTemplate(7, 3);
    const answer = await createViaGateway(context, { name: "t", pipeline_tree: seven?.tree });
    expect(answer.json.result).toBe(true);
    expect(activityByTemplateId(answer.json.data.pipeline_tree, S1).pipeline).toBeDefined();
  });

  it("a request tree naming a child that does not exist fails at creation", async () => {
    const seven = structuredClone(context.store.templates.findProjectTemplate(7, 3)?.tree) as PipelineTree;
    (seven.activities[S1] as SubProcess).template_id = "999";
    const answer = await createViaGateway(context, { name: "t", pipeline_tree: seven });
    expect(answer.json).toMatchObject({
      result: false,
      code: 3599999,
      message: "[API] create_task create pipeline error: TaskTemplate matching query does not exist.",
    });
  });
});
