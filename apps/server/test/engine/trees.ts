import type { Constant, PipelineTree, SubProcess } from "@bksops/domain";
import { isPlainObject } from "@bksops/domain";
import { constant } from "@bksops/domain/testing";

/**
 * Test trees with subprocesses, as a task holds them: every id unique across levels (the builder
 * names every tree's events `start` and `end`), each child under its subprocess node's `pipeline`
 * with the node's id as its own.
 */

/** A copy of `tree` with every node and flow id prefixed (`c.start`, `c.a`, `c.f_start_a`, …). */
export function renamed(tree: PipelineTree, prefix: string): PipelineTree {
  const ids = new Set<string>([
    tree.start_event.id,
    tree.end_event.id,
    ...Object.keys(tree.activities),
    ...Object.keys(tree.gateways),
    ...Object.keys(tree.flows),
  ]);
  const rename = (value: unknown): unknown => {
    if (typeof value === "string") return ids.has(value) ? `${prefix}.${value}` : value;
    if (Array.isArray(value)) return value.map(rename);
    if (!isPlainObject(value)) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key === "constants" ? key : (rename(key) as string),
        key === "constants" ? item : rename(item),
      ]),
    );
  };
  return rename(tree) as PipelineTree;
}

/**
 * Puts `child` under subprocess node `nodeId` of `parent` (in place), as bk-sops unfolds it: the
 * node's `constants` are gone, the child's tree carries what the node passes down.
 */
export function withChild(parent: PipelineTree, nodeId: string, child: PipelineTree): PipelineTree {
  const node = parent.activities[nodeId] as SubProcess;
  delete node.constants;
  node.pipeline = { ...child, id: nodeId } as PipelineTree;
  return parent;
}

/** Constants by key, each `show_type: "show"` unless the overrides say otherwise. */
export function constants(values: Record<string, Partial<Constant>>): Record<string, Constant> {
  return Object.fromEntries(
    Object.entries(values).map(([key, fields], i) => [key, constant(key, i, fields)]),
  );
}
