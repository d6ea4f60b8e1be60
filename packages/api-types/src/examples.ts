import type { OpenApiDocument } from "./spec.js";

/** How the conformance suite treats an example (the spec's `x-contract` extension). */
export interface ExampleContract {
  /** `demo`: the example needs the reference server's demo data (template 1 of business 2, …). */
  fixture?: "demo";
  /** Credential or id fields sent exactly as written instead of the target's own. */
  keep?: string[];
  /** Fields deliberately left out of the request. */
  omit?: string[];
  /** The `template_id` to use (a path value for the gateway form). */
  template_id?: string;
  /** The `X-Bkapi-Authorization` header to send (gateway form). */
  authorization?: Record<string, string>;
  /** `first-line`: only the first line of `message` is stable. */
  message?: "first-line";
}

export interface ExampleSide {
  summary?: string;
  description?: string;
  value: unknown;
  contract: ExampleContract;
}

/** A documented request and the documented response that answers it, paired by name. */
export interface ExamplePair {
  operationId: string;
  method: string;
  path: string;
  name: string;
  /** The request body; absent only when the operation has no request example of that name. */
  request?: ExampleSide & { invalid: boolean };
  response: ExampleSide & { status: number; schema?: string };
}

type Json = Record<string, unknown>;

/** Follows local `$ref`s (`#/components/...`) until a non-reference object. */
export function deref<T = Json>(doc: OpenApiDocument, node: unknown): T {
  let current = node as Json;
  for (let hops = 0; current && typeof current.$ref === "string"; hops += 1) {
    if (hops > 32) throw new Error(`reference loop at ${current.$ref}`);
    const path = (current.$ref as string).replace(/^#\//, "").split("/");
    current = path.reduce<Json>(
      (at, key) => at?.[key.replace(/~1/g, "/").replace(/~0/g, "~")] as Json,
      doc as unknown as Json,
    );
  }
  return current as T;
}

/** The component name of a schema reference such as `#/components/schemas/Name`. */
export function schemaNameOf(schema: unknown): string | undefined {
  const ref = (schema as Json | undefined)?.$ref;
  return typeof ref === "string" ? ref.split("/").pop() : undefined;
}

function side(doc: OpenApiDocument, example: unknown): ExampleSide {
  const resolved = deref<Json>(doc, example);
  return {
    summary: resolved.summary as string | undefined,
    description: resolved.description as string | undefined,
    value: resolved.value,
    contract: (resolved["x-contract"] as ExampleContract | undefined) ?? {},
  };
}

/** Every named response example of the spec, with the request example of the same name. */
export function listExamplePairs(doc: OpenApiDocument): ExamplePair[] {
  const pairs: ExamplePair[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, rawOperation] of Object.entries(item)) {
      const operation = rawOperation as Json;
      if (typeof operation?.operationId !== "string") continue;
      const body = deref<Json>(doc, operation.requestBody ?? {});
      const media = ((body.content as Json | undefined)?.["application/json"] ?? {}) as Json;
      const valid = (media.examples ?? {}) as Json;
      const invalid = (body["x-invalid-examples"] ?? {}) as Json;
      for (const [status, rawResponse] of Object.entries((operation.responses ?? {}) as Json)) {
        const response = deref<Json>(doc, rawResponse);
        const content = ((response.content as Json | undefined)?.["application/json"] ?? {}) as Json;
        for (const [name, example] of Object.entries((content.examples ?? {}) as Json)) {
          const requestExample = valid[name] ?? invalid[name];
          pairs.push({
            operationId: operation.operationId,
            method: method.toUpperCase(),
            path,
            name,
            request: requestExample ? { ...side(doc, requestExample), invalid: !(name in valid) } : undefined,
            response: { ...side(doc, example), status: Number(status), schema: schemaNameOf(content.schema) },
          });
        }
      }
    }
  }
  return pairs;
}
