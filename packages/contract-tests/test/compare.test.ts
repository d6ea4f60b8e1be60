import { describe, expect, it } from "vitest";
import { compareAnswer } from "../src/checks/answer.js";
import { graphProblems } from "../src/checks/tree.js";
import { matches } from "../src/select.js";

const n = (c: string) => `n${c.repeat(31)}`;
const l = (c: string) => `l${c.repeat(31)}`;
/** start → a → end, with canvas data. */
function tree() {
  return {
    id: n("0"),
    start_event: { id: n("1"), type: "EmptyStartEvent", incoming: "", outgoing: l("1") },
    activities: { [n("2")]: { id: n("2"), type: "ServiceActivity", incoming: [l("1")], outgoing: l("2") } },
    end_event: { id: n("3"), type: "EmptyEndEvent", incoming: [l("2")], outgoing: "" },
    gateways: {},
    flows: {
      [l("1")]: { id: l("1"), source: n("1"), target: n("2"), is_default: false },
      [l("2")]: { id: l("2"), source: n("2"), target: n("3"), is_default: false },
    },
    line: [
      { id: l("1"), source: { id: n("1") }, target: { id: n("2") } },
      { id: l("2"), source: { id: n("2") }, target: { id: n("3") } },
    ],
    location: [{ id: n("1") }, { id: n("2") }, { id: n("3") }],
    constants: {},
    outputs: [],
  };
}

describe("graphProblems", () => {
  // Edits go through plain JSON so that each case stays a one-liner.
  type Tree = Record<string, Record<string, Record<string, unknown>>>;
  const cases: Array<[string, (t: Tree) => void, RegExp | null]> = [
    ["accepts a well-formed tree", () => {}, null],
    [
      "finds a flow whose target is not a node",
      (t) => Object.assign(t.flows?.[l("2")] ?? {}, { target: n("9") }),
      /not a node/,
    ],
    [
      "finds an incoming that disagrees with the flows",
      (t) => Object.assign(t.end_event ?? {}, { incoming: [l("1")] }),
      /does not enter it/,
    ],
    [
      "finds an unreachable end",
      (t) => Object.assign(t.activities?.[n("2")] ?? {}, { outgoing: "" }),
      /cannot be reached/,
    ],
    [
      "finds a line that draws no flow",
      (t) =>
        (t.line as unknown as unknown[]).push({ id: l("9"), source: { id: n("1") }, target: { id: n("3") } }),
      /draws no flow/,
    ],
    ["finds a node without location", (t) => (t.location as unknown as unknown[]).pop(), /has no location/],
  ];
  it.each(cases)("%s", (_name, edit, want) => {
    const given = tree();
    edit(given as unknown as Tree);
    const problems = graphProblems(given);
    if (want) expect(problems.join("\n")).toMatch(want);
    else expect(problems).toEqual([]);
  });
});

describe("compareAnswer", () => {
  const documented = {
    result: true,
    data: { task_id: 10, task_url: "http://h/taskflow/execute/3/?instance_id=15364" },
  };
  it("accepts generated values and the envelope keys the service adds on success", () => {
    const actual = {
      result: true,
      data: { task_id: 7, task_url: "http://x:1/taskflow/execute/3/?instance_id=7" },
      code: 0,
      trace_id: "t",
      message: "",
      request_id: "a".repeat(32),
    };
    expect(compareAnswer(documented, actual)).toEqual([]);
  });
  it("rejects a task_url whose instance_id is not the task id", () => {
    const actual = {
      result: true,
      data: { task_id: 7, task_url: "http://x/taskflow/execute/3/?instance_id=8" },
    };
    expect(compareAnswer(documented, actual).map((d) => d.path)).toEqual(["data.task_url"]);
  });
  it("compares only the first line of a first-line message", () => {
    const want = { result: false, message: "bad: x", code: 1 };
    expect(
      compareAnswer(want, { ...want, message: "bad: x\n\ndetails" }, { firstLineMessage: true }),
    ).toEqual([]);
    expect(compareAnswer(want, { ...want, message: "bad: y" }, { firstLineMessage: true })).toHaveLength(1);
  });
  it("accepts any task in a task_url when the answer names no task id (a task's detail)", () => {
    const want = {
      result: true,
      data: { id: 1, task_url: "http://h/taskflow/execute/3/?instance_id=15364" },
    };
    const got = (url: string) => ({ result: true, data: { id: 1, task_url: url } });
    expect(compareAnswer(want, got("http://x/taskflow/execute/3/?instance_id=9"))).toEqual([]);
    expect(compareAnswer(want, got("http://x/taskflow/execute/4/?instance_id=9"))).toHaveLength(1);
  });
  describe("generated values (x-contract generated, generated-keys)", () => {
    const want = {
      result: true,
      data: {
        id: "n1",
        state: "FINISHED",
        children: {
          n2: { id: "n2", state: "FINISHED", start_time: "a" },
          n3: { id: "n3", state: "RUNNING", start_time: "b" },
        },
      },
    };
    const options = {
      generated: ["data.id", "data.children.*.id", "data.children.*.start_time"],
      generatedKeys: ["data.children"],
    };
    const got = (states: string[], firstId: unknown = "x2") => ({
      result: true,
      data: {
        id: "x1",
        state: "FINISHED",
        children: {
          x2: { id: firstId, state: states[0], start_time: "c" },
          x3: { id: "x3", state: states[1], start_time: "d" },
        },
      },
    });
    it("compares generated values by type and entries keyed by generated ids in order", () => {
      expect(compareAnswer(want, got(["FINISHED", "RUNNING"]), options)).toEqual([]);
    });
    it("still compares what is not generated, and the type of what is", () => {
      expect(compareAnswer(want, got(["RUNNING", "RUNNING"]), options).map((d) => d.path)).toEqual([
        "data.children.n2.state",
      ]);
      expect(compareAnswer(want, got(["FINISHED", "RUNNING"], 5), options).map((d) => d.path)).toEqual([
        "data.children.n2.id",
      ]);
    });
    it("reports a different number of entries instead of pairing them", () => {
      const fewer = got(["FINISHED", "RUNNING"]);
      delete (fewer.data.children as Record<string, unknown>).x3;
      expect(compareAnswer(want, fewer, options).length).toBeGreaterThan(0);
    });
    it("is exact for a static mock", () => {
      expect(
        compareAnswer(want, got(["FINISHED", "RUNNING"]), { ...options, exact: true }).length,
      ).toBeGreaterThan(0);
    });
  });
  it("reports keys an error answer should not have", () => {
    const want = { result: false, message: "m", code: 1 };
    expect(compareAnswer(want, { ...want, trace_id: "t" })).toEqual([
      { path: "trace_id", note: "not documented", actual: "t" },
    ]);
  });
});

describe("check selection", () => {
  it.each([
    ["negative", "negative.missing-name", true],
    ["negative", "schema.negative.missing-name", false],
    ["*missing-name", "schema.negative.missing-name", true],
    ["examples.createTaskEsb", "examples.esb_x", false],
  ] as const)("%s selects %s: %s", (pattern, id, want) => {
    expect(matches(pattern, id)).toBe(want);
  });
});
