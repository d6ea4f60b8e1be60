import { pyRepr } from "@bksops/domain";
import { BkSopsError, CODES } from "../../errors.js";
import { CREATE_TASK_PARAMS, type ParamsSchema } from "../../validation/params.js";
import { pyText } from "../shared/project.js";

/**
 * What differs between bk-sops' two views that create a task from a template: `create_task` and
 * `create_and_start_task` run the same checks in the same order (service.ts) but were written
 * apart, and differ in these details.
 */
export interface CreateVariant {
  /** `template_source` when the request has none. */
  defaultSource: string;
  /** Whether a `template_source` names a project template (else a common one); may refuse it. */
  isProjectSource(source: unknown): boolean;
  /** What the task row stores as its `template_source`. */
  storedSource(source: unknown): string;
  /** Defaults set before validation, in bk-sops' order. */
  defaults: ReadonlyArray<readonly [string, () => unknown]>;
  params: ParamsSchema;
  /** The prefix of a validation failure's message. */
  paramsErrorPrefix: string;
  /** The message of a tree that could not be built. */
  creationError(reason: string): string;
  acceptsPipelineTree: boolean;
  acceptsExecuteNodes: boolean;
  acceptsSimplifyVars: boolean;
  storesCallbackVersion: boolean;
  /** MCP callers get no `pipeline_tree` back. */
  mcpDropsTree: boolean;
  /** Functional tasks' answers carry `function_task_claim_url`. */
  answersClaimUrl: boolean;
}

const NON_COMMON_SOURCES = new Set(["business", "project"]);

export const CREATE_TASK: CreateVariant = {
  defaultSource: "project",
  isProjectSource(source) {
    // `source in {"business", "project"}`: a value Python cannot hash (a list, an object) fails
    // there; bk-sops answers a bare HTTP 500, this server the schema's wording of the problem.
    if (typeof source === "object" && source !== null) {
      throw new BkSopsError(
        `task params is invalid: ${pyRepr(source)} is not of type 'string'`,
        CODES.REQUEST_PARAM_INVALID,
      );
    }
    return typeof source === "string" && NON_COMMON_SOURCES.has(source);
  },
  storedSource: (source) =>
    typeof source === "string" && NON_COMMON_SOURCES.has(source) ? "project" : pyText(source),
  defaults: [
    ["flow_type", () => "common"],
    ["constants", () => ({})],
    ["exclude_task_nodes_id", () => []],
    ["simplify_vars", () => []],
    ["execute_task_nodes_id", () => []],
    ["template_schemes_id", () => []],
  ],
  params: CREATE_TASK_PARAMS,
  paramsErrorPrefix: "task params is invalid: ",
  creationError: (reason) => `[API] create_task create pipeline without tree error: ${reason}`,
  acceptsPipelineTree: true,
  acceptsExecuteNodes: true,
  acceptsSimplifyVars: true,
  storesCallbackVersion: true,
  mcpDropsTree: true,
  answersClaimUrl: true,
};

/**
 * create_and_start_task: only `business` (its default) names a project template, so an explicit
 * `project` reads a common template; its schema checks `template_source` and knows no
 * `execute_task_nodes_id`; its message says "parmas"; no `pipeline_tree`, no `simplify_vars`.
 */
export const CREATE_AND_START_TASK: CreateVariant = {
  defaultSource: "business",
  isProjectSource: (source) => source === "business",
  storedSource: (source) => pyText(source),
  defaults: [
    ["flow_type", () => "common"],
    ["template_source", () => "business"],
    ["constants", () => ({})],
    ["exclude_task_nodes_id", () => []],
    ["template_schemes_id", () => []],
  ],
  params: {
    name: "CreateAndStartTaskParams",
    unchecked: ["callback_url", "description", "scope"],
  },
  // "parmas" is bk-sops' own spelling in this view.
  paramsErrorPrefix: "task parmas is invalid: ",
  creationError: (reason) => reason,
  acceptsPipelineTree: false,
  acceptsExecuteNodes: false,
  acceptsSimplifyVars: false,
  storesCallbackVersion: false,
  mcpDropsTree: false,
  answersClaimUrl: false,
};
