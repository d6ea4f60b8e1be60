import type { PipelineTree } from "@bksops/domain";
import { buildTree, chain } from "@bksops/domain/testing";
import { describe, expect, it } from "vitest";
import { childPipelines, pipelineTreeOf } from "../../src/engine/pipelines.js";
import { hydrate } from "../../src/engine/render.js";
import { dataOutputsOf, keptOutputs, scopeOf } from "../../src/engine/scope.js";
import { childScope, subprocessInputs } from "../../src/engine/subprocess.js";
import { constants, renamed, withChild } from "./trees.js";

const treeWith = (values: Parameters<typeof constants>[0]): PipelineTree => {
  const tree = chain({ a: "act" });
  tree.constants = constants(values);
  return tree;
};

describe("a context with plain values (bamboo's hydrate)", () => {
  const own = constants({
    "${greeting}": { value: "hello ${user}" },
    "${user}": { value: "${first}" },
    "${first}": { value: "Ada" },
  });

  it.each([
    ["constants alone, rendered with each other", {}, { greeting: "hello Ada", user: "Ada", first: "Ada" }],
    [
      "a plain value stands in for the constant of its key, and is not followed",
      { "${user}": "${nobody}" },
      { greeting: "hello ${nobody}", user: "${nobody}" },
    ],
    [
      "a plain value the constants lack, after them",
      { "${first}": "Grace", "${extra}": 1 },
      { greeting: "hello Grace", user: "Grace", first: "Grace" },
    ],
  ])("%s", (_name, plain, want) => {
    const hydrated = hydrate(own, ["${greeting}"], plain);
    expect(hydrated).toEqual(want);
    expect(Object.keys(hydrated)).toEqual(Object.keys(want));
  });

  it("asks for a plain value only the plain values have", () => {
    expect(hydrate(own, ["${extra}"], { "${extra}": [1, 2] })).toEqual({ extra: [1, 2] });
  });
});

describe("what a subprocess node hands its child", () => {
  const parent = scopeOf(
    treeWith({
      "${env}": { value: "prod" },
      "${release}": { value: "2.0" },
      "${loop}": { value: "${loop}" },
    }),
  );

  it.each([
    [
      "shown constants rendered with the parent's context",
      { "${target}": { value: "${env}-${release}" }, "${n}": { value: 3 } },
      { "${target}": "prod-2.0", "${n}": 3 },
    ],
    [
      "a lone reference gives the parent's value itself",
      { "${release}": { value: "${release}" } },
      { "${release}": "2.0" },
    ],
    [
      "hidden constants stay the child's own",
      { "${shown}": { value: "${env}" }, "${hidden}": { value: "${env}", show_type: "hide" } },
      { "${shown}": "prod" },
    ],
    [
      "need_render: false passes the value as written, after the rendered ones",
      { "${raw}": { value: "${env}", need_render: false }, "${cooked}": { value: "${env}" } },
      { "${cooked}": "prod", "${raw}": "${env}" },
    ],
    [
      "a reference the parent lacks is left as written",
      { "${x}": { value: "${missing} in ${env}" } },
      { "${x}": "${missing} in prod" },
    ],
  ])("%s", (_name, childConstants, want) => {
    const result = subprocessInputs(treeWith(childConstants), parent);
    expect(result).toEqual({ ok: true, inputs: want });
    if (result.ok) expect(Object.keys(result.inputs)).toEqual(Object.keys(want));
  });

  it("fails with the hydrate error when the parent's values refer to each other in a loop", () => {
    const result = subprocessInputs(treeWith({ "${x}": { value: "${loop}" } }), parent);
    expect(result).toEqual({
      ok: false,
      reason: "maximum recursion depth exceeded while calling a Python object",
    });
  });

  it("the child's context: its hidden constants rendered with the inputs, which stay as given", () => {
    const child = treeWith({
      "${version}": { value: "${release}" },
      "${hidden}": { value: "v=${version}", show_type: "hide" },
      // Shown, so rendered in the parent's context, where ${version} is unknown; then plain.
      "${shown}": { value: "v=${version}" },
    });
    const inputs = subprocessInputs(child, parent);
    if (!inputs.ok) throw new Error(inputs.reason);
    const scope = childScope(child, inputs.inputs);
    expect(hydrate(scope.constants, ["${hidden}", "${shown}"], scope.plain)).toEqual({
      version: "2.0",
      hidden: "v=2.0",
      shown: "v=${version}",
    });
  });
});

describe("the outputs a pipeline keeps from a node", () => {
  const tree = treeWith({
    "${first}": { source_type: "component_outputs", source_info: { a: ["_result"], b: ["_loop"] } },
    "${second}": { source_type: "component_outputs", source_info: { b: ["_result"] } },
    "${later}": { source_type: "component_outputs", source_info: { a: ["_result"] } },
    "${custom}": { source_info: { a: ["_loop"] } },
  });

  it.each([
    ["a", { _result: "${later}" }],
    ["b", { _result: "${second}" }],
    ["c", {}],
  ])(
    "node %s: only the first source of each output constant counts, the last constant wins",
    (node, want) => {
      expect(dataOutputsOf(tree, node)).toEqual(want);
    },
  );

  it("keeps what the node gave, leaves out what it did not", () => {
    expect(keptOutputs(tree, "a", { _result: true, _loop: 2 })).toEqual({ "${later}": true });
    expect(keptOutputs(tree, "a", { _loop: 2 })).toEqual({});
  });
});

describe("the pipelines of a task", () => {
  it("finds every child tree at any depth by its subprocess node's id", () => {
    const inner = renamed(chain({ x: "act" }), "i");
    const middle = withChild(renamed(chain({ deep: "sub" }), "m"), "m.deep", inner);
    const root = withChild(
      withChild(
        buildTree({
          nodes: { s1: "sub", s2: "sub" },
          edges: [
            ["start", "s1"],
            ["s1", "s2"],
            ["s2", "end"],
          ],
        }),
        "s1",
        middle,
      ),
      "s2",
      renamed(chain({ y: "act" }), "o"),
    );
    expect([...childPipelines(root).keys()].sort()).toEqual(["m.deep", "s1", "s2"]);
    expect(pipelineTreeOf(root, "root", "m.deep").activities["i.x"]).toBeDefined();
    expect(pipelineTreeOf(root, "root", "root")).toBe(root);
    expect(() => pipelineTreeOf(root, "root", "nope")).toThrow("pipeline nope is not in the task's tree");
  });
});
