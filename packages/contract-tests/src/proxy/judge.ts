import type { OpenApiDocument } from "@bksops/api-types";
import { isPlainObject } from "@bksops/domain";
import { headline } from "../checks/check.js";
import { compareCreatedData } from "../checks/created-data.js";
import { schemaDifferences, statusesThatFit } from "../checks/schema.js";
import type { Prediction } from "../predict/predict.js";
import type { CheckResult, Difference, Exchange } from "../types.js";
import type { Call } from "./caller.js";
import type { Captured } from "./forward.js";
import type { Route } from "./routes.js";

type Json = Record<string, unknown>;

/** Operations whose success answers a task tree built from the template (so it can be predicted). */
export const CREATES_TASKS = new Set(["create_task", "create_and_start_task"]);

/** The prediction of a create, or why the proxy could not make one. */
export type LivePrediction = Prediction | { problem: string };

/** The suite's exchange of a captured one: the request with secrets replaced, the answer parsed. */
export function exchangeOf(
  captured: Captured,
  route: Route | undefined,
  mask: (text: string) => string,
): Exchange {
  const text = captured.response?.body.toString("utf8") ?? "";
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const body = captured.requestBody.length > 0 ? mask(captured.requestBody.toString("utf8")) : undefined;
  return {
    form: route?.form ?? "gateway",
    operationId: route?.operationId ?? "(not in the spec)",
    request: {
      method: captured.method,
      url: mask(captured.upstreamUrl),
      headers: Object.fromEntries(
        Object.entries(captured.requestHeaders)
          .filter(([key]) => key !== "content-length")
          .map(([key, value]) => [key, mask(value)]),
      ),
      body,
    },
    response: captured.response
      ? { status: captured.response.status, headers: captured.response.headers, text, json }
      : undefined,
    error: captured.error,
    ms: captured.ms,
  };
}

/**
 * The verdict on one exchange of live traffic: the answer against the spec (documented status,
 * content type, schema of the operation the path names), and for a created task, its tree against
 * the one predicted from the template (the suite's structural comparison).
 */
export function judgeExchange(
  spec: OpenApiDocument,
  seq: number,
  exchange: Exchange,
  route: Route | undefined,
  call: Call,
  prediction: LivePrediction | undefined,
  truncated: boolean,
): CheckResult {
  const base = {
    id: `live.${String(seq).padStart(4, "0")}.${route?.name ?? "unknown"}`,
    operationId: exchange.operationId,
    title: `${exchange.request.method} ${new URL(exchange.request.url).pathname}${exchange.response ? ` → HTTP ${exchange.response.status}` : ""}`,
    verifies: route
      ? `the spec's responses of ${exchange.operationId}${prediction && ("tree" in prediction || "failure" in prediction) ? "; the task predicted from the template" : ""}`
      : "nothing: no operation of the spec has this path",
    group: "live" as const,
    exchanges: [exchange],
    ms: exchange.ms,
  };
  if (!route)
    return {
      ...base,
      status: "skipped",
      reason: "no operation of the spec has this path",
      differences: [],
      schema: "none",
    };
  if (!exchange.response)
    return {
      ...base,
      status: "failed",
      reason: `no answer: ${exchange.error}`,
      differences: [],
      schema: "failed",
    };
  if (truncated)
    return {
      ...base,
      status: "skipped",
      reason: "a body was too large to keep; it was forwarded unchecked",
      differences: [],
      schema: "none",
    };
  const differences: Difference[] = schemaDifferences(spec, exchange).map((d) => ({ kind: "schema", ...d }));
  const fits = differences.length > 0 ? statusesThatFit(spec, exchange) : [];
  if (fits.length > 0 && !fits.includes(exchange.response.status))
    differences.unshift({
      kind: "status",
      path: "(status)",
      note: `HTTP ${exchange.response.status}, but the answer is what the spec documents for HTTP ${fits.join(" or ")}`,
      expected: fits.length === 1 ? fits[0] : fits,
      actual: exchange.response.status,
    });
  const schema = differences.length > 0 ? "failed" : "passed";
  const notes: string[] = [];
  const json = exchange.response.json;
  if (CREATES_TASKS.has(route.name) && prediction) {
    const succeeded = isPlainObject(json) && json.result === true && isPlainObject(json.data);
    if ("problem" in prediction) notes.push(`not predicted: ${prediction.problem}`);
    else if ("unknown" in prediction) notes.push(`not predicted: ${prediction.unknown}`);
    else if ("failure" in prediction && succeeded)
      differences.push({
        kind: "result",
        path: "result",
        note: `the template predicts a failure (${prediction.failure}), the answer succeeded`,
        expected: false,
        actual: true,
      });
    else if ("tree" in prediction && succeeded && isPlainObject((json.data as Json).pipeline_tree)) {
      const sent = isPlainObject(call.params.constants) ? call.params.constants : {};
      compareCreatedData(
        { pipeline_tree: prediction.tree },
        { pipeline_tree: (json.data as Json).pipeline_tree },
        differences,
        {
          prediction,
          sent,
        },
      );
    }
  }
  if (differences.length > 0)
    return { ...base, status: "failed", reason: headline(differences), differences, schema };
  return {
    ...base,
    status: "passed",
    reason: notes.length > 0 ? notes.join("; ") : undefined,
    differences,
    schema,
  };
}
