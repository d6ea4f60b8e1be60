import { byPriority } from "../checks/check.js";
import { renderDiff } from "../checks/diff.js";
import { curlOf } from "../http.js";
import type { CheckResult } from "../types.js";

/** What the reports show of each request: a curl that runs as printed, and the answer, pretty-printed. */
export function requestsOf(result: CheckResult) {
  return result.exchanges.map((exchange) => ({
    operationId: exchange.operationId,
    curl: curlOf(exchange.request),
    status: exchange.response?.status,
    contentType: exchange.response?.headers["content-type"],
    error: exchange.error,
    ms: Math.round(exchange.ms),
    response: exchange.response
      ? truncate(pretty(exchange.response.text, exchange.response.json), 20_000)
      : undefined,
  }));
}

/** The diff of a failed check as text, decisive differences first. */
export const diffText = (result: CheckResult) => renderDiff(byPriority(result.differences));

function pretty(text: string, json: unknown): string {
  return json === undefined ? text : JSON.stringify(json, null, 2);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;
}
