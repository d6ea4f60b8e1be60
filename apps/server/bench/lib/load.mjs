// The load generator: autocannon's programmatic API, in this (the parent) process.
import autocannon from "autocannon";

/**
 * Runs `connections` keep-alive connections against url+request for `seconds`, and returns
 * { rps, p50, p99, mean, requests, errors, non2xx, timeouts }; latencies in ms.
 */
export async function load(url, request, { connections, seconds, pipelining = 1, timeoutS = 10 }) {
  const result = await autocannon({
    url: url + request.path,
    method: request.method,
    headers: request.headers,
    body: request.body,
    connections,
    pipelining,
    duration: seconds,
    timeout: timeoutS,
    ...(request.requests ? { requests: request.requests } : {}),
  });
  return {
    rps: result.requests.average,
    // Completed requests per second over the whole run (autocannon's average is per 1 s bucket).
    total: result.requests.total,
    rpsTotal: result.requests.total / (result.duration || seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.average,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    bytesPerResponse: result.requests.total > 0 ? result.throughput.total / result.requests.total : 0,
  };
}
