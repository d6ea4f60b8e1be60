import { type ExamplePair, listExamplePairs, loadSpec } from "@bksops/api-types";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestServerContext } from "../../src/testing.js";
import { DEMO_AUTH, freshContext, send, tableCounts } from "../helpers.js";

// Every documented pair of the read operations (GET), answered by the in-process server exactly
// as documented, except the values generated per request (trace_id, request_id).
const pairs = listExamplePairs(loadSpec()).filter((pair) => pair.method === "GET");

/** The request an example documents, against the demo data. */
function requestOf(pair: ExamplePair): { path: string; headers: Record<string, string> } {
  const contract = pair.request?.contract ?? {};
  const defaults: Record<string, string> = { bk_biz_id: "2", template_id: contract.template_id ?? "1" };
  const path = pair.path.replace(/\{([^}]+)\}/g, (_all, name: string) => {
    return contract.params?.[name] ?? defaults[name] ?? "";
  });
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(pair.request?.parameters.query ?? {}))
    query.set(name, String(value));
  for (const [name, value] of Object.entries(contract.params ?? {}))
    if (!pair.path.includes(`{${name}}`)) query.set(name, value);
  if (pair.operationId.endsWith("Esb") && contract.template_id)
    query.set("template_id", contract.template_id);
  const esb = pair.path.startsWith("/api/c/compapi/");
  const headers: Record<string, string> = esb ? {} : { "X-Bkapi-Authorization": JSON.stringify(DEMO_AUTH) };
  const search = query.size > 0 ? `?${query}` : "";
  return { path: `${esb ? "" : "/api/bk-sops/prod"}${path}${search}`, headers };
}

describe("documented examples of the read operations", () => {
  let context: TestServerContext;
  beforeAll(() => {
    context = freshContext();
  });

  it("cover the read operations in both forms", () => {
    expect(new Set(pairs.map((pair) => pair.operationId))).toEqual(
      new Set([
        "getTemplateInfo",
        "getTemplateInfoEsb",
        "getCommonTemplateInfo",
        "getCommonTemplateInfoEsb",
        "getTemplateSchemes",
        "getTemplateSchemesEsb",
        "getUserProjectList",
        "getUserProjectListEsb",
      ]),
    );
  });

  it.each(pairs.map((pair) => [`${pair.operationId} ${pair.name}`, pair] as const))(
    "%s: answered as documented, and nothing is stored",
    async (_label, pair) => {
      const before = tableCounts(context);
      const { path, headers } = requestOf(pair);
      const answer = await send(context, path, { method: "GET", headers });
      expect(answer.status).toBe(pair.response.status);
      const want = { ...(pair.response.value as Record<string, unknown>) };
      for (const key of ["trace_id", "request_id"]) {
        if (!(key in want)) continue;
        expect(answer.json[key], key).toMatch(/^[0-9a-f]{32}$/);
        want[key] = answer.json[key];
      }
      expect(answer.json).toEqual(want);
      expect(tableCounts(context)).toEqual(before);
    },
  );
});
