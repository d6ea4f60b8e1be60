import type { FlowRef, Line, Location } from "./types.js";

/** The web drawing indexed by id, edited alongside the tree and written back at the end. */
export interface WebIndex {
  lines: Map<string, Line>;
  locations: Map<string, Location>;
}

/**
 * Replace `replaced` in a node's incoming by `added` (bk-sops `_replace_node_incoming`): a list drops
 * it and appends the new ids at the end; a string becomes the single new id, or the list of them.
 */
export function replaceIncoming(node: { incoming: FlowRef }, replaced: string, added: string[]): void {
  if (Array.isArray(node.incoming)) {
    const at = node.incoming.indexOf(replaced);
    if (at >= 0) node.incoming.splice(at, 1);
    node.incoming.push(...added);
  } else {
    node.incoming = added.length === 1 ? (added[0] as string) : added;
  }
}
