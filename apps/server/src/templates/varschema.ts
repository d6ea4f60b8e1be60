/**
 * What bk-sops knows of its global-variable types, as far as its read APIs show it:
 * `get_template_info` adds a `schema` to every custom and component-input variable
 * (`gcloud/tasktmpl3/domains/varschema.py`), and `include_constants` names each variable's type
 * (`VariableModel.name`). The reference server knows bk-sops' standard variables
 * (`pipeline_plugins/variables/collections/common.py`) and no plugin: a variable it does not know
 * gets `schema: null`, as bk-sops answers when it cannot find the class either.
 */

/** One variable type: its name as bk-sops shows it and its ItemSchema (`type`, `description`). */
interface VariableType {
  name: string;
  schema?: { type: "string" | "int"; description: string };
}

const string = (description: string) => ({ type: "string" as const, description });

/** bk-sops' standard variables by code (names and descriptions in its default language, zh-hans). */
export const VARIABLE_TYPES: Readonly<Record<string, VariableType>> = {
  input: { name: "输入框", schema: string("输入框变量") },
  textarea: { name: "文本框", schema: string("文本框变量") },
  datetime: { name: "日期时间", schema: string("日期时间变量") },
  int: { name: "整数", schema: { type: "int", description: "整数变量" } },
  password: { name: "密码", schema: string("密码变量") },
  select: { name: "下拉框", schema: string("下拉框变量") },
  text_value_select: { name: "文本值下拉框", schema: string("文本值下拉框变量") },
  format_support_current_time: {
    name: "系统当前时间(支持格式自定义)",
    schema: string("系统当前时间变量(支持格式自定义)"),
  },
  current_time: { name: "系统当前时间", schema: string("系统当前时间变量") },
  date: { name: "日期", schema: string("日期变量") },
  time: { name: "时间", schema: string("时间变量") },
  format_support_datetime: { name: "日期时间（支持格式自定义）" },
  staff_group_selector: { name: "人员分组选择器" },
};

/**
 * The `schema` bk-sops adds to a variable: an ItemSchema dict for the custom and component-input
 * variables whose class it finds (by the code before the dot of `source_tag`), else null.
 */
export function schemaForVariable(variable: Record<string, unknown>): Record<string, unknown> | null {
  const sourceType = variable.source_type;
  if (sourceType !== "custom" && sourceType !== "component_inputs") return null;
  const tag = variable.source_tag;
  if (typeof tag !== "string" || tag === "") return null;
  // `code.tag`: bk-sops splits on "." and reads two parts, so a tag without a dot finds nothing.
  const parts = tag.split(".");
  if (parts.length < 2) return null;
  // No plugin is known here: a component input falls back to a variable class of the same code,
  // as bk-sops does for a plugin it cannot load.
  const schema = VARIABLE_TYPES[parts[0] as string]?.schema;
  return schema ? { type: schema.type, description: schema.description, enum: [] } : null;
}
