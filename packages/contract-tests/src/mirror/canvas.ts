import { cloneJson, isPlainObject, withDrawing } from "@bksops/domain";

type Json = Record<string, unknown>;

const idsOf = (value: unknown): Set<string> => new Set(Object.keys(isPlainObject(value) ? value : {}));

/**
 * The template's tree with the deployment's own canvas. get_template_info leaves `line` and
 * `location` out, but a task keeps them (and bk-sops' exclusion edits them), so the mirror takes
 * them from a preview of the same version (which answers the template's canvas). A flow or node
 * the preview's canvas lacks (bk-sops trims a parallel branch that goes straight to its converge
 * gateway even when nothing is excluded) gets a drawn one, as the reference server draws it.
 */
export function withCanvas(tree: Json, previewTree: Json | undefined): { tree: Json; drawn: number } {
  const bare = cloneJson(tree);
  delete bare.line;
  delete bare.location;
  const drawn = withDrawing(bare) as Json;
  if (!previewTree || !Array.isArray(previewTree.line) || !Array.isArray(previewTree.location))
    return { tree: drawn, drawn: -1 };
  const flows = idsOf(tree.flows);
  const nodes = new Set([
    ...idsOf(tree.activities),
    ...idsOf(tree.gateways),
    ...[tree.start_event, tree.end_event].filter(isPlainObject).map((node) => String(node.id)),
  ]);
  const pick = (own: unknown[], fallback: unknown[], wanted: Set<string>) => {
    const byId = new Map(own.filter(isPlainObject).map((item) => [String(item.id), item] as const));
    const kept = own.filter((item) => isPlainObject(item) && wanted.has(String(item.id)));
    const missing = fallback.filter(
      (item) => isPlainObject(item) && wanted.has(String(item.id)) && !byId.has(String(item.id)),
    );
    return { items: [...kept, ...missing], missing: missing.length };
  };
  const line = pick(previewTree.line, drawn.line as unknown[], flows);
  const location = pick(previewTree.location, drawn.location as unknown[], nodes);
  return {
    tree: { ...bare, line: cloneJson(line.items), location: cloneJson(location.items) },
    drawn: line.missing + location.missing,
  };
}
