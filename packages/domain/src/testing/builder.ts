// Test helper: builds small template trees from a list of edges, with a line per flow and a
// location per node, as the web editor saves them (a single incoming flow stored as a string).
import type { Activity, Constant, Gateway, PipelineTree } from "../types.js";

/** Node kinds: "act" required activity, "opt" optional activity, and the gateway kinds. */
export type Kind = "act" | "opt" | "sub" | "parallel" | "exclusive" | "condparallel" | "converge";

export interface Spec {
  nodes: Record<string, Kind>;
  edges: Array<[string, string]>;
  /** Per node: component input values (ServiceActivity) or show constants (SubProcess). */
  inputs?: Record<string, Record<string, unknown>>;
  /** Per flow id (`f_<source>_<target>`): a condition evaluate; defaults to "True". */
  conditions?: Record<string, string>;
  constants?: Record<string, Partial<Constant>>;
  outputs?: string[];
  /**
   * Per exclusive or conditional-parallel gateway: the node its default branch leads to. That flow
   * gets no condition; the gateway gets `default_condition` as the bk-sops editor saves it.
   */
  defaults?: Record<string, string>;
  /** Per node (events included): its labels. */
  labels?: Record<string, Label[]>;
  /** Per subprocess node: fields to set on it (template_id, version, always_use_latest, …). */
  subprocesses?: Record<string, Record<string, unknown>>;
}

/** A node label as bk-sops stores it: a label code within a label group. */
export interface Label {
  label: string;
  group: string;
}

/** The id the builder gives the flow from `a` to `b`. */
export const flowId = (a: string, b: string): string => `f_${a}_${b}`;

/** A constant with every documented field; `overrides` replace any of them. */
export function constant(key: string, index: number, overrides: Partial<Constant> = {}): Constant {
  return {
    key,
    name: key.slice(2, -1),
    index,
    desc: "",
    source_type: "custom",
    custom_type: "input",
    source_tag: "input.input",
    source_info: {},
    value: "",
    show_type: "show",
    validation: "",
    is_meta: false,
    version: "legacy",
    form_schema: {},
    pre_render_mako: false,
    ...overrides,
  };
}

/** Build a template tree; node ids are the spec's names, "start" and "end" are the events. */
export function buildTree(spec: Spec): PipelineTree {
  const incoming = new Map<string, string[]>();
  const outgoing = new Map<string, string[]>();
  const flows: PipelineTree["flows"] = {};
  for (const [a, b] of spec.edges) {
    const id = flowId(a, b);
    flows[id] = { id, source: a, target: b, is_default: false };
    outgoing.set(a, [...(outgoing.get(a) ?? []), id]);
    incoming.set(b, [...(incoming.get(b) ?? []), id]);
  }
  const ins = (id: string): string | string[] => {
    const list = incoming.get(id) ?? [];
    return list.length === 1 ? (list[0] as string) : list;
  };
  const outs = (id: string): string[] => outgoing.get(id) ?? [];
  const activities: Record<string, Activity> = {};
  const gateways: Record<string, Gateway> = {};
  for (const [id, kind] of Object.entries(spec.nodes)) {
    const base = { id, name: id, incoming: ins(id) };
    const data = spec.inputs?.[id] ?? {};
    if (kind === "act" || kind === "opt") {
      activities[id] = {
        ...base,
        type: "ServiceActivity",
        outgoing: outs(id)[0] as string,
        optional: kind === "opt",
        error_ignorable: false,
        stage_name: "",
        loop: null,
        component: {
          code: "job_fast_execute_script",
          data: Object.fromEntries(Object.entries(data).map(([k, value]) => [k, { hook: false, value }])),
        },
      };
    } else if (kind === "sub") {
      activities[id] = {
        ...base,
        type: "SubProcess",
        outgoing: outs(id)[0] as string,
        optional: true,
        template_id: 9,
        constants: Object.fromEntries(
          Object.entries(data).map(([k, value]) => [k, { value, show_type: "show" }]),
        ),
        ...spec.subprocesses?.[id],
      };
    } else if (kind === "converge") {
      gateways[id] = { ...base, type: "ConvergeGateway", outgoing: outs(id)[0] as string };
    } else if (kind === "parallel") {
      gateways[id] = { ...base, type: "ParallelGateway", outgoing: outs(id) };
    } else {
      const fallback = spec.defaults?.[id];
      const fallbackFlow = fallback === undefined ? undefined : flowId(id, fallback);
      const conditions = Object.fromEntries(
        outs(id)
          .filter((f) => f !== fallbackFlow)
          .map((f) => [f, { evaluate: spec.conditions?.[f] ?? "True", name: f, tag: `branch_${f}` }]),
      );
      const type = kind === "exclusive" ? "ExclusiveGateway" : "ConditionalParallelGateway";
      const gateway: Gateway = { ...base, type, outgoing: outs(id), conditions };
      if (fallbackFlow !== undefined) {
        gateway.default_condition = { name: "default", tag: `branch_${fallbackFlow}`, flow_id: fallbackFlow };
      }
      gateways[id] = gateway;
    }
  }
  for (const [id, labels] of Object.entries(spec.labels ?? {})) {
    const node = activities[id] ?? gateways[id];
    if (node) node.labels = labels;
  }
  const nodeIds = ["start", ...Object.keys(spec.nodes), "end"];
  const withLabels = <T extends object>(id: string, node: T): T =>
    spec.labels?.[id] ? { ...node, labels: spec.labels[id] } : node;
  return {
    start_event: withLabels("start", {
      id: "start",
      name: "",
      type: "EmptyStartEvent" as const,
      incoming: "",
      outgoing: outs("start")[0] as string,
    }),
    end_event: withLabels("end", {
      id: "end",
      name: "",
      type: "EmptyEndEvent" as const,
      incoming: ins("end"),
      outgoing: "",
    }),
    activities,
    gateways,
    flows,
    constants: Object.fromEntries(
      Object.entries(spec.constants ?? {}).map(([key, c], i) => [key, constant(key, i, c)]),
    ),
    outputs: spec.outputs ?? [],
    line: spec.edges.map(([a, b]) => ({
      id: flowId(a, b),
      source: { id: a, arrow: "Right" },
      target: { id: b, arrow: "Left" },
    })),
    location: nodeIds.map((id, i) => ({ id, type: "tasknode", x: i * 100, y: 100 })),
  };
}

/** A straight chain start → names… → end of the given kinds. */
export function chain(kinds: Record<string, Kind>): PipelineTree {
  const names = ["start", ...Object.keys(kinds), "end"];
  const edges = names.slice(1).map((b, i) => [names[i] as string, b] as [string, string]);
  return buildTree({ nodes: kinds, edges });
}
