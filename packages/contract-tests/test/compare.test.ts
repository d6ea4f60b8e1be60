import { describe, expect, it } from "vitest";
import { compareAnswer } from "../src/checks/answer.js";
import { headline } from "../src/checks/check.js";
import { compareCreatedData } from "../src/checks/created-data.js";
import { graphProblems } from "../src/checks/tree.js";
import { placeholderMasker, secretPlaceholders, shellQuote } from "../src/mask.js";
import { matches } from "../src/select.js";
import type { Difference } from "../src/types.js";

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
  const created = (want: unknown, got: unknown, out: Difference[]) =>
    compareCreatedData(want, got, out, { projectId: 3 });
  it("accepts generated values and the envelope keys the service adds on success", () => {
    const actual = {
      result: true,
      data: { task_id: 7, task_url: "http://x:1/taskflow/execute/3/?instance_id=7" },
      code: 0,
      trace_id: "t",
      message: "",
      request_id: "a".repeat(32),
    };
    expect(compareAnswer(documented, actual, { data: created })).toEqual([]);
  });
  it("rejects a task_url whose instance_id is not the task id, or whose project is another", () => {
    const wrongTask = {
      result: true,
      data: { task_id: 7, task_url: "http://x/taskflow/execute/3/?instance_id=8" },
    };
    expect(compareAnswer(documented, wrongTask, { data: created }).map((d) => d.path)).toEqual([
      "data.task_url",
    ]);
    const wrongProject = {
      result: true,
      data: { task_id: 7, task_url: "http://x/taskflow/execute/4/?instance_id=7" },
    };
    expect(compareAnswer(documented, wrongProject, { data: created }).map((d) => d.path)).toEqual([
      "data.task_url",
    ]);
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
    expect(compareAnswer(want, got("http://x/taskflow/execute/3/?instance_id=9"), { data: created })).toEqual(
      [],
    );
    expect(
      compareAnswer(want, got("http://x/taskflow/execute/4/?instance_id=9"), { data: created }),
    ).toHaveLength(1);
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
      { path: "trace_id", note: "not documented", actual: "t", kind: "other" },
    ]);
  });
  it("names the decisive difference (result, code) before side fields", () => {
    const want = { result: false, message: "m", code: 3540000, trace_id: "t" };
    const got = { result: true, message: "m", code: 0, data: { task_id: 1 } };
    const kinds = compareAnswer(want, got).map((d) => d.kind);
    expect(kinds).toContain("result");
    expect(kinds).toContain("code");
  });
});

describe("check selection", () => {
  it.each([
    ["negative", "negative.missing-name", true],
    ["negative", "examples.negative", false],
    ["*missing-name", "negative.missing-name", true],
    ["examples.createTaskEsb", "examples.esb_x", false],
  ] as const)("%s selects %s: %s", (pattern, id, want) => {
    expect(matches(pattern, id)).toBe(want);
  });
});

describe("curl lines", () => {
  it("expand the recorded secrets from the environment and keep everything else literal", () => {
    const quoted = shellQuote(
      '{"bk_app_secret":"$BK_SOPS_CONTRACT_APP_SECRET","v":"${content} `x` \\\\ \\"q\\""}',
    );
    expect(quoted).toBe(
      '"{\\"bk_app_secret\\":\\"${BK_SOPS_CONTRACT_APP_SECRET}\\",\\"v\\":\\"\\${content} \\`x\\` \\\\\\\\ \\\\\\"q\\\\\\"\\"}"',
    );
  });
  it("put a placeholder where each configured secret was, in any encoding", () => {
    const mask = placeholderMasker(
      secretPlaceholders({
        credentials: { appCode: "a", appSecret: 's/3 cr"t', bkToken: "tok3n" },
        bizId: "1",
        templateId: "1",
      }),
    );
    expect(mask('{"bk_app_secret":"s/3 cr\\"t","bk_token":"tok3n"}')).toBe(
      '{"bk_app_secret":"$BK_SOPS_CONTRACT_APP_SECRET","bk_token":"$BK_SOPS_CONTRACT_BK_TOKEN"}',
    );
    expect(mask("?bk_app_secret=s%2F3%20cr%22t")).toBe("?bk_app_secret=$BK_SOPS_CONTRACT_APP_SECRET");
  });
});

describe("headlines", () => {
  it("name the decisive difference first (status, result, code, message)", () => {
    const line = headline([
      { kind: "other", path: "trace_id", note: "not documented" },
      { kind: "code", path: "code", note: "differs" },
      { kind: "result", path: "result", note: "differs" },
    ]);
    expect(line).toBe("result: differs (and 2 more)");
  });
});
