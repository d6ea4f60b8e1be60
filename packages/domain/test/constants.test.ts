import { describe, expect, it } from "vitest";
import { pruneConstantsInPlace } from "../src/constants.js";
import { buildTree } from "../src/testing/builder.js";
import type { Constant, PipelineTree } from "../src/types.js";

/** start → A → X(optional) → E(exclusive: X→C on `cond`) → C → end, with inputs and constants. */
function tree(options: {
  a?: Record<string, unknown>;
  sub?: Record<string, { value: unknown; show_type: string }>;
  cond?: string;
  constants: Record<string, Partial<Constant>>;
  outputs?: string[];
}): PipelineTree {
  const built = buildTree({
    nodes: { A: "act", S: "sub", E: "exclusive", B: "act", C: "converge" },
    edges: [
      ["start", "A"],
      ["A", "S"],
      ["S", "E"],
      ["E", "B"],
      ["E", "C"],
      ["B", "C"],
      ["C", "end"],
    ],
    inputs: { A: options.a ?? {} },
    conditions: { f_E_B: options.cond ?? "True" },
    constants: options.constants,
    outputs: options.outputs ?? [],
  });
  const sub = built.activities.S;
  if (sub?.type === "SubProcess") sub.constants = options.sub ?? {};
  return built;
}

function prune(given: PipelineTree, excluded: string[] = []): PipelineTree {
  pruneConstantsInPlace(given, excluded);
  return given;
}

describe("pruneConstantsInPlace: which constants stay (docs/bk-sops-behaviour.md §8.3)", () => {
  it.each([
    ["an unreferenced constant goes", { given: tree({ constants: { "${a}": {} } }), want: [] }],
    [
      "a constant used by a node input stays",
      {
        given: tree({ a: { script: "echo ${a}" }, constants: { "${a}": {}, "${b}": {} } }),
        want: ["${a}"],
      },
    ],
    [
      "references are followed through constant values",
      {
        given: tree({
          a: { script: "${greeting}" },
          constants: {
            "${greeting}": { value: "hello ${user}" },
            "${user}": { value: "${title} admin" },
            "${title}": {},
            "${other}": {},
          },
        }),
        want: ["${greeting}", "${user}", "${title}"],
      },
    ],
    [
      "expressions contribute every name they read",
      {
        given: tree({ a: { n: "${a + int(b)}" }, constants: { "${a}": {}, "${b}": {}, "${int}": {} } }),
        want: ["${a}", "${b}", "${int}"],
      },
    ],
    [
      "an attribute name is not a reference",
      {
        given: tree({ a: { n: "${obj.b}" }, constants: { "${obj}": {}, "${b}": {} } }),
        want: ["${obj}"],
      },
    ],
    [
      "a string literal is not a reference",
      {
        given: tree({ a: { n: "${'b'}" }, constants: { "${b}": {} } }),
        want: [],
      },
    ],
    [
      "values nested in lists and dicts are scanned",
      {
        given: tree({ a: { n: [{ k: ["${a}"] }] }, constants: { "${a}": {} } }),
        want: ["${a}"],
      },
    ],
    [
      "dict keys are not scanned",
      {
        given: tree({ a: { n: { "${a}": 1 } }, constants: { "${a}": {} } }),
        want: [],
      },
    ],
    [
      "a gateway condition is a reference",
      {
        given: tree({ cond: '${env} == "prod"', constants: { "${env}": {} } }),
        want: ["${env}"],
      },
    ],
    [
      "a shown subprocess input is a reference",
      {
        given: tree({ sub: { k: { value: "${a}", show_type: "show" } }, constants: { "${a}": {} } }),
        want: ["${a}"],
      },
    ],
    [
      "a hidden subprocess input is not",
      {
        given: tree({ sub: { k: { value: "${a}", show_type: "hide" } }, constants: { "${a}": {} } }),
        want: [],
      },
    ],
    [
      "a constant named like a Python keyword cannot be referenced",
      {
        given: tree({ a: { n: "${in}" }, constants: { "${in}": {} } }),
        want: [],
      },
    ],
    [
      "component_outputs constants always stay",
      {
        given: tree({
          constants: { "${out}": { source_type: "component_outputs", source_info: { A: ["job_id"] } } },
        }),
        want: ["${out}"],
      },
    ],
  ])("%s", (_name, { given, want }) => {
    expect(Object.keys(prune(given).constants)).toEqual(want);
  });
});

describe("pruneConstantsInPlace: what kept constants look like", () => {
  it("orders by the old index and renumbers from 0", () => {
    const given = tree({
      a: { n: "${x}${y}${z}" },
      constants: {
        "${z}": { index: 7 },
        "${x}": { index: 2 },
        "${gone}": { index: 0 },
        "${y}": { index: 5 },
      },
    });
    const constants = prune(given).constants;
    expect(Object.entries(constants).map(([k, c]) => [k, c.index])).toEqual([
      ["${x}", 0],
      ["${y}", 1],
      ["${z}", 2],
    ]);
  });

  it("filters outputs to kept keys, in their order", () => {
    const given = tree({
      a: { n: "${b}" },
      constants: { "${a}": {}, "${b}": {}, "${out}": { source_type: "component_outputs" } },
      outputs: ["${out}", "${a}", "${b}"],
    });
    expect(prune(given).outputs).toEqual(["${out}", "${b}"]);
  });

  it("removes excluded nodes from source_info, keeping an output whose node was excluded", () => {
    const given = tree({
      a: { n: "${inp}" },
      constants: {
        "${inp}": { source_type: "component_inputs", source_info: { A: ["n"], X: ["n"] } },
        "${out}": { source_type: "component_outputs", source_info: { X: ["job_id"] } },
      },
    });
    const constants = prune(given, ["X"]).constants;
    expect(constants["${inp}"]?.source_info).toEqual({ A: ["n"] });
    expect(constants["${out}"]?.source_info).toEqual({});
  });
});

// bk-sops pipeline_web/preview_base.py::_remove_useless_constants reads these keys without defaults.
describe("pruneConstantsInPlace: where bk-sops fails on a missing key", () => {
  it.each<[string, (t: PipelineTree) => void, string[], string]>([
    [
      "a constant without source_type",
      (t) => {
        delete (t.constants["${a}"] as Partial<Constant>).source_type;
      },
      [],
      "'source_type'",
    ],
    [
      "a kept constant without index",
      (t) => {
        delete (t.constants["${a}"] as Partial<Constant>).index;
      },
      [],
      "'index'",
    ],
    [
      "a kept constant without source_info, when something is excluded",
      (t) => {
        delete (t.constants["${a}"] as Partial<Constant>).source_info;
      },
      ["X"],
      "'source_info'",
    ],
    [
      "a plugin node without component",
      (t) => {
        delete (t.activities.A as Partial<PipelineTree["activities"][string]>).component;
      },
      [],
      "'component'",
    ],
    [
      "a subprocess input without show_type",
      (t) => {
        const sub = t.activities.S;
        if (sub?.type === "SubProcess") sub.constants = { k: { value: 1 } };
      },
      [],
      "'show_type'",
    ],
  ])("%s", (_label, change, excluded, text) => {
    const given = tree({ a: { script: "${a}" }, constants: { "${a}": {} } });
    change(given);
    expect(() => pruneConstantsInPlace(given, excluded)).toThrow(text);
  });

  it("an index that Python cannot compare fails with its TypeError text", () => {
    const given = tree({
      a: { script: "${a} ${b}" },
      constants: { "${a}": { index: 1 }, "${b}": { index: "2" as never } },
    });
    expect(() => pruneConstantsInPlace(given, [])).toThrow(
      "'<' not supported between instances of 'str' and 'int'",
    );
  });

  it("keeping custom outputs (a subprocess's child): they stay, after the others, with their index", () => {
    const given = tree({
      a: { script: "${a}" },
      constants: { "${out}": { index: 9 }, "${a}": { index: 4 }, "${gone}": {} },
      outputs: ["${out}"],
    });
    pruneConstantsInPlace(given, [], true);
    expect(Object.entries(given.constants).map(([k, c]) => [k, c.index])).toEqual([
      ["${a}", 0],
      ["${out}", 9],
    ]);
    expect(given.outputs).toEqual(["${out}"]);
  });
});
