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
  /** Path or query parameter values sent exactly as written, by parameter name. */
  params?: Record<string, string>;
  /** The `X-Bkapi-Authorization` header to send (gateway form). */
  authorization?: Record<string, string>;
  /** `first-line`: only the first line of `message` is stable. */
  message?: "first-line";
  /**
   * The caller the answer documents: `untrusted` (an app not on bk-sops' whitelist, so IAM runs
   * first), `trusted` (an app on the whitelist, which skips IAM) or `unprivileged` (a user IAM
   * grants nothing: the demo data's `guest`).
   */
  caller?: "trusted" | "untrusted" | "unprivileged";
  /** The request breaks the spec on purpose through values it gives in `params` (a refused option). */
  invalid?: boolean;
  /**
   * The task behind `task_id`: instead of the run's shared fixture task (created once, never
   * started), a task made for this example alone, created with `create` (create_task parameters;
   * `template_id` names the template) and then taken through `steps`, in order: `start`
   * (start_task), `pause`, `resume`, `revoke` (operate_task), `finish` (wait until get_task_status
   * reads FINISHED), `settle` (wait until it reads FINISHED, FAILED or REVOKED).
   */
  task?: { create?: Record<string, unknown>; steps?: TaskStep[] };
  /** `node_id` is the id, in the example's task, of the node made from this template node id. */
  node?: string;
  /**
   * Dotted paths (`*` for any key or index) of values the target generates (ids, times, names of
   * the suite's tasks): compared by JSON type only.
   */
  generated?: string[];
  /** Dotted paths of objects keyed by generated ids: their entries are compared in order, keys aside. */
  "generated-keys"?: string[];
}

/** What the suite does to an example's task before sending the example (see `ExampleContract.task`). */
export type TaskStep = "start" | "pause" | "resume" | "revoke" | "finish" | "settle";

export interface ExampleSide {
  summary?: string;
  description?: string;
  value: unknown;
  contract: ExampleContract;
}

/** Parameter values of a request example, by where they go and their name. */
export interface ExampleParameters {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, unknown>;
}

/** A documented request and the documented response that answers it, paired by name. */
export interface ExamplePair {
  operationId: string;
  method: string;
  path: string;
  name: string;
  /**
   * The request: the body example of that name (operations with a body), and the parameters'
   * examples of that name (from `examples`, or `x-invalid-examples` for values that break the
   * parameter's schema on purpose). Absent only when the operation has a body and no example of
   * that name. Its `contract` also holds the response example's `x-contract`; `invalid` says the
   * request breaks the spec on purpose (a body or a parameter value listed as invalid, or a
   * required query or header parameter left out), so a validating mock refuses it.
   */
  request?: ExampleSide & { invalid: boolean; parameters: ExampleParameters; schema?: string };
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

/**
 * The values of the parameters (path item's and operation's) that have an example named `name`,
 * and whether that request breaks the parameters' schemas on purpose: a value listed under a
 * parameter's `x-invalid-examples` (the same convention as request bodies), or a required query or
 * header parameter left out. Path parameters come from the target, so they never count as missing.
 */
function parametersNamed(
  doc: OpenApiDocument,
  item: Json,
  operation: Json,
  name: string,
): { parameters: ExampleParameters; invalid: boolean } {
  const found: ExampleParameters = { path: {}, query: {}, header: {} };
  let invalid = false;
  const all = [...((item.parameters ?? []) as unknown[]), ...((operation.parameters ?? []) as unknown[])];
  for (const raw of all) {
    const parameter = deref<Json>(doc, raw);
    const examples = (parameter.examples ?? {}) as Json;
    const invalidExamples = (parameter["x-invalid-examples"] ?? {}) as Json;
    const where = parameter.in as keyof ExampleParameters;
    if (!(where in found)) continue;
    const example = examples[name] ?? invalidExamples[name];
    if (example === undefined) {
      if (parameter.required === true && where !== "path") invalid = true;
      continue;
    }
    if (name in invalidExamples) invalid = true;
    found[where][parameter.name as string] = deref<Json>(doc, example).value;
  }
  return { parameters: found, invalid };
}

/** Every named response example of the spec, with the request example of the same name. */
export function listExamplePairs(doc: OpenApiDocument): ExamplePair[] {
  const pairs: ExamplePair[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, rawOperation] of Object.entries(item)) {
      const operation = rawOperation as Json;
      if (typeof operation?.operationId !== "string") continue;
      const hasBody = operation.requestBody !== undefined;
      const body = deref<Json>(doc, operation.requestBody ?? {});
      const media = ((body.content as Json | undefined)?.["application/json"] ?? {}) as Json;
      const valid = (media.examples ?? {}) as Json;
      const invalid = (body["x-invalid-examples"] ?? {}) as Json;
      for (const [status, rawResponse] of Object.entries((operation.responses ?? {}) as Json)) {
        const response = deref<Json>(doc, rawResponse);
        const content = ((response.content as Json | undefined)?.["application/json"] ?? {}) as Json;
        for (const [name, example] of Object.entries((content.examples ?? {}) as Json)) {
          const answer = {
            ...side(doc, example),
            status: Number(status),
            schema: schemaNameOf(content.schema),
          };
          const requestExample = valid[name] ?? invalid[name];
          const named = parametersNamed(doc, item as Json, operation, name);
          let request: ExamplePair["request"];
          if (requestExample || !hasBody) {
            const own = requestExample ? side(doc, requestExample) : { value: undefined, contract: {} };
            request = {
              ...own,
              contract: { ...answer.contract, ...own.contract },
              invalid:
                (hasBody && !(name in valid)) ||
                named.invalid ||
                answer.contract.invalid === true ||
                own.contract.invalid === true,
              parameters: named.parameters,
              schema: hasBody ? schemaNameOf(media.schema) : undefined,
            };
          }
          pairs.push({
            operationId: operation.operationId,
            method: method.toUpperCase(),
            path,
            name,
            request,
            response: answer,
          });
        }
      }
    }
  }
  return pairs;
}
