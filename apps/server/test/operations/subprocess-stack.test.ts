import { chain } from "@bksops/domain/testing";
import { describe, expect, it } from "vitest";
import { NodeLookupError, placeOf } from "../../src/operations/get-task-node-detail/subprocess-stack.js";
import { renamed, withChild } from "../engine/trees.js";

// start → s → end; s runs c.* (start → c.a → c.deep → end), c.deep runs g.* (start → g.x → end).
const inner = withChild(
  renamed(chain({ a: "act", deep: "sub" }), "c"),
  "c.deep",
  renamed(chain({ x: "act" }), "g"),
);
const tree = withChild(chain({ s: "sub" }), "s", inner);

describe("the node subprocess_stack leads to (bk-sops' _get_node_info)", () => {
  it.each([
    ["a node of the task's pipeline, no stack", undefined, "s", []],
    ["an empty list", [], "start", []],
    ['JSON null, false, 0, {} or "" read as no stack', null, "end", []],
    ["one level down", ["s"], "c.a", ["s"]],
    ["the child's events", ["s"], "c.end", ["s"]],
    ["two levels down", ["s", "c.deep"], "g.x", ["s", "c.deep"]],
  ])("%s", (_name, stack, nodeId, through) => {
    const place = placeOf(tree, stack, nodeId);
    expect(place.node.id).toBe(nodeId);
    expect(place.subprocesses.map((activity) => activity.id)).toEqual(through);
  });

  it.each([false, 0, {}, ""])("reads %j as no stack", (stack) => {
    expect(placeOf(tree, stack, "s").subprocesses).toEqual([]);
  });

  it.each([
    ["a child's node without its stack", undefined, "c.a"],
    ["a node of another level", ["s"], "s"],
    ["a stack through a node that is not there", ["nope"], "c.a"],
    ["a stack through a plugin node", ["s", "c.a"], "g.x"],
    ["a stack of something else than ids", [1], "c.a"],
    ["a stack that is not a list", "s", "c.a"],
    ["a stack that is a number", 3, "c.a"],
  ])("fails on %s, as Python's lookup does", (_name, stack, nodeId) => {
    expect(() => placeOf(tree, stack, nodeId)).toThrow(NodeLookupError);
  });
});
