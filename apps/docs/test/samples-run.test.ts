// The samples of the real spec, run as a reader would: the TypeScript one compiled (strict) against
// openapi-fetch and the generated types, the curl one sent to a reference server, the Python one
// parsed by Python and its request compared with the example.
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import type { OpenApiDocument } from "@bksops/api-types";
import { bundleSpec } from "@bksops/openapi/bundle";
import { createTestContext, type RunningServer, startServer } from "@bksops/server/testing";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listOperations, type Operation } from "../src/operations.js";
import { packageRoot } from "../src/paths.js";
import { defaultCredentials, type ExampleRequest, exampleRequests, sampleRequest } from "../src/requests.js";
import { codeSamples } from "../src/samples.js";

const doc = bundleSpec() as OpenApiDocument;
const credentials = defaultCredentials(doc);
const REFERENCE_BASE = "http://127.0.0.1:8000";

interface Sampled {
  operation: Operation;
  request: ExampleRequest;
  curl: string;
  typescript: string;
  python: string;
}
const sampled: Sampled[] = listOperations(doc).map((operation) => {
  const request = sampleRequest(exampleRequests(doc, operation));
  const [curl, typescript, python] = codeSamples({
    operation,
    request,
    baseUrl: operation.servers[0]?.url ?? "",
    credentials,
  }).map((sample) => sample.source);
  return { operation, request, curl: curl ?? "", typescript: typescript ?? "", python: python ?? "" };
});

describe("the TypeScript samples", () => {
  it("compile with strict settings against openapi-fetch and the generated paths", () => {
    const base = ts.readConfigFile(join(packageRoot, "..", "..", "tsconfig.base.json"), ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(base.config, ts.sys, packageRoot);
    // Virtual files inside the package, so imports resolve from its node_modules as a reader's would.
    const files = new Map(
      sampled.map(({ operation, typescript }) => [
        join(packageRoot, "test", `sample-${operation.operationId}.ts`),
        typescript,
      ]),
    );
    const host = ts.createCompilerHost({ ...options, noEmit: true });
    const { fileExists, readFile, getSourceFile } = host;
    host.fileExists = (file) => files.has(file) || fileExists.call(host, file);
    host.readFile = (file) => files.get(file) ?? readFile.call(host, file);
    host.getSourceFile = (file, language, ...rest) => {
      const text = files.get(file);
      return text === undefined
        ? getSourceFile.call(host, file, language, ...rest)
        : ts.createSourceFile(file, text, language, true);
    };
    const program = ts.createProgram([...files.keys()], { ...options, noEmit: true }, host);
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where = diagnostic.file
        ? `${diagnostic.file.fileName.split("/").pop()}:${(diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line ?? 0) + 1}`
        : "";
      return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
    });
    expect(problems).toEqual([]);
  });
});

describe("the curl samples against a reference server", () => {
  let server: RunningServer;
  let context: ReturnType<typeof createTestContext>;

  beforeAll(async () => {
    context = createTestContext();
    server = await startServer((request) => context.app.fetch(request), { port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await server?.close();
    context?.db.close();
  });

  /** The response example the sample's request is paired with, if any. */
  function documentedAnswer({ operation, request }: Sampled): Record<string, unknown> | undefined {
    const responses = operation.node.responses as Record<
      string,
      { content?: Record<string, { examples?: Record<string, { value?: unknown }> }> }
    >;
    for (const response of Object.values(responses ?? {})) {
      const value = response.content?.["application/json"]?.examples?.[request.name]?.value;
      if (value && typeof value === "object") return value as Record<string, unknown>;
    }
    return undefined;
  }

  it.each(sampled.map((entry) => [entry.operation.operationId, entry] as const))(
    "%s: the sample gets a documented status and, where the example succeeds, a success",
    async (_id, entry) => {
      const command = entry.curl.replaceAll(REFERENCE_BASE, server.url);
      // Asynchronously: the server answers from this process's event loop.
      const { stdout: output } = await promisify(execFile)(
        "sh",
        ["-c", `${command.trimEnd()} -s -w '\\n%{http_code}'`],
        {
          encoding: "utf8",
        },
      );
      const status = output.slice(output.lastIndexOf("\n") + 1);
      const body = JSON.parse(output.slice(0, output.lastIndexOf("\n")));
      expect(Object.keys(entry.operation.node.responses as object)).toContain(status);
      const documented = documentedAnswer(entry);
      const needsTask = JSON.stringify(entry.request).includes("task_id");
      if (documented?.result === true && !needsTask) expect(body.result).toBe(true);
    },
  );
});

describe("the Python samples", () => {
  // Parses the sample and evaluates its literal arguments (json.dumps calls included), as JSON.
  const READ_CALL = `
import ast, json, sys
tree = ast.parse(sys.stdin.read())
call = next(node for node in ast.walk(tree) if isinstance(node, ast.Call) and getattr(node.func, "attr", "") in ("get", "post", "put", "delete", "patch"))
def value(node):
    if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "dumps":
        return json.dumps(ast.literal_eval(node.args[0]))
    if isinstance(node, ast.Dict):
        return {ast.literal_eval(k): value(v) for k, v in zip(node.keys, node.values)}
    return ast.literal_eval(node)
out = {"method": call.func.attr, "url": ast.literal_eval(call.args[0])}
out.update({keyword.arg: value(keyword.value) for keyword in call.keywords})
print(json.dumps(out))
`;
  const python = spawnSync("python3", ["--version"]).status === 0;

  it.each(sampled.map((entry) => [entry.operation.operationId, entry] as const))(
    "%s: Python reads the sample as the example's request",
    (_id, entry) => {
      expect(python, "python3 is needed (node-gyp needs it too)").toBe(true);
      const read = JSON.parse(
        execFileSync("python3", ["-c", READ_CALL], { input: entry.python, encoding: "utf8" }),
      );
      expect(read.method).toBe(entry.operation.method.toLowerCase());
      expect(read.url.startsWith(entry.operation.servers[0]?.url ?? "")).toBe(true);
      if (entry.operation.hasBody) expect(read.json).toEqual(entry.request.body);
      if (entry.operation.authHeader) {
        expect(JSON.parse(read.headers[entry.operation.authHeader])).toEqual(
          entry.request.authorization ?? credentials,
        );
      }
    },
  );
});
