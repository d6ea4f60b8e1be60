import { beforeEach, describe, expect, it } from "vitest";
import { FakeClock } from "../../src/engine/clock.js";
import { createTestContext, type TestServerContext } from "../../src/testing.js";
import { DEMO_AUTH, send } from "../helpers.js";

// Demo template 7: "check inputs", then subprocess "release (template 2)" (backup config, verify
// backup, deploy release), then an exclusive gateway: with ${env} = prod, subprocess "announce
// (common echo)" (echo message), else the default branch straight to the end.

const GW = "/api/bk-sops/prod";
const TIMING = { speed: 1, nodeMs: 1000, componentMs: {} };
const headers = { "X-Bkapi-Authorization": JSON.stringify(DEMO_AUTH) };

type Json = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: tests walk arbitrary JSON trees
type Tree = any;

let context: TestServerContext;
let clock: FakeClock;
beforeEach(() => {
  clock = new FakeClock();
  context = createTestContext({ clock, timing: TIMING });
  return () => context.close();
});

const get = async (path: string) => send(context, `${GW}${path}`, { method: "GET", headers });
const post = async (path: string, body: unknown) => send(context, `${GW}${path}`, { body, headers });

async function startTemplate7(constants: Json = { "${env}": "prod" }): Promise<{ id: number; tree: Tree }> {
  const created = await post("/create_task/7/2/", { name: "release", constants });
  expect(created.json.result).toBe(true);
  const id = created.json.data.task_id as number;
  expect((await post(`/start_task/${id}/2/`, {})).json.result).toBe(true);
  return { id, tree: created.json.data.pipeline_tree };
}

const status = async (id: number, query = "") => (await get(`/get_task_status/${id}/2/${query}`)).json;
const subprocessNamed = (tree: Tree, name: string) =>
  Object.values(tree.activities).find((activity: Tree) => activity.name === name) as Tree;
const activityNamed = (tree: Tree, name: string) =>
  Object.values(tree.activities).find((activity: Tree) => activity.name === name) as Tree;

/** Every node of a status tree: id → [state, name, parent_id], depth first. */
function flatten(children: Json, into: Record<string, [string, string, string]> = {}) {
  for (const [id, child] of Object.entries(children) as Array<[string, Tree]>) {
    into[id] = [child.state, child.name, child.parent_id];
    flatten(child.children, into);
  }
  return into;
}

describe("a task of demo template 7 (subprocesses) runs to the end", () => {
  it("reports every child node's state under its subprocess node, then FINISHED", async () => {
    const { id, tree } = await startTemplate7();
    const release = subprocessNamed(tree, "release (template 2)");
    const announce = subprocessNamed(tree, "announce (common echo)");
    clock.advance(2500); // check inputs took 0-1 s; inside the release child, verify backup runs
    const running = (await status(id)).data;
    expect(running.state).toBe("RUNNING");
    const mid = running.children[release.id];
    expect(mid.state).toBe("RUNNING");
    expect(flatten(mid.children)).toEqual({
      [release.pipeline.start_event.id]: ["FINISHED", "", release.id],
      ...Object.fromEntries(
        Object.keys(release.pipeline.gateways)
          .filter((gid) => release.pipeline.gateways[gid].type === "ParallelGateway")
          .map((gid) => [gid, ["FINISHED", "", release.id]]),
      ),
      [activityNamed(release.pipeline, "backup config").id]: ["FINISHED", "backup config", release.id],
      [activityNamed(release.pipeline, "verify backup").id]: ["RUNNING", "verify backup", release.id],
    });

    clock.advance(10_000);
    const finished = (await status(id)).data;
    expect(finished.state).toBe("FINISHED");
    const nodes = flatten(finished.children);
    // Every node of the task's tree and of both children ran, the default branch's flow aside.
    const expected = new Set<string>();
    const collect = (t: Tree) => {
      expected.add(t.start_event.id).add(t.end_event.id);
      for (const gid of Object.keys(t.gateways)) expected.add(gid);
      for (const activity of Object.values(t.activities) as Tree[]) {
        expected.add(activity.id);
        if (activity.pipeline) collect(activity.pipeline);
      }
    };
    collect(tree);
    expect(new Set(Object.keys(nodes))).toEqual(expected);
    expect(Object.values(nodes).every(([state]) => state === "FINISHED")).toBe(true);
    expect(nodes[activityNamed(announce.pipeline, "echo message").id]).toEqual([
      "FINISHED",
      "echo message",
      announce.id,
    ]);
    expect(finished.children[release.id]).toMatchObject({
      start_time: "2024-05-01 12:00:01 +0800",
      finish_time: "2024-05-01 12:00:04 +0800",
      elapsed_time: 3,
    });
    expect(finished).toMatchObject({ elapsed_time: 5, finish_time: "2024-05-01 12:00:05 +0800" });
    expect(context.store.tasks.find(id)?.currentFlow).toBe("finished");
    // get_task_detail: the task's record and tree, the pipeline's outputs (template 7 lists none).
    const detail = (await get(`/get_task_detail/${id}/2/`)).json.data;
    expect(detail).toMatchObject({ elapsed_time: 5, outputs: [], ex_data: "", pipeline_tree: tree });
  });

  it("takes the default branch past the announcement when ${env} is not prod", async () => {
    const { id, tree } = await startTemplate7({ "${env}": "test" });
    clock.advance(10_000);
    const finished = (await status(id)).data;
    expect(finished.state).toBe("FINISHED");
    expect(finished.children[subprocessNamed(tree, "announce (common echo)").id]).toBeUndefined();
    expect(finished).toMatchObject({ elapsed_time: 4 });
  });

  it("subprocess_id answers that subprocess's tree; its nodes are not named, as bk-sops names them", async () => {
    const { id, tree } = await startTemplate7();
    const release = subprocessNamed(tree, "release (template 2)");
    clock.advance(2500);
    const answer = (await status(id, `?subprocess_id=${release.id}`)).data;
    expect(answer).toMatchObject({ id: release.id, state: "RUNNING", name: "release" });
    expect(Object.values(answer.children).map((child) => (child as Tree).name)).toEqual(["", "", "", ""]);
    const notYet = subprocessNamed(tree, "announce (common echo)");
    expect((await status(id, `?subprocess_id=${notYet.id}`)).data).toMatchObject({
      state: "CREATED",
      children: {},
      name: "release",
    });
  });

  it("pause and resume reach the nodes running inside a subprocess", async () => {
    const { id, tree } = await startTemplate7();
    const release = subprocessNamed(tree, "release (template 2)");
    clock.advance(1500); // backup config runs inside the release child
    expect((await post(`/operate_task/${id}/2/`, { action: "pause" })).json.result).toBe(true);
    clock.advance(30_000);
    const paused = (await status(id)).data;
    expect(paused.state).toBe("SUSPENDED");
    const inside = flatten(paused.children[release.id].children);
    expect(inside[activityNamed(release.pipeline, "backup config").id]?.[0]).toBe("FINISHED");
    expect(inside[activityNamed(release.pipeline, "verify backup").id]).toBeUndefined();
    expect((await post(`/operate_task/${id}/2/`, { action: "resume" })).json.result).toBe(true);
    clock.advance(10_000);
    expect((await status(id)).data.state).toBe("FINISHED");
  });

  it("revoke stops the walk inside a subprocess for good", async () => {
    const { id, tree } = await startTemplate7();
    const release = subprocessNamed(tree, "release (template 2)");
    clock.advance(1500);
    expect((await post(`/operate_task/${id}/2/`, { action: "revoke" })).json.result).toBe(true);
    clock.advance(30_000);
    const revoked = (await status(id)).data;
    expect(revoked.state).toBe("REVOKED");
    expect(revoked.children[release.id].state).toBe("RUNNING");
    expect(Object.keys(flatten(revoked.children[release.id].children))).toHaveLength(3);
  });
});

describe("get_task_node_detail of subprocesses and their nodes", () => {
  const detail = (id: number, nodeId: string, stack?: string[]) =>
    get(
      `/get_task_node_detail/${id}/2/?node_id=${nodeId}` +
        (stack ? `&subprocess_stack=${encodeURIComponent(JSON.stringify(stack))}` : ""),
    );

  it("a subprocess node: what it passed down by name, its child's nodes, its loop counters", async () => {
    const { id, tree } = await startTemplate7({ "${env}": "prod", "${release}": "3.1" });
    const release = subprocessNamed(tree, "release (template 2)");
    clock.advance(10_000);
    const answer = (await detail(id, release.id)).json;
    expect(answer.result).toBe(true);
    expect(answer.data).toMatchObject({
      id: release.id,
      state: "FINISHED",
      inputs: { version: "3.1", job_ip: "127.0.0.1", script_timeout: 300 },
      outputs: [
        { key: "_loop", value: 1, preset: false },
        { key: "_inner_loop", value: 1, preset: false },
      ],
      ex_data: null,
    });
    const child = release.pipeline;
    expect(new Set(Object.keys(answer.data.children))).toEqual(
      new Set([
        child.start_event.id,
        child.end_event.id,
        ...Object.keys(child.gateways),
        ...Object.keys(child.activities),
      ]),
    );
    const deploy = activityNamed(release.pipeline, "deploy release");
    expect((answer.data.children[deploy.id] as Tree).parent_id).toBe(release.id);
  });

  it("a child node needs its subprocess_stack; it answers with what the subprocess passed down", async () => {
    const { id, tree } = await startTemplate7({ "${env}": "prod", "${release}": "3.1" });
    const release = subprocessNamed(tree, "release (template 2)");
    const deploy = activityNamed(release.pipeline, "deploy release");
    // Not reached yet: previewed with the values the subprocess will pass down.
    const before = (await detail(id, deploy.id, [release.id])).json;
    expect(before.data).toMatchObject({
      state: "READY",
      name: "deploy release",
      inputs: { script_content: "deploy.sh 3.1", job_ip_list: "127.0.0.1", script_timeout: 300 },
    });
    clock.advance(10_000);
    const after = (await detail(id, deploy.id, [release.id])).json;
    expect(after.data).toMatchObject({
      id: deploy.id,
      state: "FINISHED",
      inputs: { script_content: "deploy.sh 3.1", _loop: 1, _inner_loop: 1 },
    });
    // bk-sops finds the node only where the stack leads: elsewhere its lookup fails (HTTP 500).
    expect((await detail(id, deploy.id)).status).toBe(500);
    expect((await detail(id, deploy.id, ["nope"])).status).toBe(500);
    expect((await detail(id, release.id, [release.id])).status).toBe(500);
    expect((await detail(id, release.id, [])).json.result).toBe(true);
  });
});
