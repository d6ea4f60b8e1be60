import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/server.js";
import { freshContext } from "../helpers.js";

/** Opens a raw connection, writes `chunks`, and resolves with what the server sent and when it closed. */
function stall(url: string, chunks: string[]): Promise<{ received: string; closedAfterMs: number }> {
  const { hostname, port } = new URL(url);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      for (const chunk of chunks) socket.write(chunk);
    });
    let received = "";
    socket.on("data", (data) => {
      received += data.toString();
    });
    socket.on("error", reject);
    socket.on("close", () => resolve({ received, closedAfterMs: Date.now() - started }));
    setTimeout(() => reject(new Error("the server kept the stalled connection open")), 8_000).unref();
  });
}

describe("slow or stalled clients cannot pin the server", () => {
  let running: RunningServer;
  beforeAll(async () => {
    const { app } = freshContext();
    running = await startServer(app.fetch, {
      port: 0,
      host: "127.0.0.1",
      timeouts: { headersMs: 400, requestMs: 800, checkEveryMs: 100 },
    });
  });
  afterAll(() => running.close());

  it("drops a client that never finishes its headers", async () => {
    const { received, closedAfterMs } = await stall(running.url, [
      "POST /create_task/1/2/ HTTP/1.1\r\nHost: x\r\n",
    ]);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeLessThan(3_000);
  });

  it("drops a client that stalls in the middle of its body", async () => {
    const head =
      "POST /create_task/1/2/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n";
    const { received, closedAfterMs } = await stall(running.url, [head, '{"name": "t"']);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeLessThan(3_000);
  });

  it("still serves other clients meanwhile", async () => {
    const pending = stall(running.url, ["POST /create_task/1/2/ HTTP/1.1\r\n"]);
    const response = await fetch(`${running.url}/healthz`);
    expect(response.status).toBe(200);
    await pending;
  });
});
