import { isPlainObject } from "@bksops/domain";
import type { Project } from "../../db/repos/projects.js";
import type { TemplateHead } from "../../db/repos/templates.js";
import { formatBkDatetime } from "../../time/bk-datetime.js";

export interface ListItemOptions {
  /** The zone of the times (`expected_timezone`, or the site's). */
  timeZone: string;
  /** Project templates carry their project's fields; common lists pass none. */
  project?: Project;
  includeNotify?: boolean;
  includeExecutorProxy?: boolean;
}

/** bk-sops' `project.name if project.from_cmdb else None` and the other project fields of an item. */
export function projectFields(project: Project): Record<string, unknown> {
  return {
    project_id: project.id,
    project_name: project.name,
    bk_biz_id: project.bkBizId,
    bk_biz_name: project.fromCmdb ? project.name : null,
  };
}

/**
 * `notify_type` as bk-sops answers it: the stored JSON when it is an object, otherwise the same
 * value for both outcomes (`{"success": v, "fail": v}`); unreadable text reads as no notification.
 */
export function notifyType(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return isPlainObject(value) ? value : { success: value, fail: value };
  } catch {
    return { success: [], fail: [] };
  }
}

/**
 * One item of a template list, keys in bk-sops' order (`format_template_list_data`): id, name,
 * creator, create_time, editor, edit_time, category, description, the project's fields, then
 * notification and executor proxy when asked (the proxy only for project templates, the only ones
 * that have one).
 */
export function templateListItem(head: TemplateHead, options: ListItemOptions): Record<string, unknown> {
  const item: Record<string, unknown> = {
    id: head.id,
    name: head.name,
    creator: head.creator,
    create_time: formatBkDatetime(head.createTime, options.timeZone),
    editor: head.editor,
    edit_time: formatBkDatetime(head.editTime, options.timeZone),
    category: head.category,
    description: head.description,
  };
  if (options.project) Object.assign(item, projectFields(options.project));
  if (options.includeNotify) {
    item.notify_type = notifyType(head.notifyType);
    item.notify_receivers = JSON.parse(head.notifyReceivers);
  }
  if (options.includeExecutorProxy && head.source === "project") item.executor_proxy = head.executorProxy;
  return item;
}
