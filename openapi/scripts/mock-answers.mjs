// What the front of the Prism mock (scripts/mock-server.mjs) reads from the spec: which operation a
// request addresses, and the documented answers it gives itself to the bodies Prism cannot take
// (too large, not JSON, nested too deep). Every answer is an example of the spec, never our own text.
import { randomUUID } from "node:crypto";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Shared examples the front answers with (components/examples of openapi.yaml). */
export const UNREADABLE_BODY_EXAMPLES = {
  /** bk-sops' project_inject: the body is not a JSON object. */
  view: "NonObjectBodyResponse",
  /** The gateway found no credentials: no header, and a body it cannot read keys from. */
  gatewayNoCredentials: "GatewayMissingAppCodeResponse",
  /** The ESB reads the credentials from the body: a body that is not JSON has no app code. */
  esbNoCredentials: "EsbMissingAppCodeResponse",
};

/**
 * @param {Record<string, any>} spec
 * @param {unknown} node
 * @returns {any} the node, its local `$ref`s followed
 */
function resolve(spec, node) {
  let current = node;
  for (let hops = 0; hops < 32 && current && typeof current === "object" && "$ref" in current; hops += 1) {
    const ref = String(current.$ref);
    if (!ref.startsWith("#/")) return undefined;
    current = ref
      .slice(2)
      .split("/")
      .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((parent, key) => parent?.[key], spec);
  }
  return current;
}

/** `/create_task/{template_id}/{bk_biz_id}/` → a RegExp over a request's path, as Prism matches it. */
function pathPattern(template) {
  const parts = template.split(/\{[^}/]+\}/).map((literal) => literal.replace(/[.*+?^$()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join("[^/]+")}$`);
}

/** The header an operation's credentials travel in (an apiKey scheme in a header), if any. */
function credentialsHeader(spec, operation) {
  const requirements = operation.security ?? spec.security ?? [];
  for (const requirement of requirements) {
    for (const name of Object.keys(requirement)) {
      const scheme = resolve(spec, spec.components?.securitySchemes?.[name]);
      if (scheme?.type === "apiKey" && scheme.in === "header") return String(scheme.name).toLowerCase();
    }
  }
  return undefined;
}

/**
 * Where an operation documents a shared example: the status of the response that lists it.
 * @returns {{ status: number, response: any } | undefined}
 */
function documentedAt(spec, operation, exampleName) {
  const ref = `#/components/examples/${exampleName}`;
  for (const [status, raw] of Object.entries(operation.responses ?? {})) {
    const response = resolve(spec, raw);
    for (const media of Object.values(response?.content ?? {})) {
      for (const example of Object.values(media?.examples ?? {})) {
        if (example?.$ref === ref) return { status: Number(status), response };
      }
    }
  }
  return undefined;
}

/**
 * @typedef {{ status: number, headers: Record<string, string>, body: unknown }} CannedAnswer
 * @typedef {{ method: string, path: string, operationId: string, operation: any, takesBody: boolean,
 *   credentialsHeader: string | undefined }} Route
 */

/**
 * Reads the bundled spec once.
 * @param {Record<string, any>} spec the bundled spec (scripts/bundle.mjs)
 */
export function mockAnswers(spec) {
  /** @type {{ pattern: RegExp, routes: Map<string, Route> }[]} */
  const paths = Object.entries(spec.paths ?? {}).map(([path, rawItem]) => {
    const item = resolve(spec, rawItem) ?? {};
    const routes = new Map();
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      routes.set(method.toUpperCase(), {
        method: method.toUpperCase(),
        path,
        operationId: operation.operationId ?? `${method} ${path}`,
        operation,
        takesBody: Boolean(operation.requestBody),
        credentialsHeader: credentialsHeader(spec, operation),
      });
    }
    return { pattern: pathPattern(path), routes };
  });

  const sharedExample = (name) => spec.components?.examples?.[name]?.value;
  /** Every operation that documents the example, the route's own first. */
  const statusOf = (route, name, fallback) => {
    const own = route && documentedAt(spec, route.operation, name);
    if (own) return own;
    for (const { routes } of paths) {
      for (const other of routes.values()) {
        const found = documentedAt(spec, other.operation, name);
        if (found) return found;
      }
    }
    return { status: fallback, response: undefined };
  };

  /** Documented headers the front can fill: the trace id, and the gateway's error headers. */
  function documentedHeaders(response, body, requestHeaders) {
    /** @type {Record<string, string>} */
    const headers = {};
    for (const name of Object.keys(response?.headers ?? {})) {
      const lower = name.toLowerCase();
      if (lower === "sops-trace-id") {
        headers[name] = String(requestHeaders.traceparent || randomUUID().replace(/-/g, ""));
      } else if (lower === "x-bkapi-error-code" && body?.code !== undefined) {
        headers[name] = String(body.code);
      } else if (lower === "x-bkapi-error-message" && body?.message !== undefined) {
        headers[name] = String(body.message);
      }
    }
    return headers;
  }

  return {
    /**
     * The operation a request addresses, as Prism would route it.
     * @param {string} method
     * @param {string} pathname
     * @returns {Route | undefined}
     */
    route(method, pathname) {
      for (const { pattern, routes } of paths) {
        if (pattern.test(pathname)) return routes.get(method.toUpperCase());
      }
      return undefined;
    },

    /**
     * The answer to a body over the size limit: the operation's 413 response, else the shared one.
     * @param {Route | undefined} route
     * @returns {CannedAnswer}
     */
    tooLarge(route) {
      const response =
        resolve(spec, route?.operation.responses?.["413"]) ?? spec.components?.responses?.PayloadTooLarge;
      const media = response?.content?.["application/json"];
      const body = media?.example ?? resolve(spec, Object.values(media?.examples ?? {})[0])?.value;
      return {
        status: 413,
        headers: {},
        body: body ?? { title: "Payload Too Large", status: 413 },
      };
    },

    /**
     * The answer to a body bk-sops cannot read (not JSON, or nested deeper than Python's json.loads
     * goes): what each front door answers then, as the reference server does.
     * @param {Route} route
     * @param {import("node:http").IncomingHttpHeaders} requestHeaders
     * @returns {CannedAnswer}
     */
    unreadableBody(route, requestHeaders) {
      let name;
      let fallbackStatus = 200;
      if (!route.credentialsHeader) {
        name = UNREADABLE_BODY_EXAMPLES.esbNoCredentials;
      } else if (requestHeaders[route.credentialsHeader] !== undefined) {
        name = UNREADABLE_BODY_EXAMPLES.view;
      } else {
        name = UNREADABLE_BODY_EXAMPLES.gatewayNoCredentials;
        fallbackStatus = 400;
      }
      const body = sharedExample(name);
      if (body === undefined) {
        // A spec without this toolkit's shared examples: say what is wrong, Prism-style.
        return {
          status: 400,
          headers: { "Content-Type": "application/problem+json" },
          body: { title: "Invalid request body", status: 400, detail: "the body is not readable JSON" },
        };
      }
      const { status, response } = statusOf(route, name, fallbackStatus);
      return { status, headers: documentedHeaders(response, body, requestHeaders), body };
    },
  };
}
