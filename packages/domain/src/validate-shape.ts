import { isPlainObject } from "./python-values.js";

/** Collects the problems found in a tree, each naming where it is. */
export type Problems = string[];

// bk-sops' constant key rule: `${name}` of word characters, not a project or system variable.
export const CONSTANT_KEY = /^\$\{(?!_env_|_system\.)[a-zA-Z0-9_]+\}$/;
const NAME_MAX = 50;
const SOURCE_TYPES = new Set(["custom", "component_inputs", "component_outputs", "system"]);
const GATEWAY_TYPES = new Set([
  "ConvergeGateway",
  "ParallelGateway",
  "ExclusiveGateway",
  "ConditionalParallelGateway",
]);

const isString = (v: unknown): v is string => typeof v === "string";
const isFlowRef = (v: unknown): boolean => isString(v) || (Array.isArray(v) && v.every(isString));
// Python counts code points, not UTF-16 units.
const length = (s: string): number => [...s].length;

function checkName(problems: Problems, where: string, name: unknown, min: number): void {
  if (!isString(name) || length(name) < min || length(name) > NAME_MAX) {
    problems.push(`${where}: name must be a string of ${min}-${NAME_MAX} characters`);
  }
}

/** Check one entry of `activities`. */
export function checkActivity(problems: Problems, key: string, act: unknown): void {
  const where = `activity ${key}`;
  if (!isPlainObject(act)) return void problems.push(`${where}: must be an object`);
  if (act.id !== key) problems.push(`${where}: id must equal its key`);
  if (act.type !== "ServiceActivity" && act.type !== "SubProcess") {
    problems.push(`${where}: type must be ServiceActivity or SubProcess`);
  }
  checkName(problems, where, act.name, 1);
  if (!isFlowRef(act.incoming)) problems.push(`${where}: incoming must be a flow id or a list of flow ids`);
  if (!isString(act.outgoing) || act.outgoing === "") problems.push(`${where}: outgoing must be one flow id`);
  if (typeof act.optional !== "boolean") problems.push(`${where}: optional must be true or false`);
  if (act.type === "ServiceActivity") {
    const component = act.component;
    if (!isPlainObject(component) || !isString(component.code) || !isPlainObject(component.data)) {
      return void problems.push(`${where}: component must have a string code and a data object`);
    }
    for (const [input, item] of Object.entries(component.data)) {
      if (!isPlainObject(item) || typeof item.hook !== "boolean" || !("value" in item)) {
        problems.push(`${where}: component input ${input} must be {hook: boolean, value}`);
      }
    }
  } else if (act.type === "SubProcess" && act.constants !== undefined) {
    if (!isPlainObject(act.constants) || !Object.values(act.constants).every(isPlainObject)) {
      problems.push(`${where}: constants must be an object of objects`);
    }
  }
}

/** Check one entry of `gateways`, including its branch conditions. */
export function checkGateway(problems: Problems, key: string, gateway: unknown): void {
  const where = `gateway ${key}`;
  if (!isPlainObject(gateway)) return void problems.push(`${where}: must be an object`);
  if (gateway.id !== key) problems.push(`${where}: id must equal its key`);
  if (!isString(gateway.type) || !GATEWAY_TYPES.has(gateway.type)) {
    return void problems.push(`${where}: type must be one of ${[...GATEWAY_TYPES].join(", ")}`);
  }
  checkName(problems, where, gateway.name, 0);
  if (!isFlowRef(gateway.incoming))
    problems.push(`${where}: incoming must be a flow id or a list of flow ids`);
  if (gateway.type === "ConvergeGateway") {
    if (!isString(gateway.outgoing) || gateway.outgoing === "")
      problems.push(`${where}: outgoing must be one flow id`);
    return;
  }
  const outgoing = gateway.outgoing;
  if (!Array.isArray(outgoing) || outgoing.length === 0 || !outgoing.every(isString)) {
    return void problems.push(`${where}: outgoing must be a non-empty list of flow ids`);
  }
  if (gateway.type === "ParallelGateway") return;
  const conditions = gateway.conditions;
  if (!isPlainObject(conditions)) return void problems.push(`${where}: conditions must be an object`);
  for (const flowId of outgoing) {
    const condition = conditions[flowId];
    if (!Object.hasOwn(conditions, flowId))
      problems.push(`${where}: outgoing flow ${flowId} has no condition`);
    else if (!isPlainObject(condition) || !isString(condition.evaluate)) {
      problems.push(`${where}: condition of flow ${flowId} must have a string evaluate`);
    }
  }
  for (const flowId of Object.keys(conditions)) {
    if (!outgoing.includes(flowId)) problems.push(`${where}: condition ${flowId} is not an outgoing flow`);
  }
  const fallback = gateway.default_condition;
  if (
    fallback !== undefined &&
    (!isPlainObject(fallback) || !outgoing.includes(fallback.flow_id as string))
  ) {
    problems.push(`${where}: default_condition.flow_id must be one of its outgoing flows`);
  }
}

/** Check one entry of `constants`; `activityIds` are the nodes `source_info` may name. */
export function checkConstant(
  problems: Problems,
  key: string,
  constant: unknown,
  activityIds: Set<string>,
): void {
  const where = `constant ${key}`;
  if (!CONSTANT_KEY.test(key))
    problems.push(`${where}: key must look like \${name} with letters, digits or _`);
  if (!isPlainObject(constant)) return void problems.push(`${where}: must be an object`);
  if (constant.key !== key) problems.push(`${where}: key property must equal its key`);
  checkName(problems, where, constant.name, 1);
  if (!Number.isInteger(constant.index)) problems.push(`${where}: index must be an integer`);
  if (!isString(constant.source_type) || !SOURCE_TYPES.has(constant.source_type)) {
    problems.push(`${where}: source_type must be one of ${[...SOURCE_TYPES].join(", ")}`);
  }
  if (!("value" in constant)) problems.push(`${where}: value is missing`);
  if (constant.show_type !== undefined && constant.show_type !== "show" && constant.show_type !== "hide") {
    problems.push(`${where}: show_type must be show or hide`);
  }
  for (const field of ["desc", "custom_type", "source_tag", "validation"]) {
    if (constant[field] !== undefined && !isString(constant[field]))
      problems.push(`${where}: ${field} must be a string`);
  }
  const info = constant.source_info;
  if (!isPlainObject(info)) return void problems.push(`${where}: source_info must be an object`);
  for (const [nodeId, inputs] of Object.entries(info)) {
    if (!activityIds.has(nodeId))
      problems.push(`${where}: source_info names ${nodeId}, which is not an activity`);
    if (!Array.isArray(inputs) || !inputs.every(isString)) {
      problems.push(`${where}: source_info.${nodeId} must be a list of input names`);
    }
  }
}
