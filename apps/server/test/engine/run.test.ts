import { buildTree, chain, constant, flowId } from "@bksops/domain/testing";
import { describe, expect, it } from "vitest";
import { pauseRun, resumeRun, revokeRun } from "../../src/engine/commands.js";
import { isSettled, nextWake, type Run, type RunEnv, rootOf } from "../../src/engine/run.js";
import { InvalidOperationError, TransitionError } from "../../src/engine/states.js";
import { taskStatusTree } from "../../src/engine/status.js";
import { bench, T0 } from "./bench.js";

describe("a run walks the tree node by node", () => {
  it("runs events at once and each activity for its duration, one after the other", () => {
    const b = bench(chain({ a: "act", b: "act" }), { a: 1000, b: 3000 });
    expect(b.states()).toEqual({ pipeline: "RUNNING", start: "FINISHED", a: "RUNNING" });
    b.at(999);
    expect(b.states().a).toBe("RUNNING");
    b.at(1000);
    expect(b.states()).toEqual({ pipeline: "RUNNING", start: "FINISHED", a: "FINISHED", b: "RUNNING" });
    b.at(4000);
    expect(b.states()).toEqual({
      pipeline: "FINISHED",
      start: "FINISHED",
      a: "FINISHED",
      b: "FINISHED",
      end: "FINISHED",
    });
    expect(b.times("a")).toEqual([0, 1000]);
    expect(b.times("b")).toEqual([1000, 4000]);
    expect(b.times("pipeline")).toEqual([0, 4000]);
    expect(isSettled(b.run)).toBe(true);
    expect(nextWake(b.run)).toBeUndefined();
  });

  it("records each activity's inputs, rendered with the constants, and its outputs", () => {
    const tree = buildTree({
      nodes: { a: "act" },
      edges: [
        ["start", "a"],
        ["a", "end"],
      ],
      inputs: { a: { script: "echo ${who}", timeout: 600 } },
      constants: { "${who}": { value: "world" } },
      outputs: ["${who}"],
    });
    const b = bench(tree);
    expect(b.run.executions.a).toEqual({
      inputs: { script: "echo world", timeout: 600, _loop: 1, _inner_loop: 1 },
      outputs: { _result: true, _loop: 1, _inner_loop: 1 },
    });
    b.at(1000);
    expect(b.run.executions.pipeline).toEqual({ inputs: {}, outputs: { "${who}": "world" } });
  });

  it("runs parallel branches at the same time, and the converge gateway waits for the slowest", () => {
    const tree = buildTree({
      nodes: { p: "parallel", fast: "act", slow: "act", c: "converge", after: "act" },
      edges: [
        ["start", "p"],
        ["p", "fast"],
        ["p", "slow"],
        ["fast", "c"],
        ["slow", "c"],
        ["c", "after"],
        ["after", "end"],
      ],
    });
    const b = bench(tree, { fast: 1000, slow: 5000, after: 1000 });
    expect(b.states()).toMatchObject({ p: "FINISHED", fast: "RUNNING", slow: "RUNNING" });
    b.at(1000);
    expect(b.states()).toMatchObject({ fast: "FINISHED", slow: "RUNNING" });
    expect(b.states().c).toBeUndefined();
    b.at(5000);
    expect(b.states()).toMatchObject({ slow: "FINISHED", c: "FINISHED", after: "RUNNING" });
    expect(b.times("c")).toEqual([5000, 5000]);
    b.at(6000);
    expect(rootOf(b.run).state).toBe("FINISHED");
    expect(b.times("pipeline")).toEqual([0, 6000]);
  });

  it.each([
    ["prod", ["yes"], ["no"]],
    ["test", ["no"], ["yes"]],
  ])("follows the exclusive branch whose condition holds (env=%s)", (env, ran, skipped) => {
    const tree = buildTree({
      nodes: { g: "exclusive", yes: "act", no: "act", c: "converge" },
      edges: [
        ["start", "g"],
        ["g", "yes"],
        ["g", "no"],
        ["yes", "c"],
        ["no", "c"],
        ["c", "end"],
      ],
      conditions: { [flowId("g", "yes")]: '${env} == "prod"', [flowId("g", "no")]: '${env} != "prod"' },
      constants: { "${env}": { value: env } },
    });
    const b = bench(tree);
    b.at(1000);
    for (const id of ran) expect(b.states()[id]).toBe("FINISHED");
    for (const id of skipped) expect(b.states()[id]).toBeUndefined();
    expect(rootOf(b.run).state).toBe("FINISHED");
  });

  it("runs only the conditional-parallel branches that hold, then converges", () => {
    const tree = buildTree({
      nodes: { g: "condparallel", one: "act", two: "act", three: "act", c: "converge" },
      edges: [
        ["start", "g"],
        ["g", "one"],
        ["g", "two"],
        ["g", "three"],
        ["one", "c"],
        ["two", "c"],
        ["three", "c"],
        ["c", "end"],
      ],
      conditions: {
        [flowId("g", "one")]: "1 == 1",
        [flowId("g", "two")]: "1 == 2",
        [flowId("g", "three")]: "2 == 2",
      },
    });
    const b = bench(tree, { one: 1000, three: 2000 });
    expect(Object.keys(b.states())).toEqual(["pipeline", "start", "g", "one", "three"]);
    b.at(2000);
    expect(rootOf(b.run).state).toBe("FINISHED");
    expect(b.states().two).toBeUndefined();
  });

  it("fails a gateway no branch fits: the node FAILED, the pipeline still running but read as FAILED", () => {
    const tree = buildTree({
      nodes: { g: "exclusive", a: "act", b: "act", c: "converge" },
      edges: [
        ["start", "g"],
        ["g", "a"],
        ["g", "b"],
        ["a", "c"],
        ["b", "c"],
        ["c", "end"],
      ],
      conditions: { [flowId("g", "a")]: "1 == 2", [flowId("g", "b")]: "1 == 3" },
    });
    const b = bench(tree);
    expect(b.states()).toEqual({ pipeline: "RUNNING", start: "FINISHED", g: "FAILED" });
    expect(b.run.executions.g?.outputs.ex_data).toBe("all conditions of branches are not meet");
    expect(nextWake(b.run)).toBeUndefined();
    expect(taskStatusTree(b.run, tree, T0).state).toBe("FAILED");
  });

  it("comes back to a node through a loop with a new round, and fails past bamboo's rerun limit", () => {
    // start → a → g; g loops back to a while ${again} == 1 (always here), else ends.
    const tree = buildTree({
      nodes: { a: "act", g: "exclusive" },
      edges: [
        ["start", "a"],
        ["a", "g"],
        ["g", "a"],
        ["g", "end"],
      ],
      conditions: { [flowId("g", "a")]: "1 == 1", [flowId("g", "end")]: "1 == 2" },
    });
    const b = bench(tree, { a: 10 });
    const firstRound = b.run.nodes.a?.version;
    b.at(10);
    expect(b.run.nodes.a?.loop).toBe(2);
    expect(b.run.nodes.a?.version).not.toBe(firstRound);
    b.at(10_000);
    expect(b.run.nodes.a?.state).toBe("FAILED");
    expect(b.run.nodes.a?.loop).toBe(101);
    expect(b.run.executions.a?.outputs.ex_data).toBe("node execution exceed rerun limit 100");
  });
});

describe("pause, resume, revoke", () => {
  const twoSteps = () => bench(chain({ a: "act", b: "act" }), { a: 1000, b: 1000 });

  it("pause lets the running node end, and no further node starts until resume", () => {
    const b = twoSteps();
    b.at(500);
    pauseRun(b.run);
    expect(rootOf(b.run).state).toBe("SUSPENDED");
    b.at(1000);
    expect(b.states()).toEqual({ pipeline: "SUSPENDED", start: "FINISHED", a: "FINISHED" });
    b.at(5000);
    expect(b.states().b).toBeUndefined();
    resumeRun(b.run, b.env());
    expect(b.states()).toMatchObject({ pipeline: "RUNNING", b: "RUNNING" });
    expect(b.times("b")).toEqual([5000, null]);
    b.at(6000);
    expect(rootOf(b.run).state).toBe("FINISHED");
  });

  it("revoke ends the pipeline: the running node ends, nothing else starts, no finish time of its own", () => {
    const b = twoSteps();
    b.at(500);
    revokeRun(b.run);
    b.at(5000);
    expect(b.states()).toEqual({ pipeline: "REVOKED", start: "FINISHED", a: "FINISHED" });
    expect(b.times("pipeline")).toEqual([0, null]);
    expect(isSettled(b.run)).toBe(true);
    expect(b.run.processes.every((process) => process.status === "dead")).toBe(true);
  });

  it("a paused pipeline can be revoked; its stopped processes never go on", () => {
    const b = twoSteps();
    pauseRun(b.run);
    b.at(1000);
    revokeRun(b.run);
    b.at(5000);
    expect(b.states()).toEqual({ pipeline: "REVOKED", start: "FINISHED", a: "FINISHED" });
  });

  const refusals: Array<[string, (run: Run, env: RunEnv) => void, RegExp]> = [
    [
      "pausing a paused pipeline",
      (run) => {
        pauseRun(run);
        pauseRun(run);
      },
      /from SUSPENDED to SUSPENDED/,
    ],
    [
      "resuming a running pipeline",
      (run, env) => resumeRun(run, env),
      /^pipeline\(pipeline\) state is: RUNNING$/,
    ],
    [
      "revoking a revoked pipeline",
      (run) => {
        revokeRun(run);
        revokeRun(run);
      },
      /from REVOKED to REVOKED/,
    ],
    [
      "pausing a revoked pipeline",
      (run) => {
        revokeRun(run);
        pauseRun(run);
      },
      /from REVOKED to SUSPENDED/,
    ],
    [
      "resuming a revoked pipeline",
      (run, env) => {
        revokeRun(run);
        resumeRun(run, env);
      },
      /state is: REVOKED/,
    ],
  ];
  it.each(refusals)("refuses %s as bamboo does", (_name, act, message) => {
    const b = twoSteps();
    expect(() => act(b.run, b.env())).toThrow(message);
  });

  it("refuses every command on a finished pipeline", () => {
    const b = twoSteps();
    b.at(2000);
    expect(() => pauseRun(b.run)).toThrow(TransitionError);
    expect(() => revokeRun(b.run)).toThrow("can't not transit node(pipeline) state from FINISHED to REVOKED");
    expect(() => resumeRun(b.run, b.env())).toThrow(InvalidOperationError);
  });
});

describe("the status tree of a run", () => {
  it("reads as bk-sops answers it: bamboo's keys, formatted times, names of activities", () => {
    const tree = chain({ a: "act" });
    tree.constants = { "${x}": constant("${x}", 0) };
    const b = bench(tree, { a: 2500 });
    b.at(1200);
    const status = taskStatusTree(b.run, tree, T0 + 1200);
    expect(status).toEqual({
      id: "pipeline",
      state: "RUNNING",
      "root_id:": "pipeline",
      parent_id: "pipeline",
      version: "v1",
      loop: 1,
      retry: 0,
      skip: false,
      error_ignorable: false,
      error_ignored: false,
      children: {
        start: expect.objectContaining({
          state: "FINISHED",
          name: "",
          elapsed_time: 0,
          finish_time: "2024-05-01 12:00:00 +0800",
        }),
        a: expect.objectContaining({ state: "RUNNING", name: "a", elapsed_time: 1, finish_time: null }),
      },
      elapsed_time: 1,
      start_time: "2024-05-01 12:00:00 +0800",
      finish_time: null,
    });
    expect(Object.keys(status.children as object)).toEqual(["start", "a"]);
  });

  it("rounds elapsed seconds as Python does, halves to even", () => {
    const b = bench(chain({ a: "act" }), { a: 2500 });
    b.at(2500);
    const children = taskStatusTree(b.run, chain({ a: "act" }), T0 + 2500).children as Record<
      string,
      { elapsed_time: number }
    >;
    expect(children.a?.elapsed_time).toBe(2);
  });
});
