import { withCanvas } from "./canvas.js";
import type { Crawl } from "./crawl.js";
import { describe, keyOf, type MirroredTemplate, type Pin } from "./model.js";
import { sameJson, treeFromPreview } from "./preview-tree.js";
import { isProblem, type MirrorReader } from "./reader.js";
import { schemePks } from "./scheme-pks.js";

/** Why a parent cannot be mirrored, by its key (the first reason found). */
type Refusals = Map<string, string>;

/**
 * The versions subprocess nodes pin, as bk-sops needs them to create tasks, and the scheme pks
 * they name. bk-sops' reads show no version name, but a template's version is the md5 of its
 * tree, so a pinned version whose preview equals the current one's is the current version: the
 * mirror names the current version after it. Every other pinned version is read through a preview
 * and kept as an older version. A pinned version the deployment cannot answer refuses the parent
 * (bk-sops could not create a task from it either), as does a child that was not mirrored.
 */
export async function resolvePins(reader: MirrorReader, crawl: Crawl): Promise<Refusals> {
  const refusals: Refusals = new Map();
  const refuse = (pin: Pin, reason: string) => {
    if (!refusals.has(pin.parent)) refusals.set(pin.parent, `subprocess ${pin.node}: ${reason}`);
  };
  const byChild = new Map<string, Pin[]>();
  for (const pin of crawl.pins) {
    const key = keyOf(pin.child);
    byChild.set(key, [...(byChild.get(key) ?? []), pin]);
  }
  for (const [key, pins] of byChild) {
    const child = crawl.mirrored.get(key);
    if (!child) {
      const skipped = crawl.skipped.get(key);
      for (const pin of pins)
        refuse(pin, `uses ${describe(pin.child)}, which was not mirrored (${skipped?.reason ?? "unknown"})`);
      continue;
    }
    await resolveVersions(reader, child, pins, refuse);
    resolveSchemes(child, pins);
  }
  return refusals;
}

async function resolveVersions(
  reader: MirrorReader,
  child: MirroredTemplate,
  pins: Pin[],
  refuse: (pin: Pin, reason: string) => void,
): Promise<void> {
  const pinned = new Set(pins.map((pin) => pin.version).filter((v): v is string => v !== null));
  const candidates = new Set([
    ...pinned,
    ...pins.map((pin) => pin.saved).filter((v): v is string => v !== null),
  ]);
  const previews = new Map<string, Awaited<ReturnType<MirrorReader["preview"]>>>();
  for (const version of candidates) previews.set(version, await reader.preview(child.ref, version));
  // The current version first: a version that previews as the current one is its name.
  for (const [version, preview] of previews) {
    if (child.version !== undefined || isProblem(preview) || !child.currentPreview) continue;
    if (sameJson(preview, child.currentPreview)) child.version = version;
  }
  for (const version of pinned) {
    if (version === child.version) continue;
    const preview = previews.get(version);
    if (!preview) continue;
    if (isProblem(preview)) {
      for (const pin of pins.filter((p) => p.version === version))
        refuse(
          pin,
          `pins version ${version} of ${describe(child.ref, child.info.name)}, which the deployment cannot answer (${preview.problem})`,
        );
      continue;
    }
    const outputs = Array.isArray(child.tree.outputs) ? child.tree.outputs : [];
    const rebuilt = treeFromPreview(preview, outputs);
    child.older.set(version, withCanvas(rebuilt.tree, preview.pipeline_tree).tree);
    if (rebuilt.assumedOutputs.length > 0)
      child.notes.push(
        `older version ${version}: ${rebuilt.assumedOutputs.join(", ")} taken to be outputs, as in the current version (a preview drops unused ones from outputs)`,
      );
  }
  const followsLatest = pins.some((pin) => pin.version === null);
  if (child.version === undefined && (followsLatest || child.older.size > 0))
    child.notes.push(
      "the name of its current version is not readable through bk-sops' API: tasks of the mirror name another original_template_version",
    );
}

function resolveSchemes(child: MirroredTemplate, pins: Pin[]): void {
  const named = pins.flatMap((pin) => pin.schemeIds);
  if (child.ref.source === "common") {
    if (named.length > 0) {
      child.schemesUnsure = `subprocess nodes select its schemes ${JSON.stringify([...new Set(named)])}, but bk-sops has no read of a common flow's schemes`;
      child.notes.push(child.schemesUnsure);
    }
    return;
  }
  const { pks, guessed } = schemePks(child.schemes.length, named);
  child.schemePks = pks;
  if (guessed) {
    child.schemesUnsure = `scheme pks guessed (${pks.join(", ")}): bk-sops' reads do not show them and its parents name only ${JSON.stringify([...new Set(named)])}`;
    child.notes.push(child.schemesUnsure);
  }
}

/**
 * Every template that cannot be mirrored because of its own refusal or one of its children's
 * (the reference server refuses a template whose child it does not have), with the reason.
 */
export function refusedTemplates(crawl: Crawl, refusals: Refusals): Map<string, string> {
  const refused = new Map(refusals);
  for (let changed = true; changed; ) {
    changed = false;
    for (const pin of crawl.pins) {
      if (refused.has(pin.parent)) continue;
      const childKey = keyOf(pin.child);
      const why = refused.get(childKey);
      if (why === undefined) continue;
      const child = crawl.mirrored.get(childKey);
      refused.set(
        pin.parent,
        `subprocess ${pin.node} uses ${describe(pin.child, child?.info.name)}, which cannot be mirrored (${why})`,
      );
      changed = true;
    }
  }
  return refused;
}
