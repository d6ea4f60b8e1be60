// A sequential client for latency: one keep-alive connection, one request at a time, each timed
// with performance.now() (autocannon's histogram has whole-millisecond buckets). The answer body
// is read and dropped; its size is returned so the table can show it.
import http from "node:http";

/** Sends `request` to `url` back to back for `seconds`; returns per-request latencies in ms. */
export async function sequential(url, request, { seconds, maxRequests = 100_000 }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const target = new URL(request.path, url);
  const body = Buffer.from(request.body);
  const headers = { ...request.headers, "content-length": String(body.length) };
  const latencies = [];
  let bytes = 0;
  const until = performance.now() + seconds * 1000;
  try {
    while (performance.now() < until && latencies.length < maxRequests) {
      const started = performance.now();
      bytes = await new Promise((resolve, reject) => {
        const req = http.request(target, { method: request.method, headers, agent }, (res) => {
          let size = 0;
          res.on("data", (chunk) => {
            size += chunk.length;
          });
          res.on("end", () =>
            res.statusCode === 200 ? resolve(size) : reject(new Error(`HTTP ${res.statusCode}`)),
          );
          res.on("error", reject);
        });
        req.on("error", reject);
        req.end(body);
      });
      latencies.push(performance.now() - started);
    }
  } finally {
    agent.destroy();
  }
  return { latencies, bytes };
}

/** mean, p50 and p99 of a list of numbers. */
export function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const mean = sorted.reduce((sum, v) => sum + v, 0) / (sorted.length || 1);
  return { n: sorted.length, mean, p50: at(0.5), p99: at(0.99) };
}
