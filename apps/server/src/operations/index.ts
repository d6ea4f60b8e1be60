import { createTaskOperation } from "./create-task/index.js";
import type { Operation } from "./operation.js";

export type { Operation, OperationDeps, OperationInput, ViewResult } from "./operation.js";

/** Every operation the reference server implements, in the order the front doors register them. */
export const OPERATIONS: readonly Operation[] = [createTaskOperation];
