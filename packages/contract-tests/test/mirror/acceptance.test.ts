// The acceptance test of `mirror`: the reference server stands in for a deployment (a
// folder of user templates in business 9, no demo data), `mirror` copies business 9 into a new
// folder over real HTTP, and a second reference server started on that folder answers the same
// random create_task requests and every read operation as the first does.
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { canonicalTree, loadSpec } from "@bksops/api-types";
import { type CorpusTemplate, randomTaskRequest, seededRandom } from "@bksops/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { READ_OPERATIONS } from "../../src/mirror/reader.js";
import { specOperations } from "../../src/operations.js";
import { cli } from "../cli-helpers.js";
import { type Answer, call, comparable, type Form } from "./calls.js";
import { mirrorArgs, temporaryDir } from "./helpers.js";
import {
  BIZ,
  CALLER,
  type Deployment,
  OLDER_VERSION,
  type StandIn,
  startOn,
  writeStandIn,
} from "./stand-in.js";

const SEED = 20261204;

/** Every file under a folder, recursively, with its text. */
function filesUnder(dir: string): Array<[string, string]> {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? filesUnder(path)
      : [[path, readFileSync(path, "utf8")] as [string, string]];
  });
}

describe("mirror: a deployment's business copied into a folder the reference server loads", () => {
  let standIn: StandIn;
  let deployment: Deployment;
  let copy: Deployment;
  const out = temporaryDir("bk-sops-mirror-");
  let run: { code: number; out: string; err: string };
  const mirroredCommons = new Set<string>();
  const projectTemplates = () => standIn.corpus.filter((t) => t.kind === "project");

  beforeAll(async () => {
    standIn = writeStandIn(SEED, 14);
    deployment = await startOn(standIn.dir);
    run = await cli(["mirror", ...mirrorArgs(deployment, out)], {
      BK_SOPS_CONTRACT_APP_SECRET: CALLER.appSecret,
    });
    if (run.code !== 0) throw new Error(`mirror failed (${run.code}):\n${run.out}\n${run.err}`);
    copy = await startOn(out);
    const summary = JSON.parse(readFileSync(join(out, ".mirror", "summary.json"), "utf8"));
    for (const item of summary.mirrored) if (item.source === "common") mirroredCommons.add(item.templateId);
  }, 60_000);
  afterAll(async () => {
    await deployment?.close();
    await copy?.close();
    rmSync(out, { recursive: true, force: true });
    if (standIn) rmSync(standIn.dir, { recursive: true, force: true });
  });

  it("copies every template of the business, the common templates they use and the older version a node pins; nothing else", () => {
    const summary = JSON.parse(readFileSync(join(out, ".mirror", "summary.json"), "utf8"));
    expect(summary.skipped).toEqual([]);
    const projects = summary.mirrored.filter((m: { source: string }) => m.source === "project");
    expect(projects.map((m: { templateId: string }) => Number(m.templateId)).sort()).toEqual(
      projectTemplates()
        .map((t) => t.id)
        .sort(),
    );
    // Only the common templates some subprocess uses (directly or through another common flow).
    expect(mirroredCommons.has(String(standIn.unusedCommon))).toBe(false);
    expect(mirroredCommons.has(String(standIn.older.common))).toBe(true);
    const older = summary.mirrored.find(
      (m: { templateId: string; source: string }) =>
        m.source === "common" && m.templateId === String(standIn.older.common),
    );
    expect(older.olderVersions).toEqual([OLDER_VERSION]);
    expect(readdirSync(out).filter((name) => name.endsWith(".json")).length).toBe(
      summary.mirrored.length + 1,
    );
    expect(run.out).toMatch(/^mirrored \d+ template\(s\) of business 9/m);
    expect(run.out).toMatch(/skipped: none/);
    expect(copy.context.templates.skipped).toEqual([]);
  });

  it("read the deployment through bk-sops' read operations only: no write, no task", async () => {
    const journal = (await (await fetch(`${deployment.esb}/_bksops/journal?limit=100000`)).json()) as {
      data: { entries: Array<{ operation: string | null; method: string; path: string }> };
    };
    const entries = journal.data.entries;
    expect(entries.length).toBeGreaterThan(20);
    const notReads = entries.filter((entry) => !READ_OPERATIONS.has(entry.operation ?? ""));
    expect(notReads.map((entry) => `${entry.method} ${entry.path}`)).toEqual([]);
    const posts = new Set(entries.filter((entry) => entry.method !== "GET").map((entry) => entry.operation));
    expect([...posts].every((name) => String(name).startsWith("preview_"))).toBe(true);
    expect(deployment.context.store.tasks.total()).toBe(0);
  });

  it("never writes a secret (neither the app secret nor the user's token)", () => {
    const files = filesUnder(out);
    expect(files.length).toBeGreaterThan(5);
    for (const [path, text] of files) {
      expect(text.includes(CALLER.appSecret), path).toBe(false);
      expect(text.includes(CALLER.bkToken), path).toBe(false);
    }
    expect(run.out + run.err).not.toContain(CALLER.appSecret);
  });

  it("the copy answers the same random create_task requests as the deployment (trees compared canonically)", async () => {
    const rng = seededRandom(SEED);
    const templates = standIn.corpus.filter((t) => t.kind === "project" || mirroredCommons.has(String(t.id)));
    const pairs: Array<[string, unknown, unknown]> = [];
    for (let i = 0; i < 60; i += 1) {
      const template = rng.pick(templates);
      const form: Form = rng.chance(0.5) ? "esb" : "gateway";
      const body = requestFor(template, rng);
      const send = (target: Deployment) =>
        call(
          target,
          form,
          "create_task",
          [
            ["template_id", String(template.id)],
            ["bk_biz_id", String(BIZ)],
          ],
          { method: "POST", body },
        );
      const [a, b] = [await send(deployment), await send(copy)];
      pairs.push([
        `${form} create_task ${template.kind} ${template.id} ${JSON.stringify(body).slice(0, 160)}`,
        comparable(a, true),
        comparable(b, true),
      ]);
    }
    for (const [what, a, b] of pairs) expect(b, what).toEqual(a);
    // The requests are meant to create tasks (and a few to be refused): most must have.
    const created = pairs.filter(
      ([, a]) => (a as { status: number; body: { result?: boolean } }).body.result === true,
    );
    expect(created.length).toBeGreaterThan(40);
  });

  it("the copy answers every read operation of the spec as the deployment", async () => {
    const reads = readOperationsOfSpec();
    const asked = new Set<string>();
    const both = async (
      form: Form,
      name: string,
      params: Array<[string, string]>,
      options: Parameters<typeof call>[4] = {},
    ) => {
      asked.add(name);
      return [
        await call(deployment, form, name, params, options),
        await call(copy, form, name, params, options),
      ] as const;
    };
    const same = (what: string, [a, b]: readonly [Answer, Answer], tasks = false) => {
      expect(a.status, `${what}: ${a.text.slice(0, 300)}`).toBe(200);
      expect(comparable(b, tasks), what).toEqual(comparable(a, tasks));
    };
    const biz: [string, string] = ["bk_biz_id", String(BIZ)];
    for (const form of ["esb", "gateway"] as const) {
      // The deployment shows a second business (8), which a mirror of business 9 leaves out by design.
      const [projectsA, projectsB] = await both(form, "get_user_project_list", []);
      expect(comparable(projectsB)).toEqual(
        comparable(onlyItems(projectsA, (p) => String(p.bk_biz_id) === String(BIZ))),
      );
      same(
        `${form} get_template_list`,
        await both(form, "get_template_list", [biz], {
          query: { include_executor_proxy: "1", include_notify: "1" },
        }),
      );
      // Common templates nobody in business 9 uses are left out by design (`--all-common` copies them).
      const [commonsA, commonsB] = await both(form, "get_common_template_list", []);
      expect(comparable(commonsB)).toEqual(
        comparable(onlyItems(commonsA, (t) => mirroredCommons.has(String(t.id)))),
      );
      for (const template of projectTemplates()) {
        const id: [string, string] = ["template_id", String(template.id)];
        const every = {
          include_executor_proxy: "1",
          include_subprocess: "1",
          include_constants: "1",
          include_notify: "1",
          include_labels: "1",
        };
        same(
          `${form} get_template_info ${template.id}`,
          await both(form, "get_template_info", [id, biz], { query: every }),
        );
        same(
          `${form} get_template_schemes ${template.id}`,
          await both(form, "get_template_schemes", [biz, id], { query: { with_constants: "true" } }),
        );
        const optional = Object.entries(template.tree.activities)
          .filter(([, act]) => act.optional)
          .map(([node]) => node);
        same(
          `${form} preview_task_tree ${template.id}`,
          await both(form, "preview_task_tree", [biz, id], {
            method: "POST",
            body: { exclude_task_nodes_id: optional.slice(0, 2) },
          }),
        );
      }
      for (const common of mirroredCommons) {
        const id: [string, string] = ["template_id", common];
        same(
          `${form} get_common_template_info ${common}`,
          await both(form, "get_common_template_info", [id], {
            query: { include_subprocess: "1", include_constants: "1" },
          }),
        );
      }
    }
    // The common preview has only the ESB form; the older version is asked for by name.
    for (const common of mirroredCommons)
      same(
        `preview_common_task_tree ${common}`,
        await both("esb", "preview_common_task_tree", [biz, ["template_id", common]], {
          method: "POST",
          body: {},
        }),
      );
    same(
      "preview_common_task_tree at the older version",
      await both("esb", "preview_common_task_tree", [biz, ["template_id", String(standIn.older.common)]], {
        method: "POST",
        body: { version: OLDER_VERSION },
      }),
    );
    // Task reads, on a task each server created from the same request (their ids are the same).
    const template = projectTemplates()[0] as CorpusTemplate;
    const [createdA, createdB] = await both(
      "gateway",
      "create_task",
      [["template_id", String(template.id)], biz],
      { method: "POST", body: { name: "read me" } },
    );
    const taskId = String((createdA.json as { data: { task_id: number } }).data.task_id);
    expect((createdB.json as { data: { task_id: number } }).data.task_id).toBe(Number(taskId));
    // A node of the task is named by its own (fresh) id in each server: found by its template node.
    const nodeOf = (created: Answer) => {
      const tree = (
        created.json as {
          data: { pipeline_tree: { activities: Record<string, { template_node_id: string }> } };
        }
      ).data.pipeline_tree;
      const first = Object.keys(template.tree.activities)[0];
      return Object.entries(tree.activities).find(([, act]) => act.template_node_id === first)?.[0] ?? "";
    };
    const [nodeA, nodeB] = [nodeOf(createdA), nodeOf(createdB)];
    expect(nodeA).toMatch(/^n[0-9a-f]{31}$/);
    for (const form of ["esb", "gateway"] as const) {
      const task: Array<[string, string]> = [["task_id", taskId], biz];
      same(`${form} get_task_status`, withoutTimes(await both(form, "get_task_status", task)), true);
      same(`${form} get_task_detail`, withoutTimes(await both(form, "get_task_detail", task)), true);
      asked.add("get_task_node_detail");
      const [detailA, detailB] = [
        await call(deployment, form, "get_task_node_detail", task, { query: { node_id: nodeA } }),
        await call(copy, form, "get_task_node_detail", task, { query: { node_id: nodeB } }),
      ];
      same(`${form} get_task_node_detail`, withoutTimes([named(detailA, nodeA), named(detailB, nodeB)]));
    }
    expect([...reads].filter((name) => !asked.has(name))).toEqual([]);
  });

  it("tasks with subprocesses run the same on the copy: the same nested status, node by node, to the end", async () => {
    // The children the mirror copied (at the versions the nodes pin) are what the engine runs: a
    // wrong child, version or variable shows as another child node, state or output here. Some
    // corpus templates fail on purpose (variables that refer to themselves): the copy must too.
    const biz: [string, string] = ["bk_biz_id", String(BIZ)];
    const templates = projectTemplates().filter((t) =>
      Object.values(t.tree.activities).some((act) => act.type === "SubProcess"),
    );
    expect(templates.length).toBeGreaterThan(1);
    const run = async (target: Deployment, template: CorpusTemplate) => {
      const created = await call(
        target,
        "gateway",
        "create_task",
        [["template_id", String(template.id)], biz],
        { method: "POST", body: { name: "run me" } },
      );
      const data = (created.json as { data: { task_id: number; pipeline_tree: Record<string, unknown> } })
        .data;
      const task: Array<[string, string]> = [["task_id", String(data.task_id)], biz];
      const started = await call(target, "gateway", "start_task", task, { method: "POST", body: {} });
      expect((started.json as { result: boolean }).result, started.text).toBe(true);
      return { task, tree: data.pipeline_tree };
    };
    const settled = async (target: Deployment, task: Array<[string, string]>) => {
      for (let waited = 0; waited < 30_000; waited += 100) {
        const answer = await call(target, "gateway", "get_task_status", task);
        const state = (answer.json as { data?: { state?: string } }).data?.state;
        if (state === "FINISHED" || state === "FAILED") return answer;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error("the task did not settle in 30 s");
    };
    // Each server drew its own node ids (named after the task's canonical tree here), its trace id
    // and each node run's `version` (a fresh uuid per run, in bk-sops too).
    const named = (answer: Answer, tree: Record<string, unknown>) => {
      const [stripped] = withoutTimes([answer, answer]);
      const renamed = canonicalTree({ ...tree, "(answer)": stripped.json }) as Record<string, unknown>;
      const body = renamed["(answer)"] as { trace_id?: string; data: unknown };
      delete body.trace_id;
      const visit = (node: { version?: string; children?: Record<string, unknown> }) => {
        delete node.version;
        for (const child of Object.values(node.children ?? {})) visit(child as typeof node);
      };
      visit(body.data as Parameters<typeof visit>[0]);
      return { status: answer.status, body };
    };
    type StatusNode = { state: string; name: string; children: Record<string, StatusNode> };
    const childActivities: StatusNode[] = [];
    for (const template of templates) {
      const [a, b] = [await run(deployment, template), await run(copy, template)];
      const [statusA, statusB] = [await settled(deployment, a.task), await settled(copy, b.task)];
      const expected = named(statusA, a.tree);
      expect(named(statusB, b.tree), `template ${template.id}`).toEqual(expected);
      for (const node of Object.values((expected.body as { data: StatusNode }).data.children))
        childActivities.push(...Object.values(node.children).filter((child) => child.name !== ""));
    }
    // The runs went into the children: some child activity ran to its end.
    expect(childActivities.filter((child) => child.state === "FINISHED").length).toBeGreaterThan(0);
  });
});

/** A random create_task body for a template, schemes named by the unique ids get_template_schemes shows. */
function requestFor(template: CorpusTemplate, rng: ReturnType<typeof seededRandom>): Record<string, unknown> {
  const { body } = randomTaskRequest(rng, template);
  if (Array.isArray(body.template_schemes_id))
    body.template_schemes_id = body.template_schemes_id.map(
      (id) => template.schemes.find((scheme) => scheme.id === id)?.unique_id ?? id,
    );
  if (template.kind === "common") body.template_source = "common";
  if (rng.chance(0.1)) {
    // Some requests bk-sops refuses: the copy must refuse them with the same answer.
    const required = Object.entries(template.tree.activities).find(([, act]) => !act.optional)?.[0];
    if (required) body.exclude_task_nodes_id = [required];
  }
  return body;
}

/** Every read operation the spec documents: its GETs, and the previews (POSTs that store nothing). */
function readOperationsOfSpec(): Set<string> {
  const reads = new Set<string>();
  for (const operation of specOperations(loadSpec()).values())
    if (operation.method === "GET" || operation.name.startsWith("preview_")) reads.add(operation.name);
  return reads;
}

/** An answer whose `data` list keeps only the items `keep` accepts. */
function onlyItems(answer: Answer, keep: (item: Record<string, unknown>) => boolean): Answer {
  const json = structuredClone(answer.json) as { data: Array<Record<string, unknown>> };
  json.data = json.data.filter(keep);
  return { ...answer, json };
}

/** An answer with a node's id (which each server drew for itself) replaced by a name. */
function named(answer: Answer, id: string): Answer {
  return { ...answer, json: JSON.parse(JSON.stringify(answer.json).split(id).join("(the node)")) };
}

/** Task reads without the times of the moment each server created the task (they differ by design). */
function withoutTimes(pair: readonly [Answer, Answer]): readonly [Answer, Answer] {
  const strip = (answer: Answer): Answer => {
    const json = structuredClone(answer.json);
    const visit = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === "object")
        for (const [key, item] of Object.entries(value)) {
          if (/_time$/.test(key)) delete (value as Record<string, unknown>)[key];
          else visit(item);
        }
    };
    visit(json);
    return { ...answer, json };
  };
  return [strip(pair[0]), strip(pair[1])];
}
