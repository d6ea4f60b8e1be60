/**
 * Structural types of a bk-sops web pipeline tree (the `pipeline_tree` of a template or a task).
 * Real trees carry many fields the server never reads, so every object type is open.
 */

/** A flow id or a list of flow ids; templates may hold either, tasks always hold lists. */
export type FlowRef = string | string[];

export interface StartEvent {
  id: string;
  name: string;
  type: "EmptyStartEvent";
  incoming: FlowRef;
  outgoing: string;
  [k: string]: unknown;
}

export interface EndEvent {
  id: string;
  name: string;
  type: "EmptyEndEvent";
  incoming: FlowRef;
  outgoing: string;
  [k: string]: unknown;
}

/** One plugin input: `hook` marks an input lifted to a template constant. */
export interface ComponentInput {
  hook: boolean;
  value: unknown;
  [k: string]: unknown;
}

export interface Component {
  code: string;
  data: Record<string, ComponentInput>;
  version?: string;
  [k: string]: unknown;
}

interface ActivityBase {
  id: string;
  name: string;
  incoming: FlowRef;
  outgoing: string;
  optional?: boolean;
  error_ignorable?: boolean;
  stage_name?: string;
  /** Added at task creation: the id the node had in its template. */
  template_node_id?: string;
  [k: string]: unknown;
}

export interface ServiceActivity extends ActivityBase {
  type: "ServiceActivity";
  component: Component;
}

/** A constant of a subprocess node; only `show_type: "show"` ones count as references. */
export interface SubProcessConstant {
  value?: unknown;
  show_type?: string;
  [k: string]: unknown;
}

export interface SubProcess extends ActivityBase {
  type: "SubProcess";
  /** In a template, the child template's pk; in a task, the child's pipeline template id. */
  template_id?: unknown;
  /** `common` for a common flow; anything else means a flow of the parent's own kind. */
  template_source?: unknown;
  /** The child's version this node is pinned to (the md5 bk-sops names versions by). */
  version?: unknown;
  /** When true the child's current version is used whatever `version` says. */
  always_use_latest?: unknown;
  /** Pks of the child's execution schemes that select its optional nodes. */
  scheme_id_list?: unknown;
  /** The values passed down to the child, by constant key (popped when the task is created). */
  constants?: Record<string, SubProcessConstant>;
  /** In a task: the child's whole tree. */
  pipeline?: PipelineTree;
}

export type Activity = ServiceActivity | SubProcess;

export interface Condition {
  evaluate: string;
  name?: string;
  tag?: string;
  [k: string]: unknown;
}

export interface DefaultCondition {
  flow_id: string;
  name?: string;
  [k: string]: unknown;
}

interface GatewayBase {
  id: string;
  name: string;
  incoming: FlowRef;
  [k: string]: unknown;
}

export interface ParallelGateway extends GatewayBase {
  type: "ParallelGateway";
  outgoing: string[];
  converge_gateway_id?: string;
}

export interface ExclusiveGateway extends GatewayBase {
  type: "ExclusiveGateway";
  outgoing: string[];
  conditions: Record<string, Condition>;
  default_condition?: DefaultCondition;
  converge_gateway_id?: string;
}

export interface ConditionalParallelGateway extends GatewayBase {
  type: "ConditionalParallelGateway";
  outgoing: string[];
  conditions: Record<string, Condition>;
  default_condition?: DefaultCondition;
  converge_gateway_id?: string;
}

export interface ConvergeGateway extends GatewayBase {
  type: "ConvergeGateway";
  outgoing: string;
}

export type DivergentGateway = ParallelGateway | ExclusiveGateway | ConditionalParallelGateway;
export type Gateway = DivergentGateway | ConvergeGateway;

export interface Flow {
  id: string;
  source: string;
  target: string;
  is_default: boolean;
  [k: string]: unknown;
}

export interface Constant {
  key: string;
  name: string;
  index: number;
  desc: string;
  source_type: string;
  custom_type: string;
  source_tag: string;
  source_info: Record<string, string[]>;
  value: unknown;
  show_type?: string;
  validation?: string;
  is_meta?: boolean;
  /** Added at task creation for meta constants: a copy of the constant as the template had it. */
  meta?: unknown;
  form_schema?: unknown;
  [k: string]: unknown;
}

export interface LineEnd {
  id: string;
  arrow: string;
  [k: string]: unknown;
}

/** A drawn edge of the web editor; its id is the id of the flow it draws. */
export interface Line {
  id: string;
  source: LineEnd;
  target: LineEnd;
  [k: string]: unknown;
}

/** A drawn node of the web editor; its id is the id of the node it draws. */
export interface Location {
  id: string;
  type: string;
  x: number;
  y: number;
  name?: string;
  stage_name?: string;
  [k: string]: unknown;
}

export interface PipelineTree {
  id?: string;
  start_event: StartEvent;
  end_event: EndEvent;
  activities: Record<string, Activity>;
  gateways: Record<string, Gateway>;
  flows: Record<string, Flow>;
  constants: Record<string, Constant>;
  outputs: string[];
  line: Line[];
  location: Location[];
  [k: string]: unknown;
}

/**
 * A template's execution scheme: the activity ids it runs. bk-sops names it by pk (`id`) or by
 * `unique_id`, which is `<template id>-<scheme name>`. `data` may name nodes the tree no longer has.
 */
export interface TemplateScheme {
  id: number;
  name?: string;
  unique_id: string;
  data: string[];
}

/** Which divergent gateways converge at each converge gateway, in the order they were matched. */
export type ConvergeMap = Map<string, string[]>;

/** True for the gateway types that open a block closed by a converge gateway. */
export function isDivergent(gateway: Gateway): gateway is DivergentGateway {
  return gateway.type !== "ConvergeGateway";
}

/** The flow ids of an `incoming`/`outgoing` field as a list (bk-sops accepts both shapes). */
export function flowList(ref: FlowRef | undefined): string[] {
  if (Array.isArray(ref)) return ref;
  return ref ? [ref] : [];
}
