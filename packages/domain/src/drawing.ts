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
 * A tree as `get_template_info` answers it has no canvas (`line`, `location`), but bk-sops'
 * exclusion edits the canvas of every task (and fails on a missing line when it collapses a
 * parallel gateway); so a tree read that way gets one line per flow and one location per node,
 * laid out left to right in the order the nodes are listed. A tree with a canvas is returned as is.
 */
export function withDrawing(tree: Record<string, unknown>): Record<string, unknown> {
  if (Array.isArray(tree.line) && Array.isArray(tree.location)) return tree;
  const nodes = [
    tree.start_event,
    ...Object.values(isPlainObject(tree.activities) ? tree.activities : {}),
    ...Object.values(isPlainObject(tree.gateways) ? tree.gateways : {}),
    tree.end_event,
  ].filter(isPlainObject);
  const flows = Object.values(isPlainObject(tree.flows) ? tree.flows : {}).filter(isPlainObject);
  return {
    ...tree,
    line: flows.map((flow) => ({
      id: flow.id,
      source: { id: flow.source, arrow: "Right" },
      target: { id: flow.target, arrow: "Left" },
    })),
    location: nodes.map((node, index) => ({
      id: node.id,
      type: LOCATION_TYPES[String(node.type)] ?? "tasknode",
      x: 80 + index * 200,
      y: 150,
      ...(typeof node.name === "string" && node.name ? { name: node.name } : {}),
    })),
  };
}
