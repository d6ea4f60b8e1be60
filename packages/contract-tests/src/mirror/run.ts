import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { RunContext } from "../checks/check.js";
import { crawl, type MirrorScope } from "./crawl.js";
import { filesOf, writeAtomically } from "./files.js";
import { describe, describeKey, type MirroredTemplate } from "./model.js";
import { MirrorProgress, type ProgressOut } from "./progress.js";
import { httpReader } from "./reader.js";
import { cachingReader, type MirrorIdentity, openState, STATE_DIR, writeState } from "./state.js";
import { refusedTemplates, resolvePins } from "./versions.js";

export interface MirrorOptions {
  /** A read context on the deployment (`readContext`): target, form, credentials, business. */
  ctx: RunContext;
  scope: MirrorScope;
  out: string;
  /** Start over even if `out` holds an unfinished mirror. */
  fresh?: boolean;
  /** Replaces every secret in what is written (the last guard; requests are never written). */
  mask: (text: string) => string;
  progress: ProgressOut;
}

/** One template the mirror wrote. */
export interface MirroredEntry {
  key: string;
  source: "project" | "common";
  templateId: string;
  name: string;
  files: string[];
  version?: string;
  olderVersions: string[];
  usedBy?: string;
  notes: string[];
}

/** One template it did not write, and why. */
export interface SkippedEntry {
  key: string;
  source: "project" | "common";
  templateId: string;
  name?: string;
  reason: string;
  usedBy?: string;
  /** Its read failed: the mirror stays unfinished, and the same command tries again. */
  failed?: boolean;
}

export interface MirrorResult {
  deployment: string;
  bizId: string;
  out: string;
  mirrored: MirroredEntry[];
  skipped: SkippedEntry[];
  /** Reads sent to the deployment by this run, and reads answered from an interrupted run. */
  reads: number;
  resumedReads: number;
  /** Reads that got no usable answer (no answer, a server error): the same command tries them again. */
  failedReads: number;
  /** Files of an earlier mirror in `out` that this one no longer writes (removed). */
  removed: string[];
  startedAt: string;
  /** Unset while a read failed: the next run of the same command resumes and tries it again. */
  finishedAt?: string;
}

/**
 * Mirrors a business's templates (or the listed ones), their schemes, the children their
 * subprocesses use at the versions they pin, and the common templates they use, into `out` as
 * the reference server's `TEMPLATES_DIR`. Only bk-sops' read operations are called. Resumes an
 * interrupted mirror of the same scope in `out`.
 */
export async function runMirror(options: MirrorOptions): Promise<MirrorResult> {
  const { ctx, scope, out, mask } = options;
  const identity: MirrorIdentity = {
    deployment: ctx.target.bases[ctx.form] ?? ctx.target.label,
    form: ctx.form,
    appCode: ctx.identity.credentials.appCode,
    bizId: scope.bizId,
    templateIds: scope.templateIds,
    commonTemplateIds: scope.commonTemplateIds,
    allCommon: scope.allCommon,
  };
  const { state, resumed } = openState(out, identity, options.fresh ?? false);
  const progress = new MirrorProgress(options.progress);
  if (resumed > 0) progress.step(`resuming an interrupted mirror (${resumed} reads kept)`);
  let failedReads = 0;
  const reader = cachingReader(
    httpReader(ctx, () => progress.read()),
    out,
    mask,
    () => progress.fromCache(),
    () => {
      failedReads += 1;
    },
  );
  try {
    const found = await crawl(reader, scope, progress);
    progress.step("resolving pinned versions and scheme pks");
    const refused = refusedTemplates(found, await resolvePins(reader, found));
    progress.step("writing template files");
    const mirrored: MirroredEntry[] = [];
    const skipped: SkippedEntry[] = [...found.skipped.values()].map((item) => ({
      key: item.key,
      source: item.ref.source,
      templateId: item.ref.templateId,
      name: item.name,
      reason: item.reason,
      usedBy: item.usedBy,
      failed: item.failed,
    }));
    const written: string[] = [];
    for (const template of found.mirrored.values()) {
      const reason = refused.get(template.key);
      if (reason !== undefined) {
        skipped.push({ ...entryOf(template), reason });
        continue;
      }
      const files = filesOf(template);
      for (const file of files) {
        const text = `${JSON.stringify(file.content, null, 2)}\n`;
        const safe = mask(text);
        if (safe !== text)
          template.notes.push(`${file.name}: the credentials' secret appeared in it and was replaced`);
        writeAtomically(out, file.name, safe);
        written.push(file.name);
      }
      mirrored.push({
        ...entryOf(template),
        files: files.map((file) => file.name),
        version: template.version,
        olderVersions: [...template.older.keys()],
        notes: template.notes,
      });
    }
    const removed = state.files.filter((name) => !written.includes(name) && existsSync(join(out, name)));
    for (const name of removed) rmSync(join(out, name), { force: true });
    const failed = failedReads > 0;
    const result: MirrorResult = {
      deployment: identity.deployment,
      bizId: scope.bizId,
      out,
      mirrored,
      skipped,
      reads: progress.counts.reads,
      resumedReads: progress.counts.cached,
      failedReads,
      removed,
      startedAt: state.startedAt,
      finishedAt: failed ? undefined : new Date().toISOString(),
    };
    writeAtomically(join(out, STATE_DIR), "summary.json", mask(`${JSON.stringify(result, null, 2)}\n`));
    writeState(out, { ...state, files: written, finishedAt: result.finishedAt });
    return result;
  } finally {
    progress.end();
  }
}

function entryOf(template: MirroredTemplate) {
  return {
    key: template.key,
    source: template.ref.source,
    templateId: template.ref.templateId,
    name: String(template.info.name ?? ""),
    usedBy: template.usedBy,
  };
}

/** The summary a person reads: what was mirrored (with notes), what was skipped and why, how to use it. */
export function formatMirrorSummary(result: MirrorResult): string {
  const lines: string[] = [];
  const files = result.mirrored.reduce((sum, item) => sum + item.files.length, 0);
  lines.push(
    `mirrored ${result.mirrored.length} template(s) of business ${result.bizId} from ${result.deployment} into ${result.out} (${files} file(s); ${result.reads} read(s)${result.resumedReads ? `, ${result.resumedReads} kept from the interrupted run` : ""}):`,
  );
  for (const item of result.mirrored) {
    const ref = { source: item.source, templateId: item.templateId, bizId: result.bizId };
    const used = item.usedBy ? ` (used by ${describeKey(item.usedBy)})` : "";
    const older = item.olderVersions.length > 0 ? `; older version(s) ${item.olderVersions.join(", ")}` : "";
    lines.push(`  ${describe(ref, item.name)}${used} → ${item.files.at(-1)}${older}`);
    for (const note of item.notes) lines.push(`      note: ${note}`);
  }
  if (result.skipped.length === 0) lines.push("skipped: none");
  else {
    lines.push(`skipped ${result.skipped.length} template(s):`);
    for (const item of result.skipped) {
      const ref = { source: item.source, templateId: item.templateId, bizId: result.bizId };
      const used = item.usedBy ? ` (used by ${describeKey(item.usedBy)})` : "";
      lines.push(`  ${describe(ref, item.name)}${used}: ${item.reason}`);
    }
  }
  if (result.removed.length > 0)
    lines.push(
      `removed ${result.removed.length} file(s) an earlier mirror wrote: ${result.removed.join(", ")}`,
    );
  if (result.failedReads > 0)
    lines.push(
      `${result.failedReads} read(s) failed: run the same command again to try them (what was read is kept)`,
    );
  lines.push(`serve it: TEMPLATES_DIR=${result.out} npm start`);
  return lines.join("\n");
}
