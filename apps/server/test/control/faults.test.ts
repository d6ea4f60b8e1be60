import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/server.js";
import { control, controlledContext, DEMO_AUTH } from "../helpers.js";

interface Outcome {
  status?: number;
  body?: string;
  error?: string;
  timedOut?: boolean;
}

/** A create_task over real HTTP; reports the answer, the socket error, or a client time-out. */
function createOverHttp(url: string, timeoutMs = 2_000): Promise<Outcome> {
  return new Promise((resolve) => {
    const request = httpRequest(
      `${url}/api/bk-sops/prod/create_task/1/2/`,
      {
        method: "POST",
        headers: { "X-Bkapi-Authorization": JSON.stringify(DEMO_AUTH), "Content-Type": "application/json" },
      },
      (response) => {
        let body = "";
        response.on("data", (chunk) => {
          body += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode, body }));
      },
    );
    request.setTimeout(timeoutMs, () => {
      resolve({ timedOut: true });
      request.destroy();
    });
    request.on("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    request.end(JSON.stringify({ name: "fault test" }));
  });
}

describe("faults over real HTTP", () => {
  const context = controlledContext();
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(context.app.fetch, { port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    context.controls.close();
    await server.close();
  });

  it("reset: the connection is reset without an answer, and the server goes on", async () => {
    const before = context.store.tasks.total();
    await control(context, "POST", "/rules", {
      match: { operation: "create_task" },
      fault: "reset",
      times: 1,
    });
    expect(await createOverHttp(server.url)).toEqual({ error: "ECONNRESET" });
    expect(context.store.tasks.total()).toBe(before);
    const next = await createOverHttp(server.url);
    expect(next.status).toBe(200);
    expect(JSON.parse(next.body ?? "").result).toBe(true);
  });

  it("no_answer: the request is never answered; the client gives up, the journal says so", async () => {
    await control(context, "DELETE", "/journal");
    await control(context, "POST", "/rules", { fault: "no_answer", times: 1 });
    expect(await createOverHttp(server.url, 300)).toEqual({ timedOut: true });
    // The journal records the request once the client has closed the connection.
    await expect.poll(() => context.controls.journal.kept).toBe(1);
    const [entry] = context.controls.journal.read();
    expect(entry).toMatchObject({ status: null, scenario: { source: "rule", fault: "no_answer" } });
    expect((await createOverHttp(server.url)).status).toBe(200);
  });

  it("no_answer: a stopping server lets held requests go at once", async () => {
    const separate = controlledContext();
    const running = await startServer(separate.app.fetch, { port: 0, host: "127.0.0.1" });
    await control(separate, "POST", "/rules", { fault: "no_answer" });
    const pending = createOverHttp(running.url, 10_000);
    await expect.poll(() => separate.controls.rules.list()[0]?.hits).toBe(1);
    separate.controls.close();
    await running.close();
    expect(await pending).toEqual({ error: "ECONNRESET" });
  });

  it("a delay and a fault: the connection is reset after the delay", async () => {
    await control(context, "POST", "/rules", { fault: "reset", delay: { ms: 100 }, times: 1 });
    const started = performance.now();
    expect(await createOverHttp(server.url)).toEqual({ error: "ECONNRESET" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
  });

  it("in process there is no connection to cut: the fault is refused in the envelope", async () => {
    const separate = controlledContext();
    await control(separate, "POST", "/rules", { fault: "reset" });
    const response = await separate.app.request("/api/bk-sops/prod/create_task/1/2/", {
      method: "POST",
      body: "{}",
    });
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({
      result: false,
      message: "fault reset needs a connection: serve the app over HTTP to play it",
    });
  });
});
