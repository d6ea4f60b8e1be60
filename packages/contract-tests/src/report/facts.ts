import { CREATE_TASK } from "../http.js";
import type { CheckResult, CreatedTask, Exchange, Latency, Preflight } from "../types.js";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const CREATES = new Set(Object.values(CREATE_TASK));

/** Every task the run created (a create answered `result: true` with a task id), by the check that made it. */
export function createdTasksOf(
  sent: Exchange[],
  results: CheckResult[],
  preflight: Preflight,
  sentDuring: Map<Exchange, string> = new Map(),
): CreatedTask[] {
  const by = new Map<Exchange, string>();
  for (const exchange of preflight.exchanges) by.set(exchange, "preflight");
  for (const result of results)
    for (const exchange of result.exchanges) if (!by.has(exchange)) by.set(exchange, result.id);
  const tasks: CreatedTask[] = [];
  for (const exchange of sent) {
    if (!CREATES.has(exchange.operationId)) continue;
    const body = exchange.response?.json;
    if (!isObject(body) || body.result !== true || !isObject(body.data)) continue;
    const { task_id: taskId, task_url: taskUrl } = body.data;
    if (typeof taskId !== "number" && typeof taskId !== "string") continue;
    let name: string | undefined;
    try {
      const sentBody = JSON.parse(exchange.request.body ?? "{}") as Json;
      name = typeof sentBody.name === "string" ? sentBody.name : undefined;
    } catch {
      name = undefined;
    }
    tasks.push({
      taskId: Number(taskId),
      taskUrl: typeof taskUrl === "string" ? taskUrl : undefined,
      name,
      // A task an example needed (made before its request) is that example's.
      by: by.get(exchange) ?? sentDuring.get(exchange) ?? "a fixture of the examples",
    });
  }
  return tasks;
}

/** The value below which `fraction` of the sorted values lie (nearest rank). */
const percentile = (sorted: number[], fraction: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? 0;

/** p50, p95 and max of the requests of each check family (each request counted once, in the first check that shows it). */
export function latencyOf(results: CheckResult[], preflight: Preflight): Record<string, Latency> {
  const seen = new Set<Exchange>();
  const times = new Map<string, number[]>();
  const add = (family: string, exchange: Exchange) => {
    if (seen.has(exchange) || !exchange.response) return;
    seen.add(exchange);
    times.set(family, [...(times.get(family) ?? []), exchange.ms]);
  };
  for (const exchange of preflight.exchanges) add("preflight", exchange);
  for (const result of results) for (const exchange of result.exchanges) add(result.group, exchange);
  const latency: Record<string, Latency> = {};
  for (const [family, values] of times) {
    const sorted = [...values].sort((a, b) => a - b);
    latency[family] = {
      requests: sorted.length,
      p50: Math.round(percentile(sorted, 0.5)),
      p95: Math.round(percentile(sorted, 0.95)),
      max: Math.round(sorted[sorted.length - 1] ?? 0),
    };
  }
  return latency;
}
