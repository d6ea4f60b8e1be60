import { chain } from "@bksops/domain/testing";
import { describe, expect, it } from "vitest";
import { addNodeNames, formatLegacy, stateTree } from "../../src/engine/status.js";
import { bench, T0 } from "./bench.js";
import { renamed, withChild } from "./trees.js";

type Json = Record<string, unknown>;

/** A status node of `state` with children of the given states (each with its own children). */
function node(state: string, children: Json[] = []): Json {
  return { state, children: Object.fromEntries(children.map((child, i) => [`n${i}`, child])) };
}

describe("bk-sops' legacy reading of states, innermost first", () => {
  it.each([
    ["RUNNING with a FAILED child", node("RUNNING", [node("FINISHED"), node("FAILED")]), "FAILED"],
    ["RUNNING with a SUSPENDED child", node("RUNNING", [node("SUSPENDED")]), "NODE_SUSPENDED"],
    ["RUNNING with both: the failure wins", node("RUNNING", [node("SUSPENDED"), node("FAILED")]), "FAILED"],
    [
      "a failure two subprocesses down",
      node("RUNNING", [node("RUNNING", [node("RUNNING", [node("FAILED")])])]),
      "FAILED",
    ],
    ["RUNNING with RUNNING children", node("RUNNING", [node("RUNNING"), node("FINISHED")]), "RUNNING"],
    ["SUSPENDED (paused) keeps its state", node("SUSPENDED", [node("FAILED")]), "SUSPENDED"],
    ["REVOKED keeps its state", node("REVOKED", [node("FAILED")]), "REVOKED"],
    ["FINISHED keeps its state", node("FINISHED", [node("FINISHED")]), "FINISHED"],
  ])("%s", (_name, status, want) => {
    formatLegacy(status);
    expect(status.state).toBe(want);
  });

  it("rewrites every level it passes", () => {
    const inner = node("RUNNING", [node("FAILED")]);
    const status = node("RUNNING", [inner]);
    formatLegacy(status);
    expect(inner.state).toBe("FAILED");
  });
});

describe("the state tree of a run with a subprocess", () => {
  const tree = withChild(chain({ s: "sub", after: "act" }), "s", renamed(chain({ c1: "act" }), "c"));
  const b = bench(tree);
  b.at(500);

  it("nests the child's nodes under their subprocess node, in the order reached", () => {
    const status = stateTree(b.run, T0 + 500);
    expect(Object.keys(status.children as Json)).toEqual(["start", "s"]);
    const s = (status.children as Json).s as Json;
    expect(Object.keys(s.children as Json)).toEqual(["c.start", "c.c1"]);
    expect((s.children as Json)["c.c1"]).toMatchObject({
      id: "c.c1",
      state: "RUNNING",
      "root_id:": "pipeline",
      parent_id: "s",
      children: {},
      elapsed_time: 0,
      start_time: "2024-05-01 12:00:00 +0800",
      finish_time: null,
    });
    expect(status).not.toHaveProperty("name");
  });

  it('names nodes from the tree given, level by level; ids a level lacks read ""', () => {
    const status = stateTree(b.run, T0 + 500);
    addNodeNames(tree, status.children as Json);
    const s = (status.children as Json).s as Json;
    expect(s.name).toBe("s");
    expect(((s.children as Json)["c.c1"] as Json).name).toBe("c.c1");
    // bk-sops names a subprocess's answer from the task's own activities: its nodes read "".
    const alone = stateTree(b.run, T0 + 500).children as Json;
    const sub = alone.s as Json;
    addNodeNames(tree, sub.children as Json);
    expect(Object.values(sub.children as Json).map((child) => (child as Json).name)).toEqual(["", ""]);
  });
});
