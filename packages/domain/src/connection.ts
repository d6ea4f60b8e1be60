import { InvalidTreeError, MissingKeyError } from "./errors.js";
import type { TableNode } from "./node-table.js";
import { pyRepr } from "./python-repr.js";

/** How many flows a node type takes in and sends out, and what it may lead to (bamboo's NODE_RULES). */
interface Rule {
  minIn: number;
  maxIn: number;
  minOut: number;
  maxOut: number;
  allowedOut: ReadonlySet<string>;
}

const MANY = 1000;
const ACTIVITIES = ["ServiceActivity", "SubProcess"];
const GATEWAYS = ["ParallelGateway", "ConditionalParallelGateway", "ExclusiveGateway", "ConvergeGateway"];
// The start event may not lead straight to the end event; nothing may lead to the start event.
const NOT_EVENTS = new Set([...ACTIVITIES, ...GATEWAYS]);
const NOT_START = new Set([...ACTIVITIES, ...GATEWAYS, "EmptyEndEvent"]);

const RULES: Record<string, Rule> = {
  EmptyStartEvent: { minIn: 0, maxIn: 0, minOut: 1, maxOut: 1, allowedOut: NOT_EVENTS },
  EmptyEndEvent: { minIn: 1, maxIn: MANY, minOut: 0, maxOut: 0, allowedOut: new Set() },
  ServiceActivity: { minIn: 1, maxIn: MANY, minOut: 1, maxOut: 1, allowedOut: NOT_START },
  SubProcess: { minIn: 1, maxIn: MANY, minOut: 1, maxOut: 1, allowedOut: NOT_START },
  ExclusiveGateway: { minIn: 1, maxIn: MANY, minOut: 1, maxOut: MANY, allowedOut: NOT_START },
  ParallelGateway: { minIn: 1, maxIn: MANY, minOut: 1, maxOut: MANY, allowedOut: NOT_START },
  ConditionalParallelGateway: { minIn: 1, maxIn: MANY, minOut: 1, maxOut: MANY, allowedOut: NOT_START },
  ConvergeGateway: { minIn: 1, maxIn: MANY, minOut: 1, maxOut: 1, allowedOut: NOT_START },
};

/**
 * bamboo's connection check (`validate_graph_connection`): node by node, each of its outgoing flows
 * must lead to a node type it may lead to, and its in- and out-degree must be within its rule. The
 * degrees are only looked at once per outgoing flow, so a node without outgoing flows (the end
 * event, or an activity whose `outgoing` is `""`) is never checked. The first failing node ends the
 * check; bk-sops' text is the Python `str()` of `{node id: lines}`.
 */
export function checkConnections(table: Map<string, TableNode>): void {
  for (const node of table.values()) {
    const rule = RULES[node.type];
    if (!rule) throw new MissingKeyError(node.type);
    let text = "";
    const reasons: string[] = [];
    for (const targetId of node.targets) {
      const target = table.get(targetId);
      if (!target) throw new MissingKeyError(targetId);
      if (!rule.allowedOut.has(target.type)) {
        // bamboo names the type of the node the flow leaves, not the one it enters.
        text += `不能连接${node.type}类型节点\n`;
        reasons.push(`may not lead to the ${target.type} ${targetId}`);
      }
      if (node.sources.length < rule.minIn || node.sources.length > rule.maxIn) {
        text += `节点的入度最大为${rule.maxIn}，最小为${rule.minIn}\n`;
        reasons.push(`takes ${rule.minIn}..${rule.maxIn} incoming flows, has ${node.sources.length}`);
      }
      if (node.targets.length < rule.minOut || node.targets.length > rule.maxOut) {
        text += `节点的出度最大为${rule.maxOut}，最小为${rule.minOut}\n`;
        reasons.push(`sends ${rule.minOut}..${rule.maxOut} outgoing flows, has ${node.targets.length}`);
      }
    }
    if (text) {
      throw new InvalidTreeError(
        pyRepr({ [node.id]: text }),
        `node ${node.id}: ${[...new Set(reasons)].join("; ")}`,
      );
    }
  }
}
