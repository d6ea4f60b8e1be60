import { isPlainObject } from "@bksops/domain";

/**
 * bk-sops' `trim_pipeline_tree`, applied to the tree an MCP caller asked for: the canvas and the
 * editor's fields go, what a reader of the flow needs stays (kept fields by kind, hook inputs
 * unwrapped, empty values dropped).
 */
type Json = Record<string, unknown>;

const ACTIVITY_KEEP = new Set([
  "id",
  "type",
  "name",
  "component",
  "pipeline",
  "stage_name",
  "retryable",
  "skippable",
  "error_ignorable",
  "auto_retry",
  "source_info",
]);
const SUBPROCESS_EXTRA = ["template_id", "template_source", "version", "hooked_constants"];
const GATEWAY_KEEP = new Set([
  "id",
  "type",
  "name",
  "conditions",
  "default_condition",
  "converge_gateway_id",
]);
const CONSTANT_KEEP = new Set([
  "key",
  "name",
  "desc",
  "source_type",
  "custom_type",
  "value",
  "source_tag",
  "source_info",
]);
const DATA_FIELD_DROPPED = new Set([
  "button_refresh",
  "button_refresh_2",
  "button_refresh_3",
  "ip_is_exist",
  "is_tagged_ip",
  "need_log_outputs_even_fail",
  "job_rolling_config",
  "\u00a9",
]);

const isEmpty = (value: unknown) =>
  value === "" ||
  value === null ||
  value === undefined ||
  (Array.isArray(value) && value.length === 0) ||
  (isPlainObject(value) && Object.keys(value).length === 0);

const unwrapHook = (value: unknown) =>
  isPlainObject(value) && "value" in value && "hook" in value ? value.value : value;

function trimComponent(component: Json): Json {
  const out: Json = { code: component.code ?? "" };
  if ("version" in component) out.version = component.version;
  if (isPlainObject(component.data)) {
    const data: Json = {};
    for (const [field, raw] of Object.entries(component.data)) {
      if (DATA_FIELD_DROPPED.has(field)) continue;
      const value = unwrapHook(raw);
      if (!isEmpty(value)) data[field] = value;
    }
    out.data = data;
  }
  return out;
}

function trimActivity(activity: Json): Json {
  const keep =
    activity.type === "SubProcess" ? new Set([...ACTIVITY_KEEP, ...SUBPROCESS_EXTRA]) : ACTIVITY_KEEP;
  const out: Json = {};
  for (const [field, value] of Object.entries(activity)) {
    if (!keep.has(field)) continue;
    if (field === "pipeline" && isPlainObject(value)) out[field] = trimTree(value);
    else if (field === "component" && isPlainObject(value)) out[field] = trimComponent(value);
    else out[field] = value;
  }
  return out;
}

function trimConstant(constant: unknown): unknown {
  if (!isPlainObject(constant)) return constant;
  const out: Json = {};
  for (const [field, raw] of Object.entries(constant)) {
    if (!CONSTANT_KEEP.has(field)) continue;
    const value = field === "value" ? unwrapHook(raw) : raw;
    if (!isEmpty(value)) out[field] = value;
  }
  return out;
}

const mapValues = (record: Json, fn: (value: Json) => unknown) =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, fn(value as Json)]));

function trimTree(tree: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(tree)) {
    if (key === "line" || key === "location") continue;
    if (!isPlainObject(value)) out[key] = value;
    else if (key === "activities") out[key] = mapValues(value, trimActivity);
    else if (key === "gateways") {
      out[key] = mapValues(value, (gw) =>
        Object.fromEntries(Object.entries(gw).filter(([k]) => GATEWAY_KEEP.has(k))),
      );
    } else if (key === "flows") {
      const flows: Json = {};
      for (const [id, flow] of Object.entries(value) as Array<[string, Json]>) {
        if (!("source" in flow) || !("target" in flow)) continue;
        flows[id] = {
          source: flow.source,
          target: flow.target,
          ...(flow.is_default ? { is_default: true } : {}),
        };
      }
      out[key] = flows;
    } else if (key === "start_event" || key === "end_event") {
      out[key] = { id: value.id ?? "", type: value.type ?? "", name: value.name ?? "" };
    } else if (key === "constants") out[key] = mapValues(value, trimConstant);
    else out[key] = value;
  }
  return out;
}

/** The trimmed copy of a pipeline tree; anything that is not a tree is returned as it is. */
export function trimPipelineTree(tree: unknown): unknown {
  return isPlainObject(tree) ? trimTree(tree) : tree;
}
