import { createAndStartTaskOperation } from "./create-and-start-task/index.js";
import { createTaskOperation } from "./create-task/index.js";
import { getCommonTemplateInfoOperation } from "./get-common-template-info/index.js";
import { getCommonTemplateListOperation } from "./get-common-template-list/index.js";
import { getTaskDetailOperation } from "./get-task-detail/index.js";
import { getTaskNodeDetailOperation } from "./get-task-node-detail/index.js";
import { getTaskStatusOperation } from "./get-task-status/index.js";
import { getTemplateInfoOperation } from "./get-template-info/index.js";
import { getTemplateListOperation } from "./get-template-list/index.js";
import { getTemplateSchemesOperation } from "./get-template-schemes/index.js";
import { getUserProjectListOperation } from "./get-user-project-list/index.js";
import { operateTaskOperation } from "./operate-task/index.js";
import type { Operation } from "./operation.js";
import { previewCommonTaskTreeOperation } from "./preview-common-task-tree/index.js";
import { previewTaskTreeOperation } from "./preview-task-tree/index.js";
import { startTaskOperation } from "./start-task/index.js";

export type { Operation, OperationDeps, OperationInput, ViewResult } from "./operation.js";

/**
 * Every operation the reference server implements, in the order the front doors register them
 * (sorted by name: one line each).
 */
export const OPERATIONS: readonly Operation[] = [
  createAndStartTaskOperation,
  createTaskOperation,
  getCommonTemplateInfoOperation,
  getCommonTemplateListOperation,
  getTaskDetailOperation,
  getTaskNodeDetailOperation,
  getTaskStatusOperation,
  getTemplateInfoOperation,
  getTemplateListOperation,
  getTemplateSchemesOperation,
  getUserProjectListOperation,
  operateTaskOperation,
  previewCommonTaskTreeOperation,
  previewTaskTreeOperation,
  startTaskOperation,
];
