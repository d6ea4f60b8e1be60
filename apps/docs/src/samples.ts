import { jsonLiteral, pythonLiteral, shellQuote } from "./literals.js";
import { asText, type Operation } from "./operations.js";
import { type ExampleRequest, urlOf } from "./requests.js";

/** One code sample, in the shape Redoc's `x-codeSamples` takes. */
export interface CodeSample {
  lang: "Shell" | "TypeScript" | "Python";
  label: string;
  source: string;
}

/** Where the generated TypeScript sample imports the spec's `paths` from. */
export const TYPES_MODULE = "@bksops/api-types";

/** What a sample needs: the operation, one of its requests, where to send it and as whom. */
export interface SampleInput {
  operation: Operation;
  request: ExampleRequest;
  baseUrl: string;
  /** The credentials the operation's auth header carries, when it has one. */
  credentials: Record<string, string>;
}

/** The headers the request sends (its header parameters, then the credentials header). */
function headersOf({ operation, request, credentials }: SampleInput): Array<[string, string]> {
  const headers = Object.entries(request.headers).map(([name, value]): [string, string] => [
    name,
    asText(value),
  ]);
  if (operation.authHeader) {
    headers.push([operation.authHeader, JSON.stringify(request.authorization ?? credentials)]);
  }
  return headers;
}

/** curl, with the JSON body written out. */
export function curlSample(input: SampleInput): CodeSample {
  const { operation, request, baseUrl } = input;
  const lines = [`curl -X ${operation.method} ${shellQuote(urlOf(baseUrl, operation, request))}`];
  if (request.body !== undefined) lines.push(`-H ${shellQuote("Content-Type: application/json")}`);
  for (const [name, value] of headersOf(input)) lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (request.body !== undefined) lines.push(`-d ${shellQuote(jsonLiteral(request.body, "  "))}`);
  return { lang: "Shell", label: "curl", source: `${lines.join(" \\\n  ")}\n` };
}

/** TypeScript with openapi-fetch over the generated `paths`: the compiler checks path, parameters and body. */
export function typescriptSample(input: SampleInput): CodeSample {
  const { operation, request, baseUrl, credentials } = input;
  const client = [`  baseUrl: ${JSON.stringify(baseUrl)},`];
  if (operation.authHeader) {
    const authorization = request.authorization ?? credentials;
    client.push(
      `  headers: { ${JSON.stringify(operation.authHeader)}: JSON.stringify(${jsonLiteral(authorization, "  ")}) },`,
    );
  }
  const params: string[] = [];
  for (const where of ["path", "query", "headers"] as const) {
    const values = request[where];
    if (Object.keys(values).length === 0) continue;
    params.push(`    ${where === "headers" ? "header" : where}: ${jsonLiteral(values, "    ")},`);
  }
  const options: string[] = [];
  if (params.length > 0) options.push(`  params: {\n${params.join("\n")}\n  },`);
  if (request.body !== undefined) options.push(`  body: ${jsonLiteral(request.body, "  ")},`);
  const call = `client.${operation.method}(${JSON.stringify(operation.path)}${
    options.length > 0 ? `, {\n${options.join("\n")}\n}` : ""
  })`;
  const source = [
    `import type { paths } from "${TYPES_MODULE}";`,
    `import createClient from "openapi-fetch";`,
    "",
    `const client = createClient<paths>({\n${client.join("\n")}\n});`,
    "",
    `const { data, error, response } = await ${call};`,
    "console.log(response.status, data ?? error);",
    "",
  ].join("\n");
  return { lang: "TypeScript", label: "TypeScript (openapi-fetch)", source };
}

/** Python with requests. */
export function pythonSample(input: SampleInput): CodeSample {
  const { operation, request, baseUrl } = input;
  const url = urlOf(baseUrl, operation, { ...request, query: {} });
  const args = [`    ${JSON.stringify(url)},`];
  if (Object.keys(request.query).length > 0) args.push(`    params=${pythonLiteral(request.query, "    ")},`);
  const headers = headersOf(input);
  const usesJson = operation.authHeader !== undefined;
  if (headers.length > 0) {
    const entries = headers.map(([name, value]) => {
      const literal =
        name === operation.authHeader
          ? `json.dumps(${pythonLiteral(request.authorization ?? input.credentials, "        ")})`
          : JSON.stringify(value);
      return `        ${JSON.stringify(name)}: ${literal},`;
    });
    args.push(`    headers={\n${entries.join("\n")}\n    },`);
  }
  if (request.body !== undefined) args.push(`    json=${pythonLiteral(request.body, "    ")},`);
  args.push("    timeout=30,");
  const source = [
    ...(usesJson ? ["import json", ""] : []),
    "import requests",
    "",
    `response = requests.${operation.method.toLowerCase()}(\n${args.join("\n")}\n)`,
    "print(response.status_code, response.json())",
    "",
  ].join("\n");
  return { lang: "Python", label: "Python (requests)", source };
}

/** The three samples of an operation, in the order the page shows them. */
export function codeSamples(input: SampleInput): CodeSample[] {
  return [curlSample(input), typescriptSample(input), pythonSample(input)];
}
