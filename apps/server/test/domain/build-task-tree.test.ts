import { readFileSync } from "node:fs";
import type { IdGenerator, PipelineTree } from "@bksops/domain";
import { buildTaskTree, NodeNotOptionalError, validateTemplateTree } from "@bksops/domain";
import { buildTree } from "@bksops/domain/testing";
import { describe, expect, it } from "vitest";

// The pipeline_tree of the documented create_task response (seed doc, bk-sops create_task.md).
const DOCUMENTED = {
  activities: {
    node9b5ae13799d63e179f0ce3088b62: {
      outgoing: "line27bc7b4ccbcf37ddb9d1f6572a04",
      incoming: "line490caa49d2a03e64829693281032",
      name: "timing",
      error_ignorable: false,
      component: {
        code: "sleep_timer",
        data: {
          bk_timing: {
            hook: false,
            value: "2",
          },
        },
      },
      stage_name: "stage1",
      can_retry: true,
      isSkipped: true,
      type: "ServiceActivity",
      optional: false,
      id: "node9b5ae13799d63e179f0ce3088b62",
      loop: null,
    },
    node880ded556c6c3c269be3cedc64b6: {
      outgoing: "line490caa49d2a03e64829693281032",
      incoming: "lineb83161d6e0593ad68d9ec73a961b",
      name: "pause",
      error_ignorable: false,
      component: {
        code: "pause_node",
        data: {},
      },
      stage_name: "stage1",
      can_retry: true,
      isSkipped: true,
      type: "ServiceActivity",
      optional: true,
      id: "node880ded556c6c3c269be3cedc64b6",
      loop: null,
    },
  },
  end_event: {
    type: "EmptyEndEvent",
    outgoing: "",
    incoming: "line27bc7b4ccbcf37ddb9d1f6572a04",
    id: "node5c48f37aa9f0351e8b43ab6a2295",
    name: "",
  },
  outputs: [],
  flows: {
    line490caa49d2a03e64829693281032: {
      is_default: false,
      source: "node880ded556c6c3c269be3cedc64b6",
      id: "line490caa49d2a03e64829693281032",
      target: "node9b5ae13799d63e179f0ce3088b62",
    },
    lineb83161d6e0593ad68d9ec73a961b: {
      is_default: false,
      source: "noded383bc1d7387391f889c6bab18b8",
      id: "lineb83161d6e0593ad68d9ec73a961b",
      target: "node880ded556c6c3c269be3cedc64b6",
    },
    line27bc7b4ccbcf37ddb9d1f6572a04: {
      is_default: false,
      source: "node9b5ae13799d63e179f0ce3088b62",
      id: "line27bc7b4ccbcf37ddb9d1f6572a04",
      target: "node5c48f37aa9f0351e8b43ab6a2295",
    },
  },
  gateways: {},
  line: [
    {
      source: {
        id: "node9b5ae13799d63e179f0ce3088b62",
        arrow: "Right",
      },
      target: {
        id: "node5c48f37aa9f0351e8b43ab6a2295",
        arrow: "Left",
      },
      id: "line27bc7b4ccbcf37ddb9d1f6572a04",
    },
    {
      source: {
        id: "node880ded556c6c3c269be3cedc64b6",
        arrow: "Right",
      },
      target: {
        id: "node9b5ae13799d63e179f0ce3088b62",
        arrow: "Left",
      },
      id: "line490caa49d2a03e64829693281032",
    },
    {
      source: {
        id: "noded383bc1d7387391f889c6bab18b8",
        arrow: "Right",
      },
      id: "lineb83161d6e0593ad68d9ec73a961b",
      target: {
        id: "node880ded556c6c3c269be3cedc64b6",
        arrow: "Left",
      },
    },
  ],
  start_event: {
    type: "EmptyStartEvent",
    outgoing: "lineb83161d6e0593ad68d9ec73a961b",
    incoming: "",
    id: "noded383bc1d7387391f889c6bab18b8",
    name: "",
  },
  id: "node7ef6970d06ad3bc092594cb5ec5f",
  constants: {},
  location: [
    {
      stage_name: "stage1",
      name: "pause",
      y: 135,
      x: 300,
      type: "tasknode",
      id: "node880ded556c6c3c269be3cedc64b6",
    },
    {
      y: 150,
      x: 1000,
      type: "endpoint",
      id: "node5c48f37aa9f0351e8b43ab6a2295",
    },
    {
      stage_name: "stage",
      name: "timing",
      y: 135,
      x: 595,
      type: "tasknode",
      id: "node9b5ae13799d63e179f0ce3088b62",
    },
    {
      y: 150,
      x: 80,
      type: "startpoint",
      id: "noded383bc1d7387391f889c6bab18b8",
    },
  ],
} as const;

const demo = (file: string): { pipeline_tree: PipelineTree } =>
  JSON.parse(readFileSync(new URL(`../../demo/templates/${file}`, import.meta.url), "utf8"));

/** An id generator that hands out the given ids in order (the order bk-sops asks for them). */
const replay =
  (ids: string[]): IdGenerator =>
  () => {
    const id = ids.shift();
    if (id === undefined) throw new Error("ran out of ids");
    return id;
  };

/**
 * The documented tree as bk-sops really returns it: incoming lists, template_node_id on activities,
 * and `labels` (none here) on every node (bk-sops' TaskFlowInstance.pipeline_tree re-attaches them).
 */
function documentedAsReturned(): PipelineTree {
  const tree = structuredClone(DOCUMENTED) as unknown as PipelineTree;
  for (const act of Object.values(tree.activities)) {
    act.incoming = [act.incoming as string];
    act.template_node_id = act.id;
    act.labels = [];
  }
  tree.end_event.incoming = [tree.end_event.incoming as string];
  tree.start_event.labels = [];
  tree.end_event.labels = [];
  return tree;
}

describe("buildTaskTree on the documented template", () => {
  const template = demo("1-documented-example.json").pipeline_tree;

  it("gives the documented response tree when ids are mapped back", () => {
    const want = documentedAsReturned();
    // bk-sops asks for ids in this order: tree, start, end, activities, gateways, flows.
    const ids = [
      want.id as string,
      want.start_event.id,
      want.end_event.id,
      ...Object.keys(template.activities),
      ...Object.keys(template.flows),
    ];
    const got = buildTaskTree(template, {}, replay(ids));
    expect(got).toEqual(want);
    expect(JSON.stringify(Object.keys(got.activities))).toBe(JSON.stringify(Object.keys(want.activities)));
  });

  it("drops the template's unreferenced constants and any request value for them", () => {
    const got = buildTaskTree(template, {
      constants: { "${content}": "echo 1", "${params}": "", "${script_timeout}": 20 },
    });
    expect(got.constants).toEqual({});
    expect(got.outputs).toEqual([]);
  });

  it("links every new activity to its template node", () => {
    const got = buildTaskTree(template);
    expect(Object.values(got.activities).map((a) => [a.name, a.template_node_id])).toEqual([
      ["timing", "node9b5ae13799d63e179f0ce3088b62"],
      ["pause", "node880ded556c6c3c269be3cedc64b6"],
    ]);
    expect(Object.keys(got.activities).every((id) => /^n[0-9a-f]{31}$/.test(id))).toBe(true);
  });

  it.each([
    ["the optional pause", { exclude: ["node880ded556c6c3c269be3cedc64b6"], want: ["timing"] }],
    ["nothing", { exclude: [], want: ["timing", "pause"] }],
  ])("excluding %s", (_name, { exclude, want }) => {
    const got = buildTaskTree(template, { exclude });
    expect(Object.values(got.activities).map((a) => a.name)).toEqual(want);
  });

  it("refuses to exclude the required timer", () => {
    expect(() => buildTaskTree(template, { exclude: ["node9b5ae13799d63e179f0ce3088b62"] })).toThrow(
      NodeNotOptionalError,
    );
  });
});

describe("buildTaskTree keeps its input intact", () => {
  it.each([
    ["2-parallel-optional.json"],
    ["3-exclusive-conditions.json"],
    ["4-constants-chain.json"],
    ["100-common-echo.json"],
  ])("%s, with every optional node excluded and values merged", (file) => {
    const template = demo(file).pipeline_tree;
    const before = structuredClone(template);
    const optional = Object.values(template.activities)
      .filter((a) => a.optional)
      .map((a) => a.id);
    const got = buildTaskTree(template, {
      exclude: optional,
      constants: Object.fromEntries(Object.keys(template.constants).map((k) => [k, "new"])),
      simplifyVars: Object.keys(template.constants),
    });
    expect(template).toEqual(before);
    expect(Object.keys(got.activities)).toHaveLength(
      Object.keys(template.activities).length - optional.length,
    );
  });
});

describe("buildTaskTree on the demo templates", () => {
  it("collapses the parallel pair of template 2 when all its optional branches are excluded", () => {
    const template = demo("2-parallel-optional.json").pipeline_tree;
    const optional = Object.values(template.activities)
      .filter((a) => a.optional)
      .map((a) => a.id);
    const got = buildTaskTree(template, { exclude: optional });
    expect(got.gateways).toEqual({});
    expect(got.flows[got.start_event.outgoing]?.target).toBe(Object.keys(got.activities)[0]);
    expect(Object.keys(got.constants)).toEqual(["${version}", "${job_ip}", "${script_timeout}"]);
  });

  it("resolves template 4's constants chain, meta value and outputs", () => {
    const template = demo("4-constants-chain.json").pipeline_tree;
    const collect = Object.values(template.activities).find((a) => a.name === "collect results");
    const got = buildTaskTree(template, {
      exclude: [collect?.id],
      constants: { "${user_name}": "alice", "${nope}": 1 },
    });
    expect(Object.entries(got.constants).map(([k, c]) => [k, c.index])).toEqual([
      ["${greeting}", 0],
      ["${user_name}", 1],
      ["${full}", 2],
      ["${a}", 3],
      ["${b}", 4],
      ["${hidden_token}", 5],
      ["${region}", 6],
      ["${job_ip_list}", 7],
      ["${greet_job_id}", 8],
      ["${collect_job_id}", 9],
    ]);
    expect(got.constants["${user_name}"]?.value).toBe("alice");
    expect(got.constants["${region}"]).toMatchObject({ value: "gz", meta: { value: { default: "gz" } } });
    expect(got.constants["${collect_job_id}"]?.source_info).toEqual({});
    expect(got.outputs).toEqual(["${greet_job_id}", "${collect_job_id}"]);
  });

  it("keeps template 3's exclusive gateway and its conditions when a branch is emptied", () => {
    const template = demo("3-exclusive-conditions.json").pipeline_tree;
    const approve = Object.values(template.activities).find((a) => a.name === "approve prod release");
    const got = buildTaskTree(template, { exclude: [approve?.id] });
    const exclusive = Object.values(got.gateways).find((g) => g.type === "ExclusiveGateway");
    if (exclusive?.type !== "ExclusiveGateway") throw new Error("exclusive gateway missing");
    expect(Object.keys(exclusive.conditions).sort()).toEqual([...exclusive.outgoing].sort());
    expect(got.flows[exclusive.default_condition?.flow_id ?? ""]?.target).toBe(
      Object.values(got.activities).find((a) => a.name === "deploy to test")?.id,
    );
    expect(exclusive.converge_gateway_id).toBeDefined();
    expect(Object.keys(got.constants)).toEqual([
      "${env}",
      "${run_smoke}",
      "${receivers}",
      "${job_ip}",
      "${script_timeout}",
    ]);
  });
});

describe("buildTaskTree cost", () => {
  /** start → P → (n/2 optional activities in a branch, and n/2 required ones in another) → C → end. */
  function big(n: number): PipelineTree {
    const nodes: Record<string, "act" | "opt" | "parallel" | "converge"> = { P: "parallel", C: "converge" };
    const edges: Array<[string, string]> = [
      ["start", "P"],
      ["C", "end"],
    ];
    for (const branch of ["o", "r"]) {
      let prev = "P";
      for (let i = 0; i < n / 2; i++) {
        const id = `${branch}${i}`;
        nodes[id] = branch === "o" ? "opt" : "act";
        edges.push([prev, id]);
        prev = id;
      }
      edges.push([prev, "C"]);
    }
    return buildTree({
      nodes,
      edges,
      inputs: { r0: { v: "${c0}" } },
      constants: { "${c0}": { value: "${c1}" }, "${c1}": {} },
    });
  }

  // How the cost grows with the template's size is measured by the benchmark (`npm run bench`,
  // "Cost growth" in BENCHMARKS.md), not timed here.
  it.each([1000, 4000])("builds a %i-activity template with half of its activities excluded", (n) => {
    const tree = big(n);
    validateTemplateTree(tree);
    const exclude = Object.keys(tree.activities).filter((id) => id.startsWith("o"));
    const got = buildTaskTree(tree, { exclude });
    expect(Object.keys(got.activities)).toHaveLength(n / 2);
    expect(Object.values(got.activities).every((act) => !String(act.template_node_id).startsWith("o"))).toBe(
      true,
    );
  });
});
