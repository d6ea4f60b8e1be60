import type { TemplateRef } from "../ground/template.js";

type Json = Record<string, unknown>;

/** `project:<biz>:<id>` or `common:<id>`: one template of the deployment. */
export const keyOf = (ref: TemplateRef): string =>
  ref.source === "common" ? `common:${ref.templateId}` : `project:${ref.bizId}:${ref.templateId}`;

/** How a template is named in lines of the summary: `template 911 "release"`, `common template 951`. */
export const describe = (ref: TemplateRef, name?: unknown): string =>
  `${ref.source === "common" ? "common template" : "template"} ${ref.templateId}${typeof name === "string" ? ` "${name}"` : ""}`;

/** The words for a key of `keyOf`: `template 911`, `common template 951`. */
export function describeKey(key: string): string {
  const parts = key.split(":");
  return parts[0] === "common" ? `common template ${parts[1]}` : `template ${parts[2]}`;
}

/** One subprocess node's use of a child template. */
export interface Pin {
  /** The parent template's key and the subprocess node's id. */
  parent: string;
  node: string;
  child: TemplateRef;
  /** The version the node is pinned to; null when it follows the child's latest version. */
  version: string | null;
  /**
   * The version the node was saved with (bk-sops' editor saves the child's version on every
   * subprocess node, even one that follows the latest): a candidate name of the current version.
   */
  saved: string | null;
  /** The child's scheme pks the node selects (`scheme_id_list`). */
  schemeIds: unknown[];
}

/** A template read from the deployment, and what the mirror learned about it. */
export interface MirroredTemplate {
  key: string;
  ref: TemplateRef;
  /** get_template_info's (or get_common_template_info's) `data`. */
  info: Json;
  /** The tree for the template file: the answered tree, variables without the read API's `schema`, the deployment's canvas. */
  tree: Json;
  /** What get_template_schemes answered (project templates). */
  schemes: Json[];
  /** The preview of the current version (to recognise a pinned version as the current one). */
  currentPreview?: Json;
  /** The current version's name, when a pin reveals it. */
  version?: string;
  /** Older versions pinned by subprocess nodes, by name: their trees. */
  older: Map<string, Json>;
  /** The scheme pks, in get_template_schemes' order. */
  schemePks?: number[];
  /** Why the schemes its parents select by pk are not known for sure (guessed pks, a common flow's). */
  schemesUnsure?: string;
  /** Who uses it (the key of a parent), when it is not one of the templates asked for. */
  usedBy?: string;
  /** What the summary should say about it (guesses, what could not be read). */
  notes: string[];
}

/** A template the mirror could not copy, and why. */
export interface SkippedTemplate {
  key: string;
  ref: TemplateRef;
  name?: string;
  reason: string;
  usedBy?: string;
  /** The read failed (no answer, a server error): a run of the same command tries it again. */
  failed?: boolean;
}
