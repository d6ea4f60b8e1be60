import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, startServer, type TestServerContext } from "../../src/testing.js";
import { DEMO_AUTH } from "../helpers.js";

// A few runs over real HTTP with the real clock, sped up: a plugin node takes 5 ms.
const TIMING = { speed: 200, nodeMs: 1000, componentMs: {} };

let context: TestServerContext;
let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  context = createTestContext({ timing: TIMING });
  server = await startServer((request) => context.app.fetch(request), { port: 0, host: "127.0.0.1" });
});
afterAll(async () => {
  await server.close();
  context.close();
});

const headers = { "Content-Type": "application/json", "X-Bkapi-Authorization": JSON.stringify(DEMO_AUTH) };

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers
const json = async (response: Response): Promise<any> => response.json();

async function pollUntil(read: () => Promise<string>, states: string[]): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const state = await read();
    if (states.includes(state) || Date.now() > deadline) return state;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("tasks over real HTTP", () => {
  it("gateway: create_and_start_task, then status polls until the parallel template has finished", async () => {
    const created = await fetch(`${server.url}/api/bk-sops/prod/create_and_start_task/2/2/`, {
      method: "POST",
      headers,
      body: JSON.stringify({ name: "parallel" }),
    }).then(json);
    const id = created.data.task_id;
    const read = async () => {
      const answer = await fetch(`${server.url}/api/bk-sops/prod/get_task_status/${id}/2/`, { headers });
      return (await json(answer)).data.state as string;
    };
    expect(await pollUntil(read, ["FINISHED", "FAILED"])).toBe("FINISHED");
    const detail = await fetch(`${server.url}/api/bk-sops/prod/get_task_detail/${id}/2/`, { headers }).then(
      json,
    );
    expect(detail.data.finish_time).not.toBe("");
  });

  it("ESB: start_task with the ids in the body, status with them in the query, until the branch template ends", async () => {
    const created = await fetch(`${server.url}/api/c/compapi/v2/sops/create_task/`, {
      method: "POST",
      body: JSON.stringify({ ...DEMO_AUTH, bk_biz_id: "2", template_id: "3", name: "branches" }),
    }).then(json);
    const id = String(created.data.task_id);
    const started = await fetch(`${server.url}/api/c/compapi/v2/sops/start_task/`, {
      method: "POST",
      body: JSON.stringify({ ...DEMO_AUTH, bk_biz_id: "2", task_id: id }),
    }).then(json);
    expect(started).toMatchObject({ result: true, code: 0, message: "" });
    const query = new URLSearchParams({ ...DEMO_AUTH, bk_biz_id: "2", task_id: id });
    const read = async () => {
      const answer = await fetch(`${server.url}/api/c/compapi/v2/sops/get_task_status/?${query}`);
      return (await json(answer)).data.state as string;
    };
    expect(await pollUntil(read, ["FINISHED", "FAILED"])).toBe("FINISHED");
  });
});
