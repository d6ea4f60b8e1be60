import type { ExamplePair } from "@bksops/api-types";
import { pyTruthy } from "@bksops/domain";
import type { DocumentedTemplate } from "../fixtures/documented.js";
import type { GroundTemplate } from "../ground/template.js";
import { predictTask } from "../predict/predict.js";
import { isObject } from "./diff.js";
import type { Scene } from "./example-scene.js";

/** What an example's request names that depends on the template. */
export interface TemplateReferences {
  nodes: string[];
  keys: string[];
  schemes: string[];
}

/** What an example's request names that depends on the template: node ids, variable keys, scheme ids. */
export function templateReferences(pair: ExamplePair): TemplateReferences {
  const body = isObject(pair.request?.value) ? pair.request.value : {};
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  const schemes = body.template_schemes_id;
  // A task example names a node by the template node it was made from.
  const node = pair.request?.contract.node;
  const made = node === undefined ? [] : [node];
  return {
    nodes: [...list(body.exclude_task_nodes_id), ...list(body.execute_task_nodes_id), ...made],
    keys: isObject(body.constants) ? Object.keys(body.constants) : [],
    schemes: Array.isArray(schemes) ? schemes.map(String) : schemes === undefined ? [] : [String(schemes)],
  };
}

/** The documented template's plain task: which variables it keeps. */
const keptKeys = (tree: DocumentedTemplate["tree"]) => {
  const plain = predictTask({ tree, schemes: [] } as unknown as GroundTemplate, {});
  return "tree" in plain ? new Set(Object.keys(plain.tree.constants)) : new Set<string>();
};

/** Maps the example's node ids, variable keys and scheme ids onto the deployment's template; a reason when it cannot. */
export function mapReferences(
  scene: Scene,
  documented: DocumentedTemplate | undefined,
  template: GroundTemplate,
  references: TemplateReferences,
): string | undefined {
  if (scene.mode === "documented") return undefined;
  if (!documented) {
    // A template the fixtures do not ship: its variables stand for keys the run's template does
    // not have (ignored by bk-sops); its nodes and schemes cannot be mapped.
    if (references.nodes.length + references.schemes.length > 0)
      return "names nodes or schemes of a documented template the fixtures do not ship (it has subprocesses)";
    references.keys.forEach((key, index) => {
      scene.ids.set(key, `\${bk_sops_contract_${index}}`);
    });
    for (const [from, to] of scene.ids) scene.replacements.push([from, to]);
    return undefined;
  }
  const theirs = template.tree.activities;
  const ours = documented.tree.activities;
  if (scene.mode === "imported") {
    // An import gives every node a new id; names identify them (they are unique in the fixtures).
    for (const id of references.nodes) {
      const name = ours[id]?.name;
      const found = Object.entries(theirs).find(([, act]) => act.name === name)?.[0];
      if (name !== undefined && !found) return `the imported template has no node named "${name}"`;
      if (found) scene.ids.set(id, found);
    }
    for (const id of references.schemes) {
      const scheme = documented.schemes.find((s) => `${documented.id}-${s.name}` === id);
      const found = scheme && template.schemes.find((s) => s.name === scheme.name);
      if (found) scene.ids.set(id, found.unique_id);
    }
  } else {
    const optional = (tree: Record<string, { optional?: unknown }>) =>
      Object.entries(tree)
        .filter(([, act]) => pyTruthy(act.optional))
        .map(([id]) => id);
    const required = (tree: Record<string, { optional?: unknown }>) =>
      Object.entries(tree)
        .filter(([, act]) => !pyTruthy(act.optional))
        .map(([id]) => id);
    const pools = { optional: optional(theirs), required: required(theirs) };
    const codeOf = (act: unknown) =>
      isObject(act) && isObject(act.component) ? act.component.code : undefined;
    for (const id of references.nodes) {
      if (!(id in ours) || scene.ids.has(id)) continue;
      const role = pyTruthy(ours[id]?.optional) ? "optional" : "required";
      // A node of the same component when there is one (a task node's detail depends on it).
      const same = pools[role].findIndex((other) => codeOf(theirs[other]) === codeOf(ours[id]));
      const next = pools[role].splice(Math.max(same, 0), 1)[0];
      if (!next)
        return `the template has too few ${role} nodes to stand for the example's (get_template_info)`;
      scene.ids.set(id, next);
    }
    for (const [index, id] of references.schemes.entries()) {
      const scheme = template.schemes[index];
      if (!scheme) return "the template has no execution scheme to stand for the example's";
      scene.ids.set(id, scheme.unique_id);
    }
    mapKeys(scene, documented, template, references.keys);
  }
  for (const [from, to] of scene.ids) scene.replacements.push([from, to]);
  return undefined;
}

/** Variables: a kept one for a kept one, a pruned one for a pruned one; an unknown key stays unknown. */
function mapKeys(
  scene: Scene,
  documented: DocumentedTemplate,
  template: GroundTemplate,
  keys: string[],
): void {
  const [keptOurs, keptTheirs] = [keptKeys(documented.tree), keptKeys(template.tree)];
  const theirs = template.tree.constants;
  const pools = {
    kept: Object.keys(theirs).filter(
      (key) => keptTheirs.has(key) && theirs[key]?.source_type !== "component_outputs",
    ),
    pruned: Object.keys(theirs).filter((key) => !keptTheirs.has(key)),
  };
  keys.forEach((key, index) => {
    const inOurs = key in documented.tree.constants;
    const pool = !inOurs ? undefined : keptOurs.has(key) ? pools.kept : pools.pruned;
    const next = pool?.shift();
    // Out of variables of that kind, or a key unknown to both: a key no template has.
    const fresh = `\${bk_sops_contract_${index}}`;
    scene.ids.set(key, next ?? (inOurs || key in theirs ? fresh : key));
  });
}
