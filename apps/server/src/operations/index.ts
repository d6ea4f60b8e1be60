import { createAndStartTaskOperation } from "./create-and-start-task/index.js";
import { createTaskOperation } from "./create-task/index.js";
import { getTaskDetailOperation } from "./get-task-detail/index.js";
import { getTaskNodeDetailOperation } from "./get-task-node-detail/index.js";
import { getTaskStatusOperation } from "./get-task-status/index.js";
import { operateTaskOperation } from "./operate-task/index.js";
import type { Operation } from "./operation.js";
import { startTaskOperation } from "./start-task/index.js";

export type { Operation, OperationDeps, OperationInput, ViewResult } from "./operation.js";

/** Every operation the reference server implements, by name, in the order the front doors register them. */
export const OPERATIONS: readonly Operation[] = [
  createAndStartTaskOperation,
  createTaskOperation,
  getTaskDetailOperation,
  getTaskNodeDetailOperation,
  getTaskStatusOperation,
  operateTaskOperation,
  startTaskOperation,
];
