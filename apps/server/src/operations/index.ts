import { createTaskOperation } from "./create-task/index.js";
import { getCommonTemplateInfoOperation } from "./get-common-template-info/index.js";
import { getTemplateInfoOperation } from "./get-template-info/index.js";
import { getTemplateSchemesOperation } from "./get-template-schemes/index.js";
import { getUserProjectListOperation } from "./get-user-project-list/index.js";
import type { Operation } from "./operation.js";

export type { Operation, OperationDeps, OperationInput, ViewResult } from "./operation.js";

/** Every operation the reference server implements, sorted by name (the front doors register them in this order). */
export const OPERATIONS: readonly Operation[] = [
  createTaskOperation,
  getCommonTemplateInfoOperation,
  getTemplateInfoOperation,
  getTemplateSchemesOperation,
  getUserProjectListOperation,
];
