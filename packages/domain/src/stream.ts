import { InvalidTreeError, MissingKeyError, StreamError } from "./errors.js";
import type { TableNode } from "./node-table.js";

const PARALLEL = new Set(["ParallelGateway", "ConditionalParallelGateway"]);
const MAIN = "main";

interface Parallel {
  /** The streams of the parallel gateway's branches: `<gateway id>_<branch index>`. */
  streams: Set<string>;
}

const isSubset = (a: Set<string>, b: Set<string>): boolean => [...a].every((item) => b.has(item));

/**
 * bamboo's stream check (`validate_stream`), on a tree whose divergent gateways already carry their
 * `converge_gateway_id`. Every node gets the stream it runs in: the main stream, or the branch of a
 * parallel gateway it lies on. Streams flow breadth-first from the start event; a parallel
 * gateway's converge gateway joins its branches back into the gateway's own stream. A node that
 * two streams reach (say, a node fed by branches of two different parallel gateways) or that no
 * stream reaches (an island) is refused with `StreamValidateError`, which has no text.
 */
export function checkStreams(table: Map<string, TableNode>, startId: string, endId: string): void {
  const streams = new Map<string, Set<string>>();
  const parallels = new Map<string, Parallel>();
  for (const [id, node] of table) {
    streams.set(id, id === startId || id === endId ? new Set([MAIN]) : new Set());
    if (PARALLEL.has(node.type)) {
      const converge = String(node.node.converge_gateway_id);
      parallels.set(converge, { streams: new Set(node.targets.map((_, i) => `${id}_${i}`)) });
    }
  }
  const streamOf = (id: string): Set<string> => {
    const found = streams.get(id);
    if (!found) throw new MissingKeyError(id);
    return found;
  };
  const blend = (from: TableNode, into: string, own?: string): void => {
    const target = streamOf(into);
    if (own !== undefined) {
      target.add(own);
      return;
    }
    const source = streamOf(from.id);
    if (source.size === 0) {
      throw new InvalidTreeError(
        `stream validation error, node(${from.id}) stream is empty`,
        `node ${from.id}: no stream reaches it before it passes one on`,
      );
    }
    for (const stream of source) target.add(stream);
  };

  const flowFrom = (node: TableNode): void => {
    const parallel = PARALLEL.has(node.type);
    if (parallel) {
      const converge = String(node.node.converge_gateway_id);
      blend(node, converge);
      if (streamOf(converge).size > 1) throw new StreamError(converge, "joins branches of different streams");
    }
    node.targets.forEach((targetId, index) => {
      let passOn = true;
      const joining = parallels.get(targetId);
      if (joining) {
        const ownBranch = isSubset(streamOf(node.id), joining.streams);
        const direct = node.node.converge_gateway_id === targetId;
        // A branch arriving at its own converge gateway does not carry its stream past it.
        if (ownBranch || direct) passOn = false;
      }
      if (passOn) blend(node, targetId, parallel ? `${node.id}_${index}` : undefined);
      if (streamOf(targetId).size !== 1)
        throw new StreamError(targetId, "is reached from more than one stream");
    });
  };

  const visited = new Set<string>();
  const queue: TableNode[] = [];
  const first = table.get(startId);
  if (first) queue.push(first);
  for (let at = 0; at < queue.length; at += 1) {
    const node = queue[at] as TableNode;
    if (!visited.has(node.id)) {
      for (const targetId of node.targets) {
        const target = table.get(targetId);
        if (!target) throw new MissingKeyError(targetId);
        queue.push(target);
      }
      visited.add(node.id);
    }
    flowFrom(node);
  }
  for (const [id, set] of streams) {
    if (set.size === 0)
      throw new StreamError(id, "no stream reaches it (it cannot be reached from the start event)");
    if (set.size !== 1) throw new StreamError(id, "is reached from more than one stream");
  }
}
