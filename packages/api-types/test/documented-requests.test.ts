// The requests `documented-requests.test-d.ts` type-checks are the ones the docs really show: the
// README's curl examples and the spec's `documented` request examples.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { listExamplePairs, loadSpec } from "../src/index.js";
import {
  documentedEsbRequest,
  documentedGatewayRequest,
  readmeEsbRequest,
  readmeGatewayHeader,
  readmeGatewayRequest,
} from "./documented-requests.js";

const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");

/** The JSON a README curl command sends to `path` (its `-d '…'`), and its header if any. */
function curl(path: string): { body: unknown; header?: string } {
  const start = readme.indexOf(path);
  expect(start, `the README has a curl to ${path}`).toBeGreaterThan(0);
  const command = readme.slice(start, readme.indexOf("\n```", start));
  const body = command.match(/-d '([\s\S]*?)'/)?.[1];
  const header = command.match(/-H 'X-Bkapi-Authorization: ([^']*)'/)?.[1];
  return { body: JSON.parse(body ?? "null"), header };
}

const documented = (operationId: string) =>
  listExamplePairs(loadSpec()).find((pair) => pair.operationId === operationId && pair.name === "documented")
    ?.request?.value;

describe("the requests the type test checks are the documented ones", () => {
  it("the README's ESB request", () => {
    expect(curl("/api/c/compapi/v2/sops/create_task/").body).toEqual(readmeEsbRequest);
  });

  it("the README's gateway request and header", () => {
    const { body, header } = curl("/api/bk-sops/prod/create_task/1/2/");
    expect(body).toEqual(readmeGatewayRequest);
    expect(header).toBe(readmeGatewayHeader);
  });

  it("the spec's documented requests of both forms", () => {
    expect(documented("createTask")).toEqual(documentedGatewayRequest);
    expect(documented("createTaskEsb")).toEqual(documentedEsbRequest);
  });
});
