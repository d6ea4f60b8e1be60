import type { OpenApiDocument } from "@bksops/api-types";
import { listOperations, type Parameter, type Server } from "./operations.js";
import { type CredentialField, credentialFields, type ExampleRequest, exampleRequests } from "./requests.js";

/** What the try-it panel knows of an operation: where and how to send it, and its documented requests. */
export interface TryItOperation {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  servers: Server[];
  parameters: Array<Pick<Parameter, "name" | "in" | "required" | "description">>;
  authHeader?: string;
  hasBody: boolean;
  examples: ExampleRequest[];
}

/** The data the try-it panel reads from the page (a JSON script element). */
export interface TryItModel {
  credentials: CredentialField[];
  operations: TryItOperation[];
}

/** The try-it model of a spec: every operation with every documented request. */
export function tryItModel(doc: OpenApiDocument): TryItModel {
  return {
    credentials: credentialFields(doc),
    operations: listOperations(doc).map((operation) => ({
      operationId: operation.operationId,
      method: operation.method,
      path: operation.path,
      summary: operation.summary,
      servers: operation.servers,
      parameters: operation.parameters
        .filter((parameter) => parameter.in !== "cookie")
        .map(({ name, in: where, required, description }) => ({
          name,
          in: where,
          required,
          ...(description ? { description: description.trim() } : {}),
        })),
      ...(operation.authHeader ? { authHeader: operation.authHeader } : {}),
      hasBody: operation.hasBody,
      examples: exampleRequests(doc, operation),
    })),
  };
}
