import type { ConditionalParallelGateway, ExclusiveGateway, PipelineTree } from "@bksops/domain";
import { normalizeInPlace } from "@bksops/domain";
import { buildTree, constant, flowId } from "@bksops/domain/testing";
import { describe, expect, it } from "vitest";
import { decideConditionalParallel, decideExclusive } from "../../src/engine/conditions.js";

/** start → g → (a | b) → c → end, g exclusive or conditional-parallel, with the given conditions. */
function branching(
  kind: "exclusive" | "condparallel",
  conditions: [string, string],
  values: Record<string, unknown>,
) {
  const tree = buildTree({
    nodes: { g: kind, a: "act", b: "act", c: "converge" },
    edges: [
      ["start", "g"],
      ["g", "a"],
      ["g", "b"],
      ["a", "c"],
      ["b", "c"],
      ["c", "end"],
    ],
    conditions: { [flowId("g", "a")]: conditions[0], [flowId("g", "b")]: conditions[1] },
  });
  tree.constants = Object.fromEntries(
    Object.entries(values).map(([key, value], i) => [key, constant(key, i, { value })]),
  );
  normalizeInPlace(tree);
  return tree;
}

const withDefault = (tree: PipelineTree, target: "a" | "b") => {
  (tree.gateways.g as ExclusiveGateway).default_condition = { flow_id: flowId("g", target), name: "default" };
  return tree;
};

const exclusive = (tree: PipelineTree) => decideExclusive(tree.gateways.g as ExclusiveGateway, tree);
const parallel = (tree: PipelineTree) =>
  decideConditionalParallel(tree.gateways.g as ConditionalParallelGateway, tree);

describe("an exclusive gateway", () => {
  it.each([
    [
      "the branch whose condition holds",
      ['${env} == "prod"', '${env} != "prod"'],
      { "${env}": "prod" },
      ["a"],
    ],
    ["the other branch", ['${env} == "prod"', '${env} != "prod"'], { "${env}": "test" }, ["b"]],
    ["numbers compared as numbers", ["${n} > 10", "${n} <= 10"], { "${n}": 12 }, ["a"]],
    ["a number in text compared as a number", ["${n} > 10", "${n} <= 10"], { "${n}": "9" }, ["b"]],
    ["a boolean constant", ["${go} == True", "${go} == False"], { "${go}": false }, ["b"]],
    [
      "membership",
      ['${region} in ("gz", "sh")', '${region} notin ("gz", "sh")'],
      { "${region}": "sh" },
      ["a"],
    ],
  ])("follows %s", (_name, conditions, values, targets) => {
    expect(exclusive(branching("exclusive", conditions as [string, string], values))).toEqual({
      ok: true,
      targets,
    });
  });

  it("takes the default branch when no condition holds", () => {
    const tree = withDefault(branching("exclusive", ["1 == 2", "2 == 3"], {}), "b");
    expect(exclusive(tree)).toEqual({ ok: true, targets: ["b"] });
  });

  it("fails when no condition holds and there is no default", () => {
    expect(exclusive(branching("exclusive", ["1 == 2", "2 == 3"], {}))).toEqual({
      ok: false,
      exData: "all conditions of branches are not meet",
    });
  });

  it("fails when several conditions hold, naming their flows", () => {
    expect(exclusive(branching("exclusive", ["1 == 1", "2 == 2"], {}))).toEqual({
      ok: false,
      exData: `multiple conditions meet: ['${flowId("g", "a")}', '${flowId("g", "b")}']`,
    });
  });

  it("fails on a condition the language cannot parse, with the context it had", () => {
    const decision = exclusive(
      branching("exclusive", ['${env} == "prod"', "1 == 1"], { "${env}": "pre prod" }),
    );
    expect(decision).toEqual({
      ok: false,
      exData:
        'evaluate[${env} == "prod"] fail with data[{"env": "pre prod"}]：please check if some variable not exists ' +
        'or the expression is unsupported, related reference is <a href="https://boolrule.readthedocs.io/en/latest/expressions.html">boolrule</a>',
    });
  });

  it("fails on a comparison Python refuses, showing the rendered condition", () => {
    const decision = exclusive(branching("exclusive", ['${n} < "a"', "1 == 1"], { "${n}": 3 }));
    expect(decision).toEqual({
      ok: false,
      exData: `evaluate[3 < "a"] fail with data[{"n": 3}] message: '<' not supported between instances of 'int' and 'str'`,
    });
  });

  it("fails when the constants refer to each other in a loop", () => {
    const decision = exclusive(
      branching("exclusive", ["${a} == 1", "1 == 2"], { "${a}": "${b}", "${b}": "${a}" }),
    );
    expect(decision.ok).toBe(false);
    expect(!decision.ok && decision.exData).toMatch(
      /^evaluation context hydrate failed\(maximum recursion depth/,
    );
  });
});

describe("a conditional parallel gateway", () => {
  it("runs every branch whose condition holds", () => {
    expect(parallel(branching("condparallel", ["1 == 1", "${x} == 1"], { "${x}": 1 }))).toEqual({
      ok: true,
      targets: ["a", "b"],
    });
  });

  it("runs only the branches that hold", () => {
    expect(parallel(branching("condparallel", ["1 == 2", "${x} == 1"], { "${x}": 1 }))).toEqual({
      ok: true,
      targets: ["b"],
    });
  });

  it("takes the default branch when none holds, and fails without one", () => {
    const tree = branching("condparallel", ["1 == 2", "1 == 3"], {});
    expect(parallel(tree)).toEqual({ ok: false, exData: "all conditions of branches are not meet" });
    expect(parallel(withDefault(tree, "a"))).toEqual({ ok: true, targets: ["a"] });
  });

  it("names the condition as written when Python refuses it", () => {
    const decision = parallel(branching("condparallel", ['${n} < "a"', "1 == 1"], { "${n}": 3 }));
    expect(!decision.ok && decision.exData).toBe(
      `evaluate[\${n} < "a"] fail with data[{"n": 3}] message: '<' not supported between instances of 'int' and 'str'`,
    );
  });
});
