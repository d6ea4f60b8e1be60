import {
  cloneJson,
  excludeNodesInPlace,
  isPlainObject,
  normalizeInPlace,
  type PipelineTree,
  pruneConstantsInPlace,
  segmentNames,
  templateSegments,
  withDrawing,
} from "@bksops/domain";
import type { Project } from "../db/repos/projects.js";
import type { StoredTemplate } from "../db/repos/templates.js";
import { objectDoesNotExist } from "../operations/shared/iam.js";
import type { IncludeTemplate } from "../operations/shared/include-template.js";
import { notifyType, projectFields } from "../operations/shared/template-list.js";
import { formatBkDatetime } from "../time/bk-datetime.js";
import { schemaForVariable, VARIABLE_TYPES } from "./varschema.js";

type Json = Record<string, unknown>;

/**
 * bk-sops' `format_template_data` (gcloud/apigw/views/utils.py), plus `template_constants` when
 * asked: the template's tree without its canvas (`line`, `location`), every variable with the
 * `schema` of its type, the template's metadata and, with a project, the project's ids and names.
 * Keys come in bk-sops' order.
 */
export function formatTemplateData(
  template: StoredTemplate,
  project: Project | undefined,
  include: IncludeTemplate,
): Json {
  const tree = cloneJson(template.tree) as unknown as Json;
  delete tree.line;
  delete tree.location;
  for (const variable of Object.values(isPlainObject(tree.constants) ? tree.constants : {})) {
    if (isPlainObject(variable)) variable.schema = schemaForVariable(variable);
  }
  const data: Json = {
    id: template.id,
    name: template.name,
    creator: template.creator,
    create_time: formatBkDatetime(template.createTime),
    editor: template.editor,
    edit_time: formatBkDatetime(template.editTime),
    category: template.category,
    pipeline_tree: tree,
    description: template.description,
  };
  if (project) Object.assign(data, projectFields(project));
  // Only project templates (TaskTemplate) have an executor proxy.
  if (include.include_executor_proxy && template.source === "project")
    data.executor_proxy = template.executorProxy;
  if (include.include_notify) {
    data.notify_type = notifyType(template.notifyType);
    data.notify_receivers = JSON.parse(template.notifyReceivers);
  }
  if (include.include_subprocess) {
    data.has_subprocess = Object.values(template.tree.activities).some((act) => act.type === "SubProcess");
    data.subprocess_has_update = false;
  }
  if (include.include_constants) data.template_constants = templateConstants(tree);
  return data;
}

/**
 * bk-sops' `process_pipeline_constants`: the variables the template's nodes use (unused ones
 * pruned, as a task would prune them), outputs left out, each with its type's name and how many
 * node inputs reference it. A custom type bk-sops does not know fails its `VariableModel` lookup.
 */
function templateConstants(answeredTree: Json): Json[] {
  const tree = withDrawing(cloneJson(answeredTree)) as unknown as PipelineTree;
  normalizeInPlace(tree);
  excludeNodesInPlace(tree, []);
  pruneConstantsInPlace(tree, []);
  const counts = activityReferenceCounts(tree);
  const result: Json[] = [];
  for (const [key, variable] of Object.entries(tree.constants)) {
    if (variable.source_type === "component_outputs") continue;
    let type: string;
    if (variable.source_type === "component_inputs") type = "节点输入";
    else {
      const known = VARIABLE_TYPES[String(variable.custom_type)];
      if (!known) throw objectDoesNotExist("VariableModel matching query does not exist.");
      type = known.name;
    }
    result.push({
      name: variable.name,
      key: variable.key,
      show_type: variable.show_type,
      constant_type: type,
      activity_count: counts.get(key) ?? 0,
    });
  }
  return result;
}

/** `${name}` keys a value refers to, each once (bamboo `ConstantTemplate.get_reference`). */
function referencedKeys(value: unknown): Set<string> {
  const keys = new Set<string>();
  const visit = (item: unknown): void => {
    if (typeof item === "string") {
      for (const segment of templateSegments(item))
        for (const name of segmentNames(segment)) keys.add(`\${${name}}`);
    } else if (Array.isArray(item)) item.forEach(visit);
    else if (isPlainObject(item)) Object.values(item).forEach(visit);
  };
  visit(value);
  return keys;
}

/** For each variable key, how many node inputs refer to it (`analysis_pipeline_constants_ref`). */
function activityReferenceCounts(tree: PipelineTree): Map<string, number> {
  const counts = new Map<string, number>();
  for (const act of Object.values(tree.activities)) {
    const inputs =
      act.type === "ServiceActivity"
        ? Object.values(act.component?.data ?? {})
        : Object.values(act.constants ?? {});
    for (const input of inputs) {
      for (const key of referencedKeys(input?.value)) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}
