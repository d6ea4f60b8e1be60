import { deref, type OpenApiDocument } from "@bksops/api-types";

export type Json = Record<string, unknown>;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** A server an operation can be sent to, its variables filled with their defaults. */
export interface Server {
  url: string;
  description?: string;
}

/** A parameter of an operation, resolved. */
export interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  description?: string;
  /** The parameter's `example` (or the first of its schema's `examples`, or its default). */
  example?: unknown;
  /** The values of its named `examples`, by name. */
  examples: Record<string, unknown>;
}

/** One operation of the spec, with what the docs site needs to show, call and sample it. */
export interface Operation {
  operationId: string;
  method: string;
  path: string;
  summary: string;
  servers: Server[];
  parameters: Parameter[];
  /** The header the operation's security puts the credentials in (an `apiKey` scheme in a header). */
  authHeader?: string;
  hasBody: boolean;
  /** The operation object itself (the docs build adds to its description and samples). */
  node: Json;
}

/** A server URL with every `{variable}` replaced by its default. */
function serverOf(raw: unknown): Server {
  const server = raw as {
    url: string;
    description?: string;
    variables?: Record<string, { default: string }>;
  };
  const url = server.url.replace(
    /\{([^}]+)\}/g,
    (whole, name: string) => server.variables?.[name]?.default ?? whole,
  );
  return { url: url.replace(/\/+$/, ""), description: server.description };
}

/** Text of a parameter value (path, query and header values travel as text). */
export const asText = (value: unknown): string => (typeof value === "string" ? value : JSON.stringify(value));

function parameterOf(doc: OpenApiDocument, raw: unknown): Parameter {
  const parameter = deref<Json>(doc, raw);
  const schema = deref<Json>(doc, parameter.schema ?? {});
  const first = parameter.example ?? (schema.examples as unknown[] | undefined)?.[0] ?? schema.default;
  const examples: Record<string, unknown> = {};
  for (const [name, example] of Object.entries((parameter.examples ?? {}) as Json)) {
    examples[name] = deref<Json>(doc, example).value;
  }
  return {
    name: parameter.name as string,
    in: parameter.in as Parameter["in"],
    required: parameter.required === true,
    description: parameter.description as string | undefined,
    example: first,
    examples,
  };
}

/** The header name of the first `apiKey`-in-header scheme the security requirements name. */
function authHeaderOf(doc: OpenApiDocument, security: unknown): string | undefined {
  const schemes = (doc.components.securitySchemes ?? {}) as Json;
  for (const requirement of (security ?? []) as Json[]) {
    for (const name of Object.keys(requirement)) {
      const scheme = deref<Json>(doc, schemes[name]);
      if (scheme?.type === "apiKey" && scheme.in === "header") return scheme.name as string;
    }
  }
  return undefined;
}

/** Every operation of the spec, in the order of its `paths`. */
export function listOperations(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  const rootServers = ((doc.servers ?? []) as unknown[]).map(serverOf);
  for (const [path, rawItem] of Object.entries(doc.paths)) {
    const item = deref<Json>(doc, rawItem);
    const itemServers = item.servers ? (item.servers as unknown[]).map(serverOf) : undefined;
    for (const method of METHODS) {
      const node = item[method] as Json | undefined;
      if (!node || typeof node.operationId !== "string") continue;
      const byKey = new Map<string, Parameter>();
      for (const raw of [
        ...((item.parameters ?? []) as unknown[]),
        ...((node.parameters ?? []) as unknown[]),
      ]) {
        const parameter = parameterOf(doc, raw);
        byKey.set(`${parameter.in}:${parameter.name}`, parameter);
      }
      const authHeader = authHeaderOf(doc, node.security ?? doc.security);
      operations.push({
        operationId: node.operationId,
        method: method.toUpperCase(),
        path,
        summary: (node.summary as string | undefined) ?? node.operationId,
        servers: node.servers ? (node.servers as unknown[]).map(serverOf) : (itemServers ?? rootServers),
        // The credentials header is built from the credentials, even where the spec also lists it as a parameter.
        parameters: [...byKey.values()].filter(
          (parameter) =>
            !(parameter.in === "header" && parameter.name.toLowerCase() === authHeader?.toLowerCase()),
        ),
        authHeader,
        hasBody: node.requestBody !== undefined,
        node,
      });
    }
  }
  return operations;
}
