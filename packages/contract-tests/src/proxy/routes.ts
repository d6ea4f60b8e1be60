import type { OpenApiDocument } from "@bksops/api-types";
import { ESB_PREFIX } from "../http.js";
import { type SpecOperation, specOperations } from "../operations.js";
import type { Form } from "../types.js";

/** The spec operation a request was for, read from its path (and method). */
export interface Route {
  form: Form;
  /** bk-sops' name, e.g. `create_task`. */
  name: string;
  /** The operationId whose responses the answer is checked against. */
  operationId: string;
  /** The operation's method; the request may have used another (bk-sops then answers 405). */
  method: string;
  /** Path parameters by name (gateway form); the ESB carries them in the body or query. */
  params: Record<string, string>;
  /** The request's base URL path: what comes before the operation's own path. */
  prefix: string;
}

interface GatewayPattern {
  operation: SpecOperation;
  regex: RegExp;
  names: string[];
}

/**
 * A matcher of request paths to the spec's operations, for both front doors: the ESB's
 * `…/api/c/compapi/v2/sops/<name>/`, and the gateway's `…/<name>/{params}/` (whatever the stage
 * prefix before it). Built from the spec's paths, so a new operation needs no code.
 */
export function routeMatcher(spec: OpenApiDocument): (path: string) => Route | undefined {
  const operations = specOperations(spec);
  const patterns: GatewayPattern[] = [];
  for (const operation of operations.values()) {
    if (!operation.gatewayPath) continue;
    const names: string[] = [];
    const source = operation.gatewayPath
      .replace(/[.*+?^${}()|[\]\\]/g, (char) => (char === "{" || char === "}" ? char : `\\${char}`))
      .replace(/\{([^}]+)\}/g, (_, name: string) => {
        names.push(name);
        return "([^/]+)";
      });
    patterns.push({ operation, regex: new RegExp(`${source.replace(/\/$/, "")}/?$`), names });
  }
  return (rawPath) => {
    const path = rawPath.split("?")[0] ?? "";
    const esbAt = path.indexOf(`${ESB_PREFIX}/`);
    if (esbAt >= 0) {
      const name = path.slice(esbAt + ESB_PREFIX.length + 1).split("/")[0] ?? "";
      const operation = operations.get(name);
      const operationId = operation?.operationIds.esb;
      if (!operation || !operationId) return undefined;
      return {
        form: "esb",
        name,
        operationId,
        method: operation.method,
        params: {},
        prefix: path.slice(0, esbAt),
      };
    }
    for (const { operation, regex, names } of patterns) {
      const match = regex.exec(path);
      const operationId = operation.operationIds.gateway;
      if (!match || !operationId) continue;
      const params = Object.fromEntries(
        names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? "")]),
      );
      return {
        form: "gateway",
        name: operation.name,
        operationId,
        method: operation.method,
        params,
        prefix: path.slice(0, match.index),
      };
    }
    return undefined;
  };
}
