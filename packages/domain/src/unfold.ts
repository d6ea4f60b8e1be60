import { cloneJson } from "./clone.js";
import { pruneConstantsInPlace } from "./constants.js";
import { MissingKeyError } from "./errors.js";
import { excludeNodesInPlace } from "./exclude.js";
import { own } from "./graph.js";
import { isPlainObject, pyTruthy, pyTypeName } from "./python-values.js";
import { excludedBySchemeNodes } from "./select-nodes.js";
import type { Constant, PipelineTree, SubProcess, TemplateScheme } from "./types.js";

/** bk-sops' two template models: project (`TaskTemplate`) and common (`CommonTemplate`) flows. */
export type TemplateKind = "project" | "common";

/** One version of a template, as unfolding reads it. */
export interface TemplateVersion {
  /** The tree of that version: subprocess `template_id`s are template pks, labels are attached. */
  tree: PipelineTree;
  kind: TemplateKind;
  /** The template's pk (`TaskTemplate.id` / `CommonTemplate.id`). */
  id: number;
  /** The template's current version, whichever version `tree` is. */
  currentVersion: string;
  /** The template's execution schemes (a subprocess node's `scheme_id_list` names their pks). */
  schemes: readonly TemplateScheme[];
}

/**
 * Where unfolding finds child templates. Both lookups throw SubprocessError with bk-sops' text when
 * nothing is found: `<Model> matching query does not exist.` for an unknown pk, Python's
 * `'NoneType' object has no attribute 'data'` for a version the template never had.
 */
export interface TemplateCatalog {
  /** The pipeline template id of the template with that pk (bk-sops `replace_template_id`). */
  pipelineTemplateId(kind: TemplateKind, pk: unknown): string;
  /** The template with that pipeline template id, at `version` (`null`: its current version). */
  version(kind: TemplateKind, pipelineTemplateId: string, version: string | null): TemplateVersion;
}

/** A subprocess bk-sops cannot unfold; the message is bk-sops' (or Python's) text. */
export class SubprocessError extends Error {
  override name = "SubprocessError";
}

/** bk-sops' TEMPLATE_MAX_RECURSIVE_NUMBER (default 200): how deep subprocesses may nest. */
export const MAX_SUBPROCESS_DEPTH = 200;
const TOO_DEEP = "Template recursive number exceeds limit.";

/** The model name bk-sops' "does not exist" text names for a kind. */
export const MODEL_NAME: Record<TemplateKind, string> = { project: "TaskTemplate", common: "CommonTemplate" };

const subprocesses = (tree: PipelineTree): Array<[string, SubProcess]> =>
  Object.entries(tree.activities).filter(
    (entry): entry is [string, SubProcess] => entry[1].type === "SubProcess",
  );

// A subprocess node names a common child with `template_source: "common"`; anything else means a
// child of the parent's own kind (so a common flow's children are always common flows).
const childKind = (act: SubProcess, parent: TemplateKind): TemplateKind =>
  act.template_source === "common" ? "common" : parent;

/** bk-sops `replace_template_id`: every subprocess node of this level names its child's pipeline id. */
function resolveTemplateIds(tree: PipelineTree, kind: TemplateKind, catalog: TemplateCatalog): void {
  for (const [, act] of subprocesses(tree)) {
    act.template_id = catalog.pipelineTemplateId(childKind(act, kind), act.template_id);
  }
}

/** A hidden meta constant of a child takes its default (`value.get("default")`), as bk-sops does. */
function hiddenMetaDefault(constant: Constant): void {
  if (!pyTruthy(constant.is_meta) || constant.show_type !== "hide") return;
  const value = Object.hasOwn(constant, "value") ? constant.value : {};
  if (!isPlainObject(value)) {
    throw new SubprocessError(`'${pyTypeName(value)}' object has no attribute 'get'`);
  }
  constant.value = Object.hasOwn(value, "default") ? value.default : null;
}

/** The node ids the schemes of `scheme_id_list` select, or undefined when the list is empty. */
function schemeSelection(act: SubProcess, schemes: readonly TemplateScheme[]): Set<string> | undefined {
  const ids = act.scheme_id_list;
  if (!pyTruthy(ids) || !Array.isArray(ids)) return undefined;
  const pks = new Set(ids.map((id) => (typeof id === "string" && /^[0-9]+$/.test(id) ? Number(id) : id)));
  const selected = new Set<string>();
  for (const scheme of schemes) if (pks.has(scheme.id)) for (const node of scheme.data) selected.add(node);
  return selected;
}

interface Unfolded {
  child: TemplateVersion;
}

function unfoldLevel(
  tree: PipelineTree,
  kind: TemplateKind,
  catalog: TemplateCatalog,
  depth: number,
  chain: readonly string[],
  found: Map<SubProcess, Unfolded>,
): void {
  if (depth >= MAX_SUBPROCESS_DEPTH) throw new SubprocessError(TOO_DEEP);
  for (const [actId, act] of subprocesses(tree)) {
    const latest = pyTruthy(act.always_use_latest ?? false);
    const pinned = latest ? null : (act.version ?? null);
    const version = pyTruthy(pinned) ? String(pinned) : null;
    const kindOfChild = childKind(act, kind);
    const pipelineId = String(act.template_id);
    // A template that contains itself would nest until the depth limit: stop at the repeat, with
    // the limit's message (bk-sops refuses such references when a template is saved).
    const link = `${kindOfChild}:${pipelineId}:${version ?? ""}`;
    if (chain.includes(link)) throw new SubprocessError(TOO_DEEP);
    const child = catalog.version(kindOfChild, pipelineId, version);
    const childTree = cloneJson(child.tree);
    for (const constant of Object.values(childTree.constants)) hiddenMetaDefault(constant);
    if (!Object.hasOwn(act, "constants")) throw new MissingKeyError("constants");
    const inputs = act.constants ?? {};
    delete act.constants;
    // The parent's inputs replace the child's constants of the same key (or are added): this is
    // how the values the parent chose reach the child.
    for (const [key, input] of Object.entries(inputs)) {
      const own_ = own(childTree.constants, key);
      if (latest && own_ === undefined) continue; // an input the latest version no longer has
      delete input.form;
      if (latest) {
        if (!isPlainObject(own_) || !Object.hasOwn(own_, "source_info"))
          throw new MissingKeyError("source_info");
        input.source_info = own_.source_info;
      }
      childTree.constants[key] = input as Constant;
    }
    resolveTemplateIds(childTree, kindOfChild, catalog);
    const exclude = excludedBySchemeNodes(childTree, schemeSelection(act, child.schemes));
    excludeNodesInPlace(childTree, exclude);
    pruneConstantsInPlace(childTree, exclude, true);
    unfoldLevel(childTree, kindOfChild, catalog, depth + 1, [...chain, link], found);
    childTree.id = actId;
    act.pipeline = childTree;
    found.set(act, { child });
  }
}

/** bk-sops `inject_template_node_id`: every activity, at every level, records its template id. */
function injectTemplateNodeIds(tree: PipelineTree): void {
  for (const [id, act] of Object.entries(tree.activities)) {
    act.template_node_id = pyTruthy(act.template_node_id) ? act.template_node_id : id;
    if (act.type === "SubProcess" && isPlainObject(act.pipeline))
      injectTemplateNodeIds(act.pipeline as PipelineTree);
  }
}

/** bk-sops `inject_original_template_info`, innermost first: which template each child came from. */
function injectOriginalInfo(tree: PipelineTree, found: Map<SubProcess, Unfolded>): void {
  for (const [, act] of subprocesses(tree)) {
    if (isPlainObject(act.pipeline)) injectOriginalInfo(act.pipeline as PipelineTree, found);
    const unfolded = found.get(act);
    if (!unfolded) continue;
    act.template_source = unfolded.child.kind;
    act.original_template_id = String(unfolded.child.id);
    act.original_template_version = unfolded.child.currentVersion;
  }
}

/**
 * Unfold every subprocess node of a task's tree, in place, as bk-sops does when it creates a task
 * (`gcloud/taskflow3/models.py::create_pipeline_instance`, `pipeline_web/wrapper.py::
 * unfold_subprocess`, `gcloud/template_base/utils.py`). Each subprocess node:
 * - names its child by pipeline template id (`template_id`), a project child unless
 *   `template_source` is `common` (a common flow's children are common flows);
 * - gets the child's tree under `pipeline`: the pinned `version`, or the current one when
 *   `always_use_latest` is set or no version is pinned; its own `constants` (the values it passes
 *   down) replace the child's constants of the same key; hidden meta constants of the child take
 *   their default; the child's execution schemes named by `scheme_id_list` select its optional
 *   nodes; then the child is pruned as a task is (custom outputs kept) and unfolded in turn;
 * - records `template_source`, `original_template_id` and `original_template_version` (the
 *   child's current version).
 * Every activity at every level records `template_node_id`. Nesting deeper than 200 levels, or a
 * template that contains itself, fails with `Template recursive number exceeds limit.`.
 * `kind` is the kind of the template the tree belongs to. Ids are not regenerated here.
 */
export function unfoldSubprocessesInPlace(
  tree: PipelineTree,
  kind: TemplateKind,
  catalog: TemplateCatalog,
): void {
  const found = new Map<SubProcess, Unfolded>();
  resolveTemplateIds(tree, kind, catalog);
  unfoldLevel(tree, kind, catalog, 0, [], found);
  injectTemplateNodeIds(tree);
  injectOriginalInfo(tree, found);
}

/** A catalog that holds no template: every subprocess node fails as an unknown template does. */
export const EMPTY_CATALOG: TemplateCatalog = {
  pipelineTemplateId(kind) {
    throw new SubprocessError(`${MODEL_NAME[kind]} matching query does not exist.`);
  },
  version(kind) {
    throw new SubprocessError(`${MODEL_NAME[kind]} matching query does not exist.`);
  },
};
