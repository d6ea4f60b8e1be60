// A seeded generator of valid templates, shaped like what the bk-sops editor saves: nested
// parallel, exclusive and conditional-parallel blocks (with default branches and empty branches),
// optional and required nodes, subprocesses of earlier templates (project and common, pinned or
// latest, with schemes and constants passed down), execution schemes (some naming nodes the tree
// no longer has), chains of constants, hidden, meta, hooked and output constants, and labels.
import type { Activity, Constant, Flow, Gateway, PipelineTree, TemplateScheme } from "../types.js";
import type { TemplateCatalog, TemplateKind, TemplateVersion } from "../unfold.js";
import { MODEL_NAME, SubprocessError } from "../unfold.js";
import { constant } from "./builder.js";
import { type Random, seededRandom } from "./random.js";

/** One generated template, as a template file describes it. */
export interface CorpusTemplate {
  kind: TemplateKind;
  id: number;
  name: string;
  version: string;
  schemes: TemplateScheme[];
  tree: PipelineTree;
}

const NODE = "n";
const FLOW = "l";

class Draft {
  readonly activities: Record<string, Activity> = {};
  readonly gateways: Record<string, Gateway> = {};
  readonly flows: Record<string, Flow> = {};
  readonly incoming = new Map<string, string[]>();
  readonly outgoing = new Map<string, string[]>();
  readonly order: string[] = [];
  constructor(readonly rng: Random) {}

  id(kind: string): string {
    return `${kind}${this.rng.hex31()}`;
  }

  connect(from: string, to: string, isDefault = false): string {
    const id = this.id(FLOW);
    this.flows[id] = { id, source: from, target: to, is_default: isDefault };
    this.outgoing.set(from, [...(this.outgoing.get(from) ?? []), id]);
    this.incoming.set(to, [...(this.incoming.get(to) ?? []), id]);
    return id;
  }
}

interface Context {
  rng: Random;
  draft: Draft;
  kind: TemplateKind;
  /** Templates this one may run as subprocesses. */
  children: readonly CorpusTemplate[];
  /** Keys of the custom constants nodes may refer to. */
  keys: string[];
  hooked: Constant[];
  outputsOf: Constant[];
  labels: Record<string, unknown>;
}

const ref = (ctx: Context): string => `\${${ctx.rng.pick(ctx.keys).slice(2, -1)}}`;

/** A plugin node; its inputs refer to constants, one input may be hooked to a constant. */
function activity(ctx: Context, from: string, optional: boolean): string {
  const { rng, draft } = ctx;
  const id = draft.id(NODE);
  const data: Record<string, { hook: boolean; value: unknown }> = {
    script: { hook: false, value: rng.chance(0.7) ? `echo ${ref(ctx)}` : "echo plain" },
    timeout: { hook: false, value: rng.int(1, 600) },
  };
  if (rng.chance(0.25)) {
    const key = `\${hooked_${ctx.hooked.length}}`;
    ctx.hooked.push(
      constant(key, 100 + ctx.hooked.length, {
        source_type: "component_inputs",
        source_tag: "job.script",
        source_info: { [id]: ["target"] },
        value: "10.0.0.1",
      }),
    );
    data.target = { hook: true, value: key };
  }
  if (rng.chance(0.15)) {
    const key = `\${out_${ctx.outputsOf.length}}`;
    ctx.outputsOf.push(
      constant(key, 200 + ctx.outputsOf.length, {
        source_type: "component_outputs",
        source_tag: "job.result",
        source_info: { [id]: ["result"] },
      }),
    );
  }
  draft.activities[id] = {
    id,
    name: `step ${Object.keys(draft.activities).length + 1}`,
    type: "ServiceActivity",
    incoming: [],
    outgoing: "",
    component: { code: "job_fast_execute_script", data, version: "legacy" },
    error_ignorable: false,
    optional,
    retryable: true,
    skippable: true,
    stage_name: "",
    loop: null,
  };
  if (rng.chance(0.2)) ctx.labels[id] = [{ label: rng.pick(["check", "deploy", "notify"]), group: "ops" }];
  draft.order.push(id);
  draft.connect(from, id);
  return id;
}

/** A subprocess node running an earlier template, passing values down and choosing its schemes. */
function subprocess(ctx: Context, from: string, child: CorpusTemplate): string {
  const { rng, draft } = ctx;
  const id = draft.id(NODE);
  const constants: Record<string, Constant> = {};
  for (const [key, constant] of Object.entries(child.tree.constants)) {
    if (constant.show_type !== "show" || constant.source_type !== "custom") continue;
    constants[key] = { ...structuredClone(constant), value: rng.chance(0.6) ? ref(ctx) : "from parent" };
  }
  const latest = rng.chance(0.5);
  draft.activities[id] = {
    id,
    name: `run ${child.name}`,
    type: "SubProcess",
    incoming: [],
    outgoing: "",
    template_id: rng.chance(0.5) ? child.id : String(child.id),
    template_source: child.kind === "common" ? "common" : rng.pick(["project", "business"]),
    version: latest && rng.chance(0.5) ? "" : child.version,
    always_use_latest: latest,
    scheme_id_list: rng.subset(
      child.schemes.map((scheme) => scheme.id),
      0.4,
    ),
    constants,
    hooked_constants: [],
    optional: rng.chance(0.5),
    retryable: true,
    skippable: true,
    stage_name: "",
    loop: null,
  };
  draft.order.push(id);
  draft.connect(from, id);
  return id;
}

/** A divergent gateway, its branches (each a sequence of blocks) and their converge gateway. */
function block(ctx: Context, from: string, type: Gateway["type"], depth: number): string {
  const { rng, draft } = ctx;
  const gatewayId = draft.id(NODE);
  const convergeId = draft.id(NODE);
  draft.order.push(gatewayId);
  draft.connect(from, gatewayId);
  const branching = type !== "ParallelGateway";
  const count = rng.int(2, 3);
  const ends: string[] = [];
  let emptyLeft = 1;
  for (let i = 0; i < count; i += 1) {
    const empty = emptyLeft > 0 && rng.chance(0.2);
    if (empty) emptyLeft -= 1;
    ends.push(
      empty ? gatewayId : sequence(ctx, gatewayId, depth + 1, rng.int(1, 2), type === "ParallelGateway"),
    );
  }
  draft.order.push(convergeId);
  for (const end of ends) draft.connect(end, convergeId);
  const outgoing = draft.outgoing.get(gatewayId) ?? [];
  const gateway = { id: gatewayId, name: "", type, incoming: [], outgoing } as unknown as Gateway;
  if (branching && gateway.type !== "ParallelGateway" && gateway.type !== "ConvergeGateway") {
    const fallback = rng.chance(0.35) ? rng.pick(outgoing) : undefined;
    gateway.conditions = Object.fromEntries(
      outgoing
        .filter((flowId) => flowId !== fallback)
        .map((flowId, i) => [
          flowId,
          { evaluate: `${ref(ctx)} == "${i}"`, name: `when ${i}`, tag: `branch_${flowId}` },
        ]),
    );
    if (fallback !== undefined) {
      gateway.default_condition = { name: "otherwise", tag: `branch_${fallback}`, flow_id: fallback };
      (draft.flows[fallback] as Flow).is_default = true;
    }
  }
  draft.gateways[gatewayId] = gateway;
  draft.gateways[convergeId] = {
    id: convergeId,
    name: "",
    type: "ConvergeGateway",
    incoming: [],
    outgoing: "",
  };
  return convergeId;
}

/**
 * `length` blocks one after the other, starting after `from`; returns the last node. In a parallel
 * branch, activities lean optional, so excluding them empties branches and collapses pairs.
 */
function sequence(ctx: Context, from: string, depth: number, length: number, inParallel = false): string {
  const { rng } = ctx;
  let last = from;
  for (let i = 0; i < length; i += 1) {
    const roll = rng.next();
    const children = ctx.children.filter((child) => ctx.kind === "project" || child.kind === "common");
    if (depth < 3 && roll < 0.12) last = block(ctx, last, "ParallelGateway", depth);
    else if (depth < 3 && roll < 0.24) last = block(ctx, last, "ExclusiveGateway", depth);
    else if (depth < 3 && roll < 0.3) last = block(ctx, last, "ConditionalParallelGateway", depth);
    else if (children.length > 0 && roll < 0.4) last = subprocess(ctx, last, rng.pick(children));
    else last = activity(ctx, last, rng.chance(inParallel ? 0.8 : 0.45));
  }
  return last;
}

/** The custom constants: a chain of references (each to later ones, so no loop), plain values, meta. */
function customConstants(rng: Random, count: number): Record<string, Constant> {
  const constants: Record<string, Constant> = {};
  for (let i = 0; i < count; i += 1) {
    const key = `\${c${i}}`;
    const later = i + 1 < count ? `c${rng.int(i + 1, count - 1)}` : undefined;
    const roll = rng.next();
    let fields: Partial<Constant>;
    if (later && roll < 0.35) fields = { value: `${key.slice(2, -1)} of \${${later}}` };
    else if (later && roll < 0.45) fields = { value: `\${${later} + "!"}` };
    else if (roll < 0.55) {
      fields = { is_meta: true, custom_type: "select", value: { default: "a", items: ["a", "b"] } };
    } else fields = { value: rng.chance(0.5) ? `value ${i}` : i };
    if (rng.chance(0.25)) fields.show_type = "hide";
    constants[key] = constant(key, i, fields);
  }
  return constants;
}

/** One template: its tree in the shape the editor saves, schemes, and a version name. */
function template(
  rng: Random,
  kind: TemplateKind,
  id: number,
  children: readonly CorpusTemplate[],
): CorpusTemplate {
  const draft = new Draft(rng);
  const constants = customConstants(rng, rng.int(2, 8));
  const ctx: Context = {
    rng,
    draft,
    kind,
    children,
    keys: Object.keys(constants),
    hooked: [],
    outputsOf: [],
    labels: {},
  };
  const startId = draft.id(NODE);
  const endId = draft.id(NODE);
  draft.order.push(startId);
  const last = sequence(ctx, startId, 0, rng.int(1, 5));
  draft.order.push(endId);
  draft.connect(last, endId);
  for (const extra of [...ctx.hooked, ...ctx.outputsOf]) constants[extra.key] = extra;
  if (rng.chance(0.4)) constants["${unused}"] = constant("${unused}", 50, { value: "nobody refers to me" });

  // The editor saves a single incoming flow as a list or (older templates) as a string.
  const ins = (nodeId: string): string | string[] => {
    const list = draft.incoming.get(nodeId) ?? [];
    return list.length === 1 && rng.chance(0.5) ? (list[0] as string) : list;
  };
  const outs = (nodeId: string) => draft.outgoing.get(nodeId) ?? [];
  for (const [nodeId, act] of Object.entries(draft.activities)) {
    act.incoming = ins(nodeId);
    act.outgoing = outs(nodeId)[0] as string;
  }
  for (const [nodeId, gateway] of Object.entries(draft.gateways)) {
    gateway.incoming = ins(nodeId);
    gateway.outgoing = (gateway.type === "ConvergeGateway" ? outs(nodeId)[0] : outs(nodeId)) as never;
  }
  for (const [nodeId, labels] of Object.entries(ctx.labels)) {
    const node = draft.activities[nodeId];
    if (node) node.labels = labels;
  }
  const customOutputs = Object.keys(constants).filter((key) => key.startsWith("${c") && rng.chance(0.1));
  const tree: PipelineTree = {
    start_event: {
      id: startId,
      name: "",
      type: "EmptyStartEvent",
      incoming: "",
      outgoing: outs(startId)[0] as string,
    },
    end_event: { id: endId, name: "", type: "EmptyEndEvent", incoming: ins(endId), outgoing: "" },
    activities: draft.activities,
    gateways: draft.gateways,
    flows: draft.flows,
    constants,
    outputs: [...ctx.outputsOf.filter(() => rng.chance(0.6)).map((c) => c.key), ...customOutputs],
    line: Object.values(draft.flows).map((flow) => ({
      id: flow.id,
      source: { id: flow.source, arrow: "Right" },
      target: { id: flow.target, arrow: "Left" },
    })),
    location: draft.order.map((nodeId, i) => ({ id: nodeId, type: "tasknode", x: 100 * i, y: 100 })),
  };
  const activityIds = Object.keys(draft.activities);
  const schemes: TemplateScheme[] = Array.from({ length: rng.int(0, 2) }, (_, i) => {
    const name = `scheme ${i + 1}`;
    const data = rng.subset(activityIds, 0.6);
    if (rng.chance(0.3)) data.push(`${NODE}${rng.hex31()}`); // a node the tree no longer has
    return { id: id * 10 + i, name, unique_id: `${id}-${name}`, data };
  });
  return {
    kind,
    id,
    name: `corpus ${kind} ${id}`,
    version: `v${id}-${rng.hex31().slice(0, 8)}`,
    schemes,
    tree,
  };
}

/**
 * `count` valid templates from a seed, in an order where every subprocess names an earlier
 * template. About one in four is a common template (common templates only run common ones).
 * Project templates are numbered from 1001, common ones from 5001.
 */
export function generateCorpus(seed: number, count: number): CorpusTemplate[] {
  const rng = seededRandom(seed);
  const corpus: CorpusTemplate[] = [];
  // How deep each template's subprocesses nest: children are taken among the last few templates
  // that nest at most once, so a task unfolds at most two levels below its root.
  const depth = new Map<CorpusTemplate, number>();
  for (let i = 0; i < count; i += 1) {
    const kind: TemplateKind = rng.chance(0.25) ? "common" : "project";
    const id = (kind === "common" ? 5001 : 1001) + i;
    const children = corpus.slice(-8).filter((t) => (depth.get(t) ?? 0) < 2);
    const made = template(rng, kind, id, children);
    const used = Object.values(made.tree.activities)
      .filter((act) => act.type === "SubProcess")
      .map((act) => corpus.find((t) => String(t.id) === String(act.template_id)));
    depth.set(made, Math.max(0, ...used.map((t) => 1 + (t ? (depth.get(t) ?? 0) : 0))));
    corpus.push(made);
  }
  return corpus;
}

/** A catalog over a corpus (for unfolding without a database), naming pipelines `p<kind><id>`. */
export function corpusCatalog(corpus: readonly CorpusTemplate[]): TemplateCatalog {
  const byKey = new Map(corpus.map((t) => [`${t.kind}:${t.id}`, t]));
  const pipelineId = (kind: TemplateKind, id: number) => `p${kind}${id}`;
  return {
    pipelineTemplateId(kind, pk) {
      const found = byKey.get(`${kind}:${Number(pk)}`);
      if (!found) throw new SubprocessError(`${MODEL_NAME[kind]} matching query does not exist.`);
      return pipelineId(kind, found.id);
    },
    version(_kind, id, version): TemplateVersion {
      const found = corpus.find((t) => pipelineId(t.kind, t.id) === id);
      if (!found || (version !== null && version !== found.version)) {
        throw new SubprocessError("'NoneType' object has no attribute 'data'");
      }
      return {
        tree: found.tree,
        kind: found.kind,
        id: found.id,
        currentVersion: found.version,
        schemes: found.schemes,
      };
    },
  };
}

/** A create_task request for a corpus template, and the template activities it leaves out. */
export interface CorpusRequest {
  body: Record<string, unknown>;
  excluded: Set<string>;
}

/**
 * A random valid request: leave out some optional nodes (by `exclude_task_nodes_id`, by
 * `execute_task_nodes_id` listing every required node, or by execution schemes named by pk or
 * unique id), and send values for some constants and for keys the template does not have. Values
 * never hold `${`, so they add no reference.
 */
export function randomTaskRequest(rng: Random, template: CorpusTemplate): CorpusRequest {
  const activities = Object.entries(template.tree.activities);
  const optional = activities.filter(([, act]) => act.optional === true).map(([id]) => id);
  const required = activities.filter(([, act]) => act.optional !== true).map(([id]) => id);
  const body: Record<string, unknown> = { name: `corpus task of ${template.id}` };
  let excluded = new Set<string>();
  const mode = rng.next();
  if (template.schemes.length > 0 && mode < 0.25) {
    const chosen = rng.subset(template.schemes, 0.6);
    const schemes = chosen.length > 0 ? chosen : [template.schemes[0] as TemplateScheme];
    body.template_schemes_id = schemes.map((scheme) => (rng.chance(0.5) ? scheme.id : scheme.unique_id));
    const selected = new Set(schemes.flatMap((scheme) => scheme.data));
    excluded = new Set(optional.filter((id) => !selected.has(id)));
  } else if (mode < 0.4) {
    const run = [...required, ...rng.subset(optional)];
    body.execute_task_nodes_id = run;
    // An empty list is no selection at all: nothing is left out.
    excluded = new Set(run.length === 0 ? [] : optional.filter((id) => !run.includes(id)));
  } else {
    excluded = new Set(rng.subset(optional, 0.4));
    body.exclude_task_nodes_id = [...excluded];
  }
  const values: Record<string, unknown> = {};
  for (const key of rng.subset(Object.keys(template.tree.constants), 0.3)) {
    values[key] = rng.pick(["sent value", 42, true, ["a", "b"], { nested: "object" }]);
  }
  if (rng.chance(0.3)) values["${not_in_template}"] = "ignored";
  body.constants = values;
  return { body, excluded };
}
