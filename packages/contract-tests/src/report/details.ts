import { renderDiff } from "../checks/diff.js";
import { curlOf } from "../http.js";
import type { CheckResult } from "../types.js";

/** What the reports show of each request: a curl that reproduces it and the answer it got. */
export function requestsOf(result: CheckResult) {
  return result.exchanges.map((exchange) => ({
    curl: curlOf(exchange.request),
    status: exchange.response?.status,
    contentType: exchange.response?.headers["content-type"],
    error: exchange.error,
    ms: Math.round(exchange.ms),
    response: exchange.response ? truncate(exchange.response.text, 20_000) : undefined,
  }));
}

/** The diff of a failed check as text, `- expected` / `+ actual` per difference. */
export const diffText = (result: CheckResult) => renderDiff(result.differences);

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;
}
