import type { PipelineTree, TemplateScheme } from "@bksops/domain";
import { isPlainObject, validateTemplateTree, withDrawing } from "@bksops/domain";

/**
 * A template file (the demo data and `TEMPLATES_DIR` use the same format):
 *
 * ```json
 * { "source": "project" | "common", "bk_biz_id": 2, "template_id": 1, "name": "…",
 *   "category": "Default", "description": "…", "project_id": 3, "project_name": "…",
 *   "schemes": [{ "id": 1, "name": "…", "data": ["<activity id>", …] }],
 *   "pipeline_tree": { … a bk-sops web pipeline tree … } }
 * ```
 * `bk_biz_id` is required for project templates; `project_id`/`project_name` name the project
 * created for a business the database does not know yet. Common templates have no business.
 *
 * A `get_template_info` answer of a real bk-sops is accepted as it is (the whole answer or its
 * `data`: `id`, `name`, `bk_biz_id`, `project_id`, `category`, `pipeline_tree`), so a team can
 * mock its real flows by saving what its deployment returns; the canvas that answer leaves out
 * is drawn anew.
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
  schemes: TemplateScheme[];
  tree: PipelineTree;
}

/** Thrown with a message that says what is wrong with the file's content. */
export class TemplateFileError extends Error {
  override name = "TemplateFileError";
}

const positiveInt = (value: unknown) => typeof value === "number" && Number.isInteger(value) && value > 0;

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
  validateTemplateTree(content.pipeline_tree);
  return {
    source,
    bkBizId: source === "project" ? (content.bk_biz_id as number) : null,
    projectId: (content.project_id as number | undefined) ?? null,
    projectName: typeof content.project_name === "string" ? content.project_name : null,
    templateId: content.template_id as number,
    name: content.name,
    category: typeof content.category === "string" ? content.category : "Default",
    description: typeof content.description === "string" ? content.description : "",
    schemes: parseSchemes(content.schemes, content.pipeline_tree as PipelineTree),
    tree: content.pipeline_tree as PipelineTree,
  };
}

function parseSchemes(value: unknown, tree: PipelineTree): TemplateScheme[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new TemplateFileError('"schemes" must be a list');
  return value.map((scheme, index) => {
    if (!isPlainObject(scheme) || !positiveInt(scheme.id) || typeof scheme.name !== "string") {
      throw new TemplateFileError(`schemes[${index}] needs a positive integer "id" and a "name"`);
    }
    const data = scheme.data;
    if (!Array.isArray(data) || !data.every((id) => typeof id === "string" && id in tree.activities)) {
      throw new TemplateFileError(`schemes[${index}].data must list activity ids of the tree`);
    }
    return { id: scheme.id as number, unique_id: `${scheme.id}-${scheme.name}`, data: data as string[] };
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
    pipeline_tree: withDrawing(data.pipeline_tree),
  };
}
