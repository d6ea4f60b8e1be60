import { cloneJson, isPlainObject, pyTruthy } from "@bksops/domain";
import type { TemplateRef } from "../ground/template.js";
import { withCanvas } from "./canvas.js";
import { describe, keyOf, type MirroredTemplate, type Pin, type SkippedTemplate } from "./model.js";
import { isProblem, type MirrorReader } from "./reader.js";

type Json = Record<string, unknown>;

/** What to mirror: a business's templates (or the listed ones), and which common templates. */
export interface MirrorScope {
  bizId: string;
  /** Project templates to mirror, or `all` that get_template_list answers. */
  templateIds: string[] | "all";
  /** Common templates to mirror besides those the templates use. */
  commonTemplateIds: string[];
  /** Every common template get_common_template_list answers, used or not. */
  allCommon: boolean;
}

/** Told as the crawl goes: how many templates are known, how many are done, which one is read. */
export interface CrawlProgress {
  known(count: number): void;
  reading(ref: TemplateRef): void;
  done(ref: TemplateRef, outcome: "mirrored" | "skipped"): void;
}

export interface Crawl {
  mirrored: Map<string, MirroredTemplate>;
  skipped: Map<string, SkippedTemplate>;
  pins: Pin[];
}

/** Thrown when the scope itself cannot be read (the business's list): nothing can be mirrored. */
export class ScopeError extends Error {
  override name = "ScopeError";
}

/** The tree of a template read: without the `schema` the read API adds to every variable. */
function templateTree(answered: Json): Json {
  const tree = cloneJson(answered);
  for (const variable of Object.values(isPlainObject(tree.constants) ? tree.constants : {}))
    if (isPlainObject(variable)) delete variable.schema;
  return tree;
}

/** The subprocess nodes of a tree and the child each one uses (a common flow's children are common). */
function pinsOf(parent: MirroredTemplate): Pin[] {
  const pins: Pin[] = [];
  const activities = isPlainObject(parent.tree.activities) ? parent.tree.activities : {};
  for (const [node, act] of Object.entries(activities)) {
    if (!isPlainObject(act) || act.type !== "SubProcess") continue;
    const source = act.template_source === "common" || parent.ref.source === "common" ? "common" : "project";
    const latest = pyTruthy(act.always_use_latest ?? false) || !pyTruthy(act.version);
    pins.push({
      parent: parent.key,
      node,
      child: { source, templateId: String(act.template_id), bizId: parent.ref.bizId },
      version: latest ? null : String(act.version),
      saved: pyTruthy(act.version) ? String(act.version) : null,
      schemeIds: Array.isArray(act.scheme_id_list) ? act.scheme_id_list : [],
    });
  }
  return pins;
}

/**
 * Reads the templates of the scope and, recursively, the child templates their subprocess nodes
 * use (project and common), each with its metadata, tree, canvas and schemes. What cannot be read
 * is skipped with the deployment's reason; the rest is read on.
 */
export async function crawl(
  reader: MirrorReader,
  scope: MirrorScope,
  progress: CrawlProgress,
): Promise<Crawl> {
  const roots: TemplateRef[] = [];
  const project = (templateId: string): TemplateRef => ({
    source: "project",
    templateId,
    bizId: scope.bizId,
  });
  const common = (templateId: string): TemplateRef => ({ source: "common", templateId, bizId: scope.bizId });
  if (scope.templateIds !== "all") roots.push(...scope.templateIds.map(project));
  else {
    const list = await reader.templateList(scope.bizId);
    if (isProblem(list))
      throw new ScopeError(`cannot list the templates of business ${scope.bizId}: ${list.problem}`);
    roots.push(...list.map((item) => project(String(item.id))));
  }
  roots.push(...scope.commonTemplateIds.map(common));
  if (scope.allCommon) {
    const list = await reader.commonTemplateList();
    if (isProblem(list)) throw new ScopeError(`cannot list the common templates: ${list.problem}`);
    roots.push(...list.map((item) => common(String(item.id))));
  }

  const result: Crawl = { mirrored: new Map(), skipped: new Map(), pins: [] };
  const queue: Array<{ ref: TemplateRef; usedBy?: string }> = [];
  const queued = new Set<string>();
  const enqueue = (ref: TemplateRef, usedBy?: string) => {
    const key = keyOf(ref);
    if (queued.has(key)) return;
    queued.add(key);
    queue.push({ ref, usedBy });
    progress.known(queued.size);
  };
  for (const ref of roots) enqueue(ref);

  for (let next = queue.shift(); next; next = queue.shift()) {
    const { ref, usedBy } = next;
    const key = keyOf(ref);
    progress.reading(ref);
    const info = await reader.templateInfo(ref);
    if (isProblem(info)) {
      const reason =
        info.kind === "denied"
          ? `the user may not read it (${info.problem})`
          : info.kind === "missing"
            ? `the deployment has no such template (${info.problem})`
            : info.problem;
      result.skipped.set(key, { key, ref, reason, usedBy, failed: info.kind === "failed" });
      progress.done(ref, "skipped");
      continue;
    }
    if (!isPlainObject(info.pipeline_tree)) {
      result.skipped.set(key, {
        key,
        ref,
        name: String(info.name),
        reason: "its read answered no pipeline_tree",
        usedBy,
      });
      progress.done(ref, "skipped");
      continue;
    }
    const template: MirroredTemplate = {
      key,
      ref,
      info,
      tree: templateTree(info.pipeline_tree),
      schemes: [],
      older: new Map(),
      usedBy,
      notes: [],
    };
    const preview = await reader.preview(ref, null);
    if (isProblem(preview)) {
      template.tree = withCanvas(template.tree, undefined).tree;
      template.notes.push(`canvas drawn: the deployment's could not be read (${preview.problem})`);
    } else {
      template.currentPreview = preview as unknown as Json;
      const canvas = withCanvas(template.tree, preview.pipeline_tree);
      template.tree = canvas.tree;
      if (canvas.drawn > 0)
        template.notes.push(`${canvas.drawn} canvas item(s) drawn (the preview's canvas lacks them)`);
    }
    if (ref.source === "project") {
      const schemes = await reader.schemes(ref);
      if (isProblem(schemes)) template.notes.push(`its schemes could not be read: ${schemes.problem}`);
      else template.schemes = schemes;
    }
    result.mirrored.set(key, template);
    for (const pin of pinsOf(template)) {
      result.pins.push(pin);
      enqueue(pin.child, key);
    }
    progress.done(ref, "mirrored");
  }
  return result;
}

export { describe };
