import type { TemplateCatalog } from "@bksops/domain";
import { once, type RunContext } from "../checks/check.js";
import type { GroundTemplate, TemplateRef } from "../ground/template.js";
import { crawlCatalog, schemesOf } from "./catalog.js";
import { crawl } from "./crawl.js";
import { keyOf } from "./model.js";
import { httpReader } from "./reader.js";
import { refusedTemplates, resolvePins } from "./versions.js";

/** A template as the deployment describes it, and a catalog of the children its subprocess nodes unfold. */
export interface TemplateFamily {
  template: GroundTemplate;
  catalog: TemplateCatalog;
}

const SILENT = { known() {}, reading() {}, done() {} };

/**
 * Reads a template and every child its subprocess nodes use, as the mirror reads them (pinned
 * versions recognised or read through previews, scheme pks from what the parents name), once per
 * context: the ground truth of a prediction for a template with subprocesses. `unknown` says what
 * bk-sops' reads cannot show that a task of it depends on (a guessed scheme pk selected by a node).
 */
export function templateFamily(
  ctx: RunContext,
  ref: TemplateRef,
): Promise<TemplateFamily | { problem: string } | { unknown: string }> {
  return once(ctx, `family:${keyOf(ref)}`, async () => {
    const reader = httpReader(ctx);
    const scope = {
      bizId: ref.bizId,
      templateIds: ref.source === "project" ? [ref.templateId] : [],
      commonTemplateIds: ref.source === "common" ? [ref.templateId] : [],
      allCommon: false,
    };
    const found = await crawl(reader, scope, SILENT);
    const refused = refusedTemplates(found, await resolvePins(reader, found));
    const key = keyOf(ref);
    const root = found.mirrored.get(key);
    if (!root) return { problem: found.skipped.get(key)?.reason ?? "the template could not be read" };
    const why = refused.get(key);
    if (why) return { problem: why };
    for (const pin of found.pins) {
      const unsure = found.mirrored.get(keyOf(pin.child))?.schemesUnsure;
      if (unsure && pin.schemeIds.length > 0) return { unknown: `subprocess ${pin.node}: ${unsure}` };
    }
    const template: GroundTemplate = {
      ref,
      info: root.info,
      tree: root.tree as unknown as GroundTemplate["tree"],
      schemes: schemesOf(root).map((scheme, index) => ({
        ...scheme,
        name: String(root.schemes[index]?.name ?? ""),
      })),
      projectId: typeof root.info.project_id === "number" ? root.info.project_id : undefined,
      version: root.version,
      children: new Map(),
      exchanges: [],
    };
    return { template, catalog: crawlCatalog(found) };
  });
}
