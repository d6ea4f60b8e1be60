import type { PipelineTree, SubProcess, TemplateKind } from "@bksops/domain";
import { MODEL_NAME, pyTruthy } from "@bksops/domain";
import type { Store } from "../db/store.js";
import type { TemplateFile } from "./template-file.js";

/** A template version as the reference check sees it: its name, its tree, its current version. */
interface Found {
  node: string;
  name: string;
  tree: PipelineTree;
  kind: TemplateKind;
}

interface Reference {
  actId: string;
  kind: TemplateKind;
  pk: number;
  /** The pinned version; null when the node follows the child's latest version. */
  version: string | null;
}

const keyOf = (kind: TemplateKind, pk: number) => `${kind}:${pk}`;

function referencesOf(tree: PipelineTree, kind: TemplateKind): Reference[] {
  const found: Reference[] = [];
  for (const [actId, act] of Object.entries(tree.activities)) {
    if (act.type !== "SubProcess") continue;
    const sub = act as SubProcess;
    const childKind: TemplateKind = sub.template_source === "common" ? "common" : kind;
    // A node following the latest version never reads its pinned one, so only a pinned node's
    // version must exist.
    const pinned = !pyTruthy(sub.always_use_latest) && pyTruthy(sub.version) ? String(sub.version) : null;
    found.push({ actId, kind: childKind, pk: Number(sub.template_id), version: pinned });
  }
  return found;
}

/**
 * What bk-sops checks about a template's subprocesses when it saves it (`replace_template_id` and
 * bamboo's `subprocess_ref_validate`): every child exists, every pinned version of a child exists,
 * and no chain of subprocesses leads back to a template it started from. Checked for a batch of
 * files at once (a child may be in the same batch, in any order) against the store. Returns the
 * reason each refused file is refused, by index; a file whose child is refused is refused too.
 */
export function checkReferences(store: Store, files: readonly TemplateFile[]): Map<number, string> {
  const refused = new Map<number, string>();
  for (;;) {
    const before = refused.size;
    const batch = new Map<string, number[]>();
    files.forEach((file, index) => {
      if (refused.has(index)) return;
      const key = keyOf(file.source, file.templateId);
      batch.set(key, [...(batch.get(key) ?? []), index]);
    });

    const find = (kind: TemplateKind, pk: number, version: string | null): Found | string => {
      const missing = `${MODEL_NAME[kind]} matching query does not exist.`;
      const inBatch = (batch.get(keyOf(kind, pk)) ?? []).map((index) => files[index] as TemplateFile);
      const stored = store.templates.findById(kind, pk);
      const latest = inBatch.at(-1) ?? stored;
      if (!latest) return missing;
      const name = latest.name;
      const at = version === null || version === latest.version ? null : version;
      const node = `${keyOf(kind, pk)}:${at ?? ""}`;
      if (at === null) return { node, name, tree: latest.tree, kind };
      const tree =
        inBatch.find((file) => file.version === at)?.tree ??
        (stored ? store.templates.findVersionTree(kind, pk, at) : undefined);
      return tree ? { node, name, tree, kind } : "'NoneType' object has no attribute 'data'";
    };

    files.forEach((file, index) => {
      if (refused.has(index)) return;
      const reason = checkOne(file, find);
      if (reason) refused.set(index, reason);
    });
    if (refused.size === before) return refused;
  }
}

function checkOne(
  file: TemplateFile,
  find: (kind: TemplateKind, pk: number, version: string | null) => Found | string,
): string | undefined {
  // The file itself is in the batch, so it is found: as the latest version or as an older one.
  const self = find(file.source, file.templateId, file.version);
  const node =
    typeof self === "string" ? `${keyOf(file.source, file.templateId)}:${file.version}` : self.node;
  const root: Found = { node, name: file.name, tree: file.tree, kind: file.source };
  const done = new Set<string>();
  const path: Found[] = [];
  const visit = (at: Found): string | undefined => {
    const open = path.findIndex((item) => item.node === at.node);
    if (open >= 0) {
      const names = [...path.slice(open), at].map((item) => item.name).join(" → ");
      return `子流程引用链中存在循环引用：${names}`;
    }
    if (done.has(at.node)) return undefined;
    path.push(at);
    for (const ref of referencesOf(at.tree, at.kind)) {
      const child = find(ref.kind, ref.pk, ref.version);
      if (typeof child === "string") {
        const version = ref.version === null ? "" : ` at version ${ref.version}`;
        return `${child} (subprocess ${ref.actId} of ${at.name} names ${ref.kind} template ${ref.pk}${version}, which is not loaded)`;
      }
      const problem = visit(child);
      if (problem) return problem;
    }
    path.pop();
    done.add(at.node);
    return undefined;
  };
  return visit(root);
}
