/**
 * A pipeline tree with every generated id replaced by a stable label, so two trees built from
 * the same template compare equal whatever ids the server made up:
 * activities are named by `template_node_id` (or their own id), events by their role,
 * gateways by type and position, flows by their ends. `incoming` becomes a sorted list
 * (the doc shows strings, the service lists), `template_node_id` is dropped, and so is an empty
 * `labels` list (the service gives every node one, the published example shows none). Unfolded
 * subprocesses are named level by level, under their subprocess node.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Returns the canonical copy of `tree` (the input is not changed). */
export function canonicalTree(tree: unknown): unknown {
  if (!isObject(tree)) return tree;
  const names = new Map<string, string>();
  if (typeof tree.id === "string") names.set(tree.id, "pipeline");
  nameLevel(tree, "", names);
  return rename(tree, names, "");
}

/**
 * Names the ids of one level of a tree, then of each unfolded subprocess inside it, under the name
 * of its subprocess node (`activity:S/activity:X`). A task's subprocess node names its child by a
 * generated pipeline template id: that id is named by the child template's kind and id.
 */
function nameLevel(tree: Json, prefix: string, names: Map<string, string>): void {
  const activities = isObject(tree.activities) ? tree.activities : {};
  const gateways = isObject(tree.gateways) ? tree.gateways : {};
  const flows = isObject(tree.flows) ? tree.flows : {};
  for (const [id, activity] of Object.entries(activities)) {
    const original = isObject(activity) ? activity.template_node_id : undefined;
    names.set(id, `${prefix}activity:${typeof original === "string" ? original : id}`);
  }
  Object.entries(gateways).forEach(([id, gateway], index) => {
    names.set(id, `${prefix}gateway:${isObject(gateway) ? String(gateway.type) : "?"}#${index}`);
  });
  if (isObject(tree.start_event)) names.set(String(tree.start_event.id), `${prefix}start_event`);
  if (isObject(tree.end_event)) names.set(String(tree.end_event.id), `${prefix}end_event`);
  const seen = new Map<string, number>();
  for (const [id, flow] of Object.entries(flows)) {
    if (!isObject(flow)) continue;
    const base = `${prefix}flow:${names.get(String(flow.source)) ?? flow.source}->${names.get(String(flow.target)) ?? flow.target}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    names.set(id, count === 1 ? base : `${base}#${count}`);
  }
  for (const [id, activity] of Object.entries(activities)) {
    if (!isObject(activity) || !isObject(activity.pipeline)) continue;
    if (typeof activity.template_id === "string" && typeof activity.original_template_id === "string") {
      names.set(
        activity.template_id,
        `pipeline-template:${String(activity.template_source)}:${activity.original_template_id}`,
      );
    }
    nameLevel(activity.pipeline, `${names.get(id)}/`, names);
  }
}

function rename(value: unknown, names: Map<string, string>, key: string): unknown {
  if (typeof value === "string") return names.get(value) ?? value;
  if (Array.isArray(value)) {
    const items = value.map((item) => rename(item, names, ""));
    return key === "incoming" ? [...items].sort() : items;
  }
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [field, item] of Object.entries(value)) {
    if (field === "template_node_id") continue;
    if (field === "labels" && Array.isArray(item) && item.length === 0) continue;
    const name = names.get(field) ?? field;
    if (field === "incoming" && typeof item === "string") {
      out[name] = item === "" ? [] : [names.get(item) ?? item];
    } else {
      out[name] = rename(item, names, field);
    }
  }
  return out;
}
