// The simulated engine follows the data through resets and restores (the controls' onReset hook).
import { beforeEach, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/engine/clock.js";
import { createTestContext, type TestServerContext } from "../../src/testing.js";
import { control, DEMO_AUTH, send } from "../helpers.js";

const GW = "/api/bk-sops/prod";
const auth = { "X-Bkapi-Authorization": JSON.stringify(DEMO_AUTH) };

let context: TestServerContext;
let clock: FakeClock;
beforeEach(() => {
  clock = new FakeClock();
  context = createTestContext({ clock, timing: { speed: 1, nodeMs: 1000, componentMs: {} }, controls: true });
  return () => context.close();
});

async function startTask(): Promise<number> {
  const created = await send(context, `${GW}/create_and_start_task/4/2/`, {
    body: { name: "t" },
    headers: auth,
  });
  expect(created.json.result).toBe(true);
  return created.json.data.task_id;
}
const stateOf = async (id: number) =>
  (await send(context, `${GW}/get_task_status/${id}/2/`, { method: "GET", headers: auth })).json;

describe("the engine after a reset or a restore", () => {
  it("runs a restored running task to its end again", async () => {
    const id = await startTask();
    expect((await stateOf(id)).data.state).toBe("RUNNING");
    await control(context, "PUT", "/snapshots/running");
    clock.advance(10_000);
    expect((await stateOf(id)).data.state).toBe("FINISHED");

    await control(context, "POST", "/snapshots/running/restore");
    expect((await stateOf(id)).data.state).toBe("RUNNING");
    // The timer of the first run has fired; only a reload arms one for the restored run.
    clock.advance(10_000);
    expect((await stateOf(id)).data.state).toBe("FINISHED");
  });

  it("forgets the runs a reset removed, and runs new tasks", async () => {
    const before = await startTask();
    await control(context, "POST", "/reset");
    expect(context.store.runs.live()).toEqual([]);
    expect((await stateOf(before)).result).toBe(false);
    clock.advance(10_000);
    const after = await startTask();
    expect(after).toBe(before + 1);
    clock.advance(10_000);
    expect((await stateOf(after)).data.state).toBe("FINISHED");
  });
});
