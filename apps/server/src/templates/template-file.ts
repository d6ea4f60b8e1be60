import type { PipelineTree, SubProcess, TemplateScheme } from "@bksops/domain";
import {
  attachLabelsInPlace,
  InvalidTreeError,
  isPlainObject,
  labelProblems,
  standardizeNames,
  validateWebTreeInPlace,
  withDrawing,
} from "@bksops/domain";
import { templateVersion } from "../operations/shared/template-version.js";
import { parseBkDatetime } from "../time/bk-datetime.js";

/**
 * A template file (the demo data and `TEMPLATES_DIR` use the same format):
 *
 * ```json
 * { "source": "project" | "common", "bk_biz_id": 2, "template_id": 1, "name": "…",
 *   "category": "Default", "description": "…", "project_id": 3, "project_name": "…",
 *   "version": "…", "schemes": [{ "id": 1, "name": "…", "data": ["<activity id>", …] }],
 *   "pipeline_tree": { … a bk-sops web pipeline tree … } }
 * ```
 * `bk_biz_id` is required for project templates; `project_id`/`project_name` name the project
 * created for a business the database does not know yet. Common templates have no business.
 * `version` names this version of the tree (a subprocess node of another template may pin it);
 * without it the version is the md5 of the tree, as bamboo names a snapshot.
 * Optional metadata, as bk-sops' template lists answer it: `creator`, `create_time`, `editor`,
 * `edit_time` (bk-sops' `2024-05-20 10:00:00 +0800` or ISO 8601), `notify_type`,
 * `notify_receivers`, `executor_proxy`.
 *
 * A `get_template_info` answer of a real bk-sops is accepted as it is (the whole answer or its
 * `data`: `id`, `name`, `bk_biz_id`, `project_id`, `category`, `pipeline_tree` and the metadata
 * above), so a team can mock its real flows by saving what its deployment returns.
 *
 * The tree is accepted as bk-sops accepts a template when it is saved (docs/bk-sops-behaviour.md
 * §5.5): names made safe, the web-tree schema and bamboo's checks, with bk-sops' messages; it is
 * stored as bk-sops stores it (incoming as lists, converge gateways named, labels on every node).
 * A tree without a canvas (`line` and `location`, which `get_template_info` leaves out) gets one
 * drawn.
 */
export interface TemplateFile {
  source: "project" | "common";
  bkBizId: number | null;
  projectId: number | null;
  projectName: string | null;
  templateId: number;
  name: string;
  category: string;
  description: string;
  version: string;
  schemes: TemplateScheme[];
  tree: PipelineTree;
  meta: TemplateMeta;
}

/** What bk-sops' lists answer about a template besides its tree; absent times keep the stored ones. */
export interface TemplateMeta {
  creator?: string;
  /** ISO 8601 instants. */
  createTime?: string;
  editTime?: string;
  editor: string | null;
  /** JSON texts, as bk-sops stores them. */
  notifyType?: string;
  notifyReceivers?: string;
  executorProxy: string;
}

/** Thrown with a message that says what is wrong with the file's content. */
export class TemplateFileError extends Error {
  override name = "TemplateFileError";
}

const positiveInt = (value: unknown) => typeof value === "number" && Number.isInteger(value) && value > 0;

// The text bk-sops answers a template it refuses to save (`TemplateManager.create_pipeline`).
const SAVE_REFUSED = (reason: string) =>
  `保存流程失败: 流程树合法性校验失败, 请检查流程. 失败原因: ${reason} | create_pipeline`;

/** Checks a parsed template file, tree included; throws TemplateFileError naming the problem. */
export function parseTemplateFile(input: unknown): TemplateFile {
  const content = fromTemplateInfo(input);
  if (!isPlainObject(content)) throw new TemplateFileError("the file must hold a JSON object");
  const source = content.source ?? "project";
  if (source !== "project" && source !== "common") {
    throw new TemplateFileError(`"source" must be "project" or "common", got ${JSON.stringify(source)}`);
  }
  if (!positiveInt(content.template_id))
    throw new TemplateFileError('"template_id" must be a positive integer');
  if (source === "project" && !positiveInt(content.bk_biz_id)) {
    throw new TemplateFileError('"bk_biz_id" must be a positive integer for a project template');
  }
  if (content.project_id !== undefined && !positiveInt(content.project_id)) {
    throw new TemplateFileError('"project_id" must be a positive integer when given');
  }
  if (typeof content.name !== "string" || content.name.length === 0) {
    throw new TemplateFileError('"name" must be a non-empty string');
  }
  if (content.version !== undefined && (typeof content.version !== "string" || content.version === "")) {
    throw new TemplateFileError('"version" must be a non-empty string when given');
  }
  const tree = storedTree(content.pipeline_tree);
  return {
    source,
    bkBizId: source === "project" ? (content.bk_biz_id as number) : null,
    projectId: (content.project_id as number | undefined) ?? null,
    projectName: typeof content.project_name === "string" ? content.project_name : null,
    templateId: content.template_id as number,
    name: content.name,
    category: typeof content.category === "string" ? content.category : "Default",
    description: typeof content.description === "string" ? content.description : "",
    version: (content.version as string | undefined) ?? templateVersion(tree),
    schemes: parseSchemes(content.schemes, content.template_id as number),
    tree,
    meta: parseMeta(content),
  };
}

function optionalTime(content: Record<string, unknown>, key: string): string | undefined {
  const value = content[key];
  if (value === undefined || value === null) return undefined;
  const iso = typeof value === "string" ? parseBkDatetime(value) : undefined;
  if (iso === undefined) {
    throw new TemplateFileError(
      `"${key}" must be a time like "2024-05-20 10:00:00 +0800" or ISO 8601 with a zone`,
    );
  }
  return iso;
}

function optionalText(content: Record<string, unknown>, key: string, nullable = false): string | undefined {
  const value = content[key];
  if (value === undefined || (nullable && value === null)) return undefined;
  if (typeof value !== "string") throw new TemplateFileError(`"${key}" must be a string when given`);
  return value;
}

function parseMeta(content: Record<string, unknown>): TemplateMeta {
  const creator = optionalText(content, "creator");
  if (creator === "") throw new TemplateFileError('"creator" must not be empty');
  const json = (key: string) => (content[key] === undefined ? undefined : JSON.stringify(content[key]));
  return {
    creator,
    createTime: optionalTime(content, "create_time"),
    editTime: optionalTime(content, "edit_time"),
    editor: optionalText(content, "editor", true) ?? null,
    notifyType: json("notify_type"),
    notifyReceivers: json("notify_receivers"),
    executorProxy: optionalText(content, "executor_proxy") ?? "",
  };
}

/** The tree as bk-sops would store it, or TemplateFileError with bk-sops' reason for refusing it. */
function storedTree(input: unknown): PipelineTree {
  if (!isPlainObject(input)) throw new TemplateFileError('"pipeline_tree" must be an object');
  const tree = structuredClone(withDrawing(input));
  try {
    standardizeNames(tree);
    validateWebTreeInPlace(tree);
  } catch (error) {
    if (error instanceof InvalidTreeError) {
      const detail = error.detail !== error.message ? ` (${error.detail})` : "";
      throw new TemplateFileError(`${SAVE_REFUSED(error.message)}${detail}`);
    }
    // A Python error bk-sops would not even answer (its save fails with HTTP 500).
    throw new TemplateFileError(`invalid pipeline_tree: ${(error as Error).message}`);
  }
  const problems = [...labelProblems(tree), ...subprocessProblems(tree)];
  if (problems.length > 0) throw new TemplateFileError(`invalid pipeline_tree: ${problems.join("; ")}`);
  attachLabelsInPlace(tree);
  return tree;
}

/** A subprocess node names its child by pk; bk-sops' save looks it up and fails on anything else. */
function subprocessProblems(tree: PipelineTree): string[] {
  const problems: string[] = [];
  for (const [id, act] of Object.entries(tree.activities)) {
    if (act.type !== "SubProcess") continue;
    const pk = (act as SubProcess).template_id;
    const isPk =
      (typeof pk === "number" && Number.isInteger(pk)) || (typeof pk === "string" && /^[0-9]+$/.test(pk));
    if (!isPk) problems.push(`subprocess ${id}: template_id must be the child template's id`);
    if (!isPlainObject(act.constants)) problems.push(`subprocess ${id}: constants must be an object`);
  }
  return problems;
}

/**
 * Execution schemes: a pk, a name, and the activity ids the scheme runs. Ids no longer in the
 * tree are kept, as bk-sops keeps them, and ignored when a task is created. The unique id is
 * `<template id>-<scheme name>`, as bk-sops makes it.
 */
function parseSchemes(value: unknown, templateId: number): TemplateScheme[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new TemplateFileError('"schemes" must be a list');
  return value.map((scheme, index) => {
    if (!isPlainObject(scheme) || !positiveInt(scheme.id) || typeof scheme.name !== "string") {
      throw new TemplateFileError(`schemes[${index}] needs a positive integer "id" and a "name"`);
    }
    const data = scheme.data;
    if (!Array.isArray(data) || !data.every((id) => typeof id === "string")) {
      throw new TemplateFileError(`schemes[${index}].data must be a list of activity ids`);
    }
    return {
      id: scheme.id as number,
      name: scheme.name,
      unique_id: `${templateId}-${scheme.name}`,
      data: data as string[],
    };
  });
}

/** Maps a `get_template_info` answer (or its `data`) onto this file format; other input passes. */
function fromTemplateInfo(input: unknown): unknown {
  const data =
    isPlainObject(input) && input.result === true && isPlainObject(input.data) ? input.data : input;
  if (
    !isPlainObject(data) ||
    "template_id" in data ||
    !("id" in data) ||
    !isPlainObject(data.pipeline_tree)
  ) {
    return input;
  }
  const common = data.bk_biz_id === undefined && data.project_id === undefined;
  return {
    source: common ? "common" : "project",
    template_id: Number(data.id),
    bk_biz_id: data.bk_biz_id === undefined ? undefined : Number(data.bk_biz_id),
    project_id: data.project_id === undefined ? undefined : Number(data.project_id),
    project_name: data.project_name,
    name: data.name,
    category: data.category,
    description: data.description,
    creator: data.creator,
    create_time: data.create_time,
    editor: data.editor,
    edit_time: data.edit_time,
    notify_type: data.notify_type,
    notify_receivers: data.notify_receivers,
    executor_proxy: data.executor_proxy,
    pipeline_tree: data.pipeline_tree,
  };
}
