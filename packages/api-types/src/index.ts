/**
 * Types and runtime schemas of bk-sops create_task, both generated from openapi/openapi.yaml.
 * Import the types for compile-time checks and `validatorFor` for runtime validation, so the two
 * can never disagree.
 */
import type { components, operations, paths } from "./generated/schema.js";

export { canonicalTree } from "./canonical-tree.js";
export {
  deref,
  type ExampleContract,
  type ExamplePair,
  type ExampleParameters,
  type ExampleSide,
  listExamplePairs,
  schemaNameOf,
  type TaskStep,
} from "./examples.js";
export { loadSpec, type OpenApiDocument } from "./spec.js";
export {
  type ErrorObject,
  formatErrors,
  type SchemaName,
  type SchemaValidator,
  type ValidatorOptions,
  validatorAt,
  validatorFor,
} from "./validate.js";
export type { components, operations, paths };

type Schemas = components["schemas"];

/** The task parameters every form shares (`name`, `flow_type`, `constants`, …). */
export type CreateTaskParams = Schemas["CreateTaskParams"];
/** The body of the API-gateway form (`POST /create_task/{template_id}/{bk_biz_id}/`). */
export type CreateTaskRequest = Schemas["GatewayCreateTaskRequest"];
/** The body of the ESB form (`POST /api/c/compapi/v2/sops/create_task/`). */
export type EsbCreateTaskRequest = Schemas["EsbCreateTaskRequest"];
export type Credentials = Schemas["Credentials"];
export type CreateTaskResponse = Schemas["CreateTaskResponse"];
export type EsbCreateTaskResponse = Schemas["EsbCreateTaskResponse"];
export type CreateTaskSuccess = Schemas["CreateTaskSuccess"];
export type CreateTaskData = Schemas["CreateTaskData"];
export type BkSopsError = Schemas["BkSopsError"];
export type EsbError = Schemas["EsbError"];
export type GatewayError = Schemas["GatewayError"];
export type PipelineTree = Schemas["PipelineTree"];
export type StartEvent = Schemas["StartEvent"];
export type EndEvent = Schemas["EndEvent"];
export type Activity = Schemas["Activity"];
export type ServiceActivity = Schemas["ServiceActivity"];
export type SubProcess = Schemas["SubProcess"];
export type Gateway = Schemas["Gateway"];
export type ParallelGateway = Schemas["ParallelGateway"];
export type ExclusiveGateway = Schemas["ExclusiveGateway"];
export type ConditionalParallelGateway = Schemas["ConditionalParallelGateway"];
export type ConvergeGateway = Schemas["ConvergeGateway"];
export type Flow = Schemas["Flow"];
export type Constant = Schemas["Constant"];
export type Line = Schemas["Line"];
export type Location = Schemas["Location"];
