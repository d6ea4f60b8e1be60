import { isPlainObject } from "./python-values.js";

const LOCATION_TYPES: Record<string, string> = {
  EmptyStartEvent: "startpoint",
  EmptyEndEvent: "endpoint",
  ServiceActivity: "tasknode",
  SubProcess: "subflow",
  ParallelGateway: "parallelgateway",
  ExclusiveGateway: "branchgateway",
  ConditionalParallelGateway: "conditionalparallelgateway",
  ConvergeGateway: "convergegateway",
};

/**
 * A tree as `get_template_info` answers it has no canvas (`line`, `location`), but the template it
 * comes from has one (the bk-sops editor always saves it) and bk-sops' exclusion edits it; so a tree
 * without `line` gets one line per flow, and a tree without `location` one location per node, laid
 * out left to right in the order the nodes are listed. A canvas that is present is kept as it is.
 */
export function withDrawing(tree: Record<string, unknown>): Record<string, unknown> {
  if (Array.isArray(tree.line) && Array.isArray(tree.location)) return tree;
  const nodes = [
    tree.start_event,
    ...Object.values(isPlainObject(tree.activities) ? tree.activities : {}),
    ...Object.values(isPlainObject(tree.gateways) ? tree.gateways : {}),
    tree.end_event,
  ].filter(isPlainObject);
  // A line is named by its flow's key (bk-sops addresses flows by key, whatever their `id` says).
  const flows = Object.entries(isPlainObject(tree.flows) ? tree.flows : {}).filter(
    (entry): entry is [string, Record<string, unknown>] => isPlainObject(entry[1]),
  );
  return {
    ...tree,
    line: Array.isArray(tree.line)
      ? tree.line
      : flows.map(([id, flow]) => ({
          id,
          source: { id: flow.source, arrow: "Right" },
          target: { id: flow.target, arrow: "Left" },
        })),
    location: Array.isArray(tree.location)
      ? tree.location
      : nodes.map((node, index) => ({
          id: node.id,
          type: LOCATION_TYPES[String(node.type)] ?? "tasknode",
          x: 80 + index * 200,
          y: 150,
          ...(typeof node.name === "string" && node.name ? { name: node.name } : {}),
        })),
  };
}
