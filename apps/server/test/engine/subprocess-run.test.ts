import type { PipelineTree } from "@bksops/domain";
import { buildTree, chain, flowId } from "@bksops/domain/testing";
import { describe, expect, it } from "vitest";
import { pauseRun, resumeRun, revokeRun } from "../../src/engine/commands.js";
import { nextWake, rootOf } from "../../src/engine/run.js";
import { failedNodes, taskStatusTree } from "../../src/engine/status.js";
import { bench, T0 } from "./bench.js";
import { constants, renamed, withChild } from "./trees.js";

type Json = Record<string, unknown>;

/** start → a → s → b → end, where s runs `child` (its ids prefixed `c.`). */
function around(child: PipelineTree, rootConstants: Parameters<typeof constants>[0] = {}) {
  const tree = chain({ a: "act", s: "sub", b: "act" });
  tree.constants = constants(rootConstants);
  return withChild(tree, "s", renamed(child, "c"));
}

describe("a subprocess node runs its child pipeline node by node", () => {
  it("enters the child after the node before it, runs each child node for its time, then goes on", () => {
    const b = bench(around(chain({ c1: "act", c2: "act" })));
    b.at(1000);
    expect(b.states()).toEqual({
      pipeline: "RUNNING",
      start: "FINISHED",
      a: "FINISHED",
      s: "RUNNING",
      "c.start": "FINISHED",
      "c.c1": "RUNNING",
    });
    expect(b.run.nodes["c.c1"]).toMatchObject({ parentId: "s", rootId: "pipeline" });
    expect(b.run.nodes.s).toMatchObject({ parentId: "pipeline", rootId: "pipeline" });
    expect(b.run.processes[0]?.stack).toEqual(["pipeline", "s"]);
    b.at(2000);
    expect(b.states()).toMatchObject({ s: "RUNNING", "c.c1": "FINISHED", "c.c2": "RUNNING" });
    b.at(3000);
    expect(b.states()).toMatchObject({
      s: "FINISHED",
      "c.c2": "FINISHED",
      "c.end": "FINISHED",
      b: "RUNNING",
    });
    expect(b.times("s")).toEqual([1000, 3000]);
    expect(b.run.processes[0]?.stack).toEqual(["pipeline"]);
    expect(b.run.executions.s).toEqual({ inputs: {}, outputs: { _loop: 1, _inner_loop: 1 } });
    b.at(4000);
    expect(rootOf(b.run).state).toBe("FINISHED");
    expect(b.times("pipeline")).toEqual([0, 4000]);
  });

  it.each([
    ["prod", "c.yes", "c.no"],
    ["test", "c.no", "c.yes"],
  ])("tests the child's conditions on what the node passed down (env=%s)", (env, ran, skipped) => {
    const child = buildTree({
      nodes: { g: "exclusive", yes: "act", no: "act", j: "converge" },
      edges: [
        ["start", "g"],
        ["g", "yes"],
        ["g", "no"],
        ["yes", "j"],
        ["no", "j"],
        ["j", "end"],
      ],
      conditions: { [flowId("g", "yes")]: '${target} == "prod"', [flowId("g", "no")]: '${target} != "prod"' },
      // The child's own value is replaced by what the parent passes down.
      constants: { "${target}": { value: "${env}" }, "${env}": { value: "prod", show_type: "hide" } },
    });
    const b = bench(around(child, { "${env}": { value: env } }));
    b.at(10_000);
    expect(b.states()[ran]).toBe("FINISHED");
    expect(b.states()[skipped]).toBeUndefined();
    expect(b.run.executions.s?.inputs).toEqual({ "${target}": env });
    expect(rootOf(b.run).state).toBe("FINISHED");
  });

  it("runs parallel branches inside a child, and subprocesses nested deeper, each in its own pipeline", () => {
    const grandchild = renamed(chain({ x: "act" }), "g");
    const child = withChild(
      buildTree({
        nodes: { p: "parallel", quick: "act", deep: "sub", j: "converge" },
        edges: [
          ["start", "p"],
          ["p", "quick"],
          ["p", "deep"],
          ["quick", "j"],
          ["deep", "j"],
          ["j", "end"],
        ],
      }),
      "deep",
      grandchild,
    );
    // Ids after renaming: the child's nodes are c.*, its subprocess c.deep runs g.*.
    const tree = withChild(chain({ s: "sub" }), "s", renamed(child, "c"));
    const b = bench(tree, { "c.quick": 1000, "g.x": 3000 });
    expect(b.states()).toMatchObject({
      s: "RUNNING",
      "c.quick": "RUNNING",
      "c.deep": "RUNNING",
      "g.x": "RUNNING",
    });
    expect(b.run.nodes["g.x"]?.parentId).toBe("c.deep");
    b.at(1000);
    expect(b.states()).toMatchObject({ "c.quick": "FINISHED", "c.deep": "RUNNING" });
    expect(b.states()["c.j"]).toBeUndefined();
    b.at(3000);
    expect(b.states()).toMatchObject({
      "g.end": "FINISHED",
      "c.deep": "FINISHED",
      "c.j": "FINISHED",
      s: "FINISHED",
    });
    expect(b.times("c.deep")).toEqual([0, 3000]);
    expect(rootOf(b.run).state).toBe("FINISHED");
    const status = taskStatusTree(b.run, tree, T0 + 3000);
    const s = (status.children as Json).s as Json;
    const deep = (s.children as Json)["c.deep"] as Json;
    expect(Object.keys(deep.children as Json)).toEqual(["g.start", "g.x", "g.end"]);
    // Named after the grandchild's activity (the test trees name nodes after their ids).
    expect(((deep.children as Json)["g.x"] as Json).name).toBe("g.x");
  });

  it("hands the child's outputs back: a parent constant taking one decides the parent's gateway", () => {
    const child = chain({ c1: "act" });
    child.constants = constants({ "${verdict}": { value: "go", show_type: "hide" } });
    child.outputs = ["${verdict}"];
    const tree = buildTree({
      nodes: { s: "sub", g: "exclusive", yes: "act", no: "act", j: "converge" },
      edges: [
        ["start", "s"],
        ["s", "g"],
        ["g", "yes"],
        ["g", "no"],
        ["yes", "j"],
        ["no", "j"],
        ["j", "end"],
      ],
      conditions: { [flowId("g", "yes")]: '${got} == "go"', [flowId("g", "no")]: '${got} != "go"' },
      constants: {
        "${got}": { source_type: "component_outputs", source_info: { s: ["${verdict}"] }, value: "stop" },
      },
    });
    const b = bench(withChild(tree, "s", renamed(child, "c")));
    b.at(10_000);
    expect(b.run.executions.s?.outputs).toEqual({ "${verdict}": "go", _loop: 1, _inner_loop: 1 });
    expect(b.run.contexts?.pipeline).toEqual({ "${got}": "go" });
    expect(b.states().yes).toBe("FINISHED");
    expect(b.states().no).toBeUndefined();
  });
});

describe("failures inside a subprocess", () => {
  const failing = () =>
    buildTree({
      nodes: { g: "exclusive", x: "act", y: "act", j: "converge" },
      edges: [
        ["start", "g"],
        ["g", "x"],
        ["g", "y"],
        ["x", "j"],
        ["y", "j"],
        ["j", "end"],
      ],
      conditions: { [flowId("g", "x")]: "1 == 2", [flowId("g", "y")]: "1 == 3" },
    });

  it("a failed child node stops the walk; bk-sops reads the subprocess node and the task FAILED", () => {
    const tree = around(failing());
    const b = bench(tree);
    b.at(60_000);
    expect(b.states()).toMatchObject({ pipeline: "RUNNING", s: "RUNNING", "c.g": "FAILED" });
    expect(b.states().b).toBeUndefined();
    expect(nextWake(b.run)).toBeUndefined();
    const status = taskStatusTree(b.run, tree, T0 + 60_000);
    expect(status.state).toBe("FAILED");
    expect(((status.children as Json).s as Json).state).toBe("FAILED");
    expect(failedNodes(status)).toEqual(["c.g"]);
    expect(b.run.executions["c.g"]?.outputs.ex_data).toBe("all conditions of branches are not meet");
  });

  it("inputs that cannot be rendered in the parent's context fail the subprocess node itself", () => {
    const child = chain({ c1: "act" });
    child.constants = constants({ "${x}": { value: "${a}" } });
    const tree = around(child, { "${a}": { value: "${b}" }, "${b}": { value: "${a}" } });
    const b = bench(tree);
    b.at(5000);
    expect(b.states()).toMatchObject({ a: "FINISHED", s: "FAILED" });
    expect(b.states()["c.start"]).toBeUndefined();
    expect(b.run.executions.s?.outputs.ex_data).toBe(
      "context hydrate failed(maximum recursion depth exceeded while calling a Python object), check node log for details.",
    );
    expect(taskStatusTree(b.run, tree, T0 + 5000).state).toBe("FAILED");
  });
});

describe("pause, resume and revoke reach the child nodes", () => {
  it("pause lets the running child node end and starts no other until resume", () => {
    const b = bench(around(chain({ c1: "act", c2: "act" })));
    b.at(1500);
    pauseRun(b.run);
    b.at(2000);
    expect(b.states()).toMatchObject({ pipeline: "SUSPENDED", s: "RUNNING", "c.c1": "FINISHED" });
    b.at(9000);
    expect(b.states()["c.c2"]).toBeUndefined();
    expect(b.run.processes[0]).toMatchObject({ status: "suspended", node: "c.c2", stack: ["pipeline", "s"] });
    resumeRun(b.run, b.env());
    expect(b.times("c.c2")).toEqual([9000, null]);
    b.at(12_000);
    expect(rootOf(b.run).state).toBe("FINISHED");
  });

  it("revoke ends the walk inside the child; the subprocess node keeps its state, as in bamboo", () => {
    const b = bench(around(chain({ c1: "act", c2: "act" })));
    b.at(1500);
    revokeRun(b.run);
    b.at(9000);
    expect(b.states()).toMatchObject({ pipeline: "REVOKED", s: "RUNNING", "c.c1": "FINISHED" });
    expect(b.states()["c.c2"]).toBeUndefined();
    expect(b.run.processes.every((process) => process.status === "dead")).toBe(true);
  });
});

describe("loops and older runs", () => {
  it("re-enters a subprocess in a loop: a new round of each child node, inner loops started over", () => {
    // start → s → g; g goes back to s, always: child nodes hit bamboo's rerun limit, s has none.
    const tree = withChild(
      buildTree({
        nodes: { s: "sub", g: "exclusive" },
        edges: [
          ["start", "s"],
          ["s", "g"],
          ["g", "s"],
          ["g", "end"],
        ],
        conditions: { [flowId("g", "s")]: "1 == 1", [flowId("g", "end")]: "1 == 2" },
      }),
      "s",
      renamed(chain({ c1: "act" }), "c"),
    );
    const b = bench(tree, { "c.c1": 10 });
    b.at(10);
    expect(b.run.nodes.s).toMatchObject({ loop: 2, state: "RUNNING" });
    expect(b.run.nodes["c.c1"]).toMatchObject({ loop: 2, innerLoop: 1 });
    expect(b.run.executions["c.c1"]?.inputs).toMatchObject({ _loop: 2, _inner_loop: 1 });
    b.at(10_000);
    expect(b.run.nodes["c.start"]).toMatchObject({ state: "FAILED", loop: 101 });
    // The 102nd round of s finds the child's start event past the limit.
    expect(b.run.nodes.s).toMatchObject({ state: "RUNNING", loop: 102 });
  });

  it("a subprocess node without a child tree (a task stored before unfolding) runs as one step", () => {
    const tree = chain({ s: "sub" });
    const b = bench(tree, { s: 2000 });
    expect(b.states()).toEqual({ pipeline: "RUNNING", start: "FINISHED", s: "RUNNING" });
    b.at(2000);
    expect(rootOf(b.run).state).toBe("FINISHED");
  });

  it("a run stored before processes had pipeline stacks goes on in the task's pipeline", () => {
    const b = bench(chain({ a: "act", b: "act" }));
    for (const process of b.run.processes) delete process.stack;
    b.at(2000);
    expect(rootOf(b.run).state).toBe("FINISHED");
  });
});
