import type { PipelineTree, SubprocessSource } from "@bksops/domain";
import {
  buildTaskTree,
  finishTaskTree,
  prepareRequestTree,
  pyTruthy,
  randomId,
  resolveExcludeList,
  TaskNodeSelectionError,
} from "@bksops/domain";
import { type Caller, isTrusted } from "../../auth/caller.js";
import type { Project } from "../../db/repos/projects.js";
import type { NewTask } from "../../db/repos/tasks.js";
import type { StoredTemplate } from "../../db/repos/templates.js";
import type { Store } from "../../db/store.js";
import { BkSopsError, CODES } from "../../errors.js";
import type { Body } from "../../http/parse-body.js";
import { storeCatalog } from "../../templates/catalog.js";
import { paramsError } from "../../validation/params.js";
import { requireIam, templateDoesNotExist } from "../shared/iam.js";
import { bodyParams, injectProject, taskUrlOf } from "../shared/project.js";
import { CREATE_TASK, type CreateVariant } from "./variant.js";

export interface CreateTaskInput {
  caller: Caller;
  /** `{template_id}` of the path (digits). */
  templateId: string;
  /** `{bk_biz_id}` of the path (digits): a business id, or a project id when `scope` says so. */
  scopeId: string;
  body: Body;
  /** MCP callers get no `pipeline_tree` back and their tasks are marked `mcp`. */
  mcp: boolean;
}

export interface CreatedTask {
  taskId: number;
  taskUrl: string;
  functionTaskClaimUrl?: string;
  /** The task's tree as stored, serialised once; undefined for MCP callers. */
  treeJson?: string;
}

export interface CreateTaskDeps {
  store: Store;
  /** The base of `task_url`, ending with `/`. */
  bkSopsHost: string;
}

const CALLBACK_URL = /^https?:\/\/\w.+$/;

/**
 * bk-sops' create_task (decorators then view), in the real order: body and project, IAM,
 * callback_url, template, parameters, node selection, tree, then the task row. Throws
 * BkSopsError with bk-sops' message and code for every refusal; stores nothing until the
 * tree is built, so a refused request changes nothing.
 */
export async function createTask(
  deps: CreateTaskDeps,
  input: CreateTaskInput,
  variant: CreateVariant = CREATE_TASK,
): Promise<CreatedTask> {
  // The checks and the tree run synchronously; only the commit (shared with the other tasks of
  // this event-loop turn) is awaited.
  const { row, answer } = prepareTask(deps, input, variant);
  return answer(await deps.store.tasks.createCommitted(row));
}

/** The checks and the tree, synchronously: the task row to store and how to answer once stored. */
function prepareTask(
  deps: CreateTaskDeps,
  input: CreateTaskInput,
  variant: CreateVariant,
): { row: NewTask; answer: (taskId: number) => CreatedTask } {
  const { store } = deps;
  const params = bodyParams(input.body);
  const project = injectProject(store, input.scopeId, params);
  if (input.body.kind === "empty") {
    throw new BkSopsError(
      "非法请求: 数据错误, 请求不是合法的Json格式 | validate",
      CODES.REQUEST_PARAM_INVALID,
      {
        traceId: false,
        data: true,
      },
    );
  }
  // The IAM interceptor reads params.get("template_source", "project") whatever the view does
  // with it; an explicit null is None, which means "common".
  if (!isTrusted(input.caller.app)) {
    checkIam(store, input, "template_source" in params ? params.template_source : "project");
  }
  const templateSource = "template_source" in params ? params.template_source : variant.defaultSource;

  // The view.
  const callbackUrl = params.callback_url;
  delete params.callback_url;
  if (pyTruthy(callbackUrl) && (typeof callbackUrl !== "string" || !CALLBACK_URL.test(callbackUrl))) {
    throw new BkSopsError(
      "callback_url format error, must match ^https?://\\w.+$",
      CODES.REQUEST_PARAM_INVALID,
    );
  }
  const template = findTemplate(store, input.templateId, project, variant.isProjectSource(templateSource));
  for (const [key, value] of variant.defaults) if (!(key in params)) params[key] = value();
  const invalid = paramsError(params, variant.params);
  if (invalid) throw new BkSopsError(`${variant.paramsErrorPrefix}${invalid}`, CODES.REQUEST_PARAM_INVALID);

  // Subprocess nodes unfold from the templates of the store; the root's kind is its template's.
  const subprocess: SubprocessSource = { kind: template.source, catalog: storeCatalog(store.templates) };
  const tree =
    variant.acceptsPipelineTree && "pipeline_tree" in params
      ? fromRequestTree(params, subprocess)
      : fromTemplate(template, params, variant, subprocess);
  const treeJson = JSON.stringify(tree);
  const flowType = params.flow_type as "common" | "common_func";
  const row: NewTask = {
    projectId: project.id,
    pipelineInstanceId: tree.id ?? "",
    name: params.name as string,
    description:
      typeof params.description === "string" ? params.description : JSON.stringify(params.description ?? ""),
    category: template.category,
    templateId: input.templateId,
    templateSource: variant.storedSource(templateSource),
    creator: input.caller.user.username,
    createMethod: input.mcp ? "mcp" : "api",
    createInfo: input.caller.app.code,
    flowType,
    currentFlow: flowType === "common" ? "execute_task" : "func_claim",
    engineVer: 2,
    extraInfo: JSON.stringify({ keys_in_constants_parameter: Object.keys(params.constants as object) }),
    pipelineTreeJson: treeJson,
    callbackUrl: typeof callbackUrl === "string" && callbackUrl ? callbackUrl : null,
    callbackVersion:
      variant.storesCallbackVersion && pyTruthy(callbackUrl) && pyTruthy(params.callback_version)
        ? JSON.stringify(params.callback_version)
        : null,
  };
  const { bkSopsHost } = deps;
  const projectId = project.id;
  const answerTree = input.mcp && variant.mcpDropsTree ? undefined : treeJson;
  const answer = (taskId: number): CreatedTask => {
    const created: CreatedTask = {
      taskId,
      taskUrl: taskUrlOf(bkSopsHost, projectId, taskId),
      treeJson: answerTree,
    };
    if (flowType === "common_func" && variant.answersClaimUrl) {
      created.functionTaskClaimUrl = `${bkSopsHost}function/execute/${projectId}/?instance_id=${taskId}`;
    }
    return created;
  };
  return { row, answer };
}

/** The IAM interceptor's reading of `template_source`: create_task's. */
const sourceKind = (templateSource: unknown): "project" | "common" =>
  CREATE_TASK.isProjectSource(templateSource) ? "project" : "common";

/** The IAM interceptor of untrusted apps: the template must exist, and the user may create tasks. */
function checkIam(store: Store, input: CreateTaskInput, templateSource: unknown): void {
  const kind = sourceKind(templateSource);
  if (!store.templates.exists(kind, Number(input.templateId))) {
    throw templateDoesNotExist(kind === "project" ? "TaskTemplate" : "CommonTemplate", input.templateId);
  }
  requireIam(input.caller, kind === "project" ? "flow_create_task" : "common_flow_create_task");
}

function findTemplate(
  store: Store,
  templateId: string,
  project: Project,
  fromProject: boolean,
): StoredTemplate {
  if (fromProject) {
    const template = store.templates.findProjectTemplate(Number(templateId), project.id);
    if (template) return template;
    throw new BkSopsError(
      `template[id=${templateId}] of project[project_id=${project.id},biz_id=${project.bkBizId}] does not exist`,
      CODES.CONTENT_NOT_EXIST,
    );
  }
  const template = store.templates.findCommonTemplate(Number(templateId));
  if (template) return template;
  throw new BkSopsError(`common template[id=${templateId}] does not exist`, CODES.CONTENT_NOT_EXIST);
}

function fromTemplate(
  template: StoredTemplate,
  params: Record<string, unknown>,
  variant: CreateVariant,
  subprocess: SubprocessSource,
): PipelineTree {
  const selection = variant.acceptsExecuteNodes ? params : { ...params, execute_task_nodes_id: undefined };
  let exclude: unknown[];
  try {
    exclude = resolveExcludeList(template.tree, selection, template.schemes);
  } catch (error) {
    if (error instanceof TaskNodeSelectionError) {
      throw new BkSopsError(error.message, CODES.REQUEST_PARAM_INVALID);
    }
    // Python's own errors (an unhashable id in a list): a bare HTTP 500 in bk-sops; here
    // the creation-failure envelope, so the caller still gets a documented answer.
    throw new BkSopsError(variant.creationError((error as Error).message), CODES.UNKNOWN_ERROR);
  }
  try {
    return buildTaskTree(
      template.tree,
      {
        exclude,
        constants: params.constants as Record<string, unknown>,
        simplifyVars: variant.acceptsSimplifyVars ? params.simplify_vars : undefined,
      },
      randomId,
      subprocess,
    );
  } catch (error) {
    throw new BkSopsError(variant.creationError((error as Error).message), CODES.UNKNOWN_ERROR);
  }
}

/** The tree path (docs/bk-sops-behaviour.md §6.2): checked as bk-sops checks it (7T), then created (8T), each with its own text. */
function fromRequestTree(params: Record<string, unknown>, subprocess: SubprocessSource): PipelineTree {
  if (pyTruthy(params.template_schemes_id)) {
    throw new BkSopsError(
      "template_schemes_id can not be used with pipeline_tree",
      CODES.REQUEST_PARAM_INVALID,
    );
  }
  let tree: PipelineTree;
  try {
    tree = prepareRequestTree(params.pipeline_tree, params.constants as Record<string, unknown>);
  } catch (error) {
    throw new BkSopsError(
      `[API] create_task get invalid pipeline_tree: ${(error as Error).message}`,
      CODES.UNKNOWN_ERROR,
    );
  }
  try {
    finishTaskTree(tree, subprocess, randomId);
  } catch (error) {
    // bk-sops catches only bamboo's own errors here (others are its HTTP 500); all get the envelope.
    throw new BkSopsError(
      `[API] create_task create pipeline error: ${(error as Error).message}`,
      CODES.UNKNOWN_ERROR,
    );
  }
  return tree;
}
