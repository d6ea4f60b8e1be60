// The issue's acceptance test of the validating proxy: put in front of a deliberately broken
// server it reports the broken answers of live traffic; in front of a correct one, none. Traffic
// is what a client sends (random creates in both forms, reads, a few refused requests), over
// real HTTP; the proxy's answers are the upstream's; its reports mask the secrets; its recording
// replays on a reference server.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { type CorpusTemplate, randomTaskRequest, seededRandom } from "@bksops/domain/testing";
import { createTestContext, startServer } from "@bksops/server/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FetchFn } from "../../src/index.js";
import { type RunningProxy, startProxy } from "../../src/proxy/server.js";
import { dropsOptionalNodes, ignoresConstants, wrongStatusOnError } from "../broken-servers.js";
import { call, comparable, type Form } from "../mirror/calls.js";
import { temporaryDir } from "../mirror/helpers.js";
import {
  BIZ,
  CALLER,
  CREDENTIALS,
  type Deployment,
  type StandIn,
  startOn,
  writeStandIn,
} from "../mirror/stand-in.js";

const SEED = 20261205;

/** The proxy's two front doors, as a client configures them: the proxy's own address. */
const through = (proxy: RunningProxy) => ({ esb: proxy.url, gateway: `${proxy.url}/api/bk-sops/prod` });

/** A client's traffic: creates with random exclusions, schemes and values, reads, and refused requests. */
async function traffic(bases: { esb: string; gateway: string }, standIn: StandIn, count: number) {
  const rng = seededRandom(SEED);
  const projects = standIn.corpus.filter((t) => t.kind === "project");
  const biz: [string, string] = ["bk_biz_id", String(BIZ)];
  const answers = [];
  for (let i = 0; i < count; i += 1) {
    const template = rng.pick(projects) as CorpusTemplate;
    const form: Form = rng.chance(0.5) ? "esb" : "gateway";
    const { body } = randomTaskRequest(rng, template);
    // One create in four asks for no node selection at all (just a name and values).
    if (i % 4 === 0) {
      delete body.exclude_task_nodes_id;
      delete body.execute_task_nodes_id;
      delete body.template_schemes_id;
    }
    if (Array.isArray(body.template_schemes_id))
      body.template_schemes_id = body.template_schemes_id.map(
        (id) => template.schemes.find((scheme) => scheme.id === id)?.unique_id ?? id,
      );
    answers.push(
      await call(bases, form, "create_task", [["template_id", String(template.id)], biz], {
        method: "POST",
        body,
      }),
    );
  }
  const first = projects[0] as CorpusTemplate;
  const id: [string, string] = ["template_id", String(first.id)];
  answers.push(await call(bases, "gateway", "get_template_info", [id, biz]));
  answers.push(await call(bases, "esb", "get_template_list", [biz]));
  answers.push(await call(bases, "gateway", "get_template_schemes", [biz, id]));
  // Refused: no name (a documented error), a template that does not exist.
  answers.push(await call(bases, "gateway", "create_task", [id, biz], { method: "POST", body: {} }));
  answers.push(
    await call(bases, "esb", "create_task", [["template_id", "999999"], biz], {
      method: "POST",
      body: { name: "x" },
    }),
  );
  return answers;
}

describe("the validating proxy", () => {
  let standIn: StandIn;
  beforeAll(() => {
    standIn = writeStandIn(SEED, 10);
  });
  afterAll(() => rmSync(standIn.dir, { recursive: true, force: true }));

  describe("in front of a correct deployment", () => {
    let deployment: Deployment;
    let proxy: RunningProxy;
    let proxied: Awaited<ReturnType<typeof traffic>>;
    const reports = temporaryDir("bk-sops-proxy-");
    beforeAll(async () => {
      deployment = await startOn(standIn.dir);
      proxy = await startProxy({ upstream: deployment.esb, reportDir: reports });
    });
    afterAll(async () => {
      await proxy.close();
      await deployment.close();
      rmSync(reports, { recursive: true, force: true });
    });

    it("passes every answer back as the deployment gives it, and reports no broken answer", async () => {
      proxied = await traffic(through(proxy), standIn, 30);
      await proxy.settled();
      const result = proxy.result();
      const failed = result.checks.filter((check) => check.status === "failed");
      expect(failed.map((check) => `${check.id}: ${check.reason}`)).toEqual([]);
      expect(result.summary.passed).toBe(proxied.length);
      // Creates were predicted from the template, not only checked against the schema.
      const creates = result.checks.filter((check) => check.id.endsWith(".create_task"));
      expect(creates.filter((check) => check.verifies.includes("predicted")).length).toBeGreaterThan(20);
      expect(result.createdTasks.length).toBeGreaterThan(20);
      // The same reads, asked directly, answer the same.
      const direct = await call(deployment, "gateway", "get_template_info", [
        ["template_id", String(standIn.corpus[0]?.id)],
        ["bk_biz_id", String(BIZ)],
      ]);
      const viaProxy = await call(through(proxy), "gateway", "get_template_info", [
        ["template_id", String(standIn.corpus[0]?.id)],
        ["bk_biz_id", String(BIZ)],
      ]);
      expect(comparable(viaProxy)).toEqual(comparable(direct));
    });

    it("writes the live report in the suite's JUnit, JSON and HTML formats, secrets masked", async () => {
      const files = await proxy.write();
      expect(files.map((file) => file.slice(reports.length + 1)).sort()).toEqual([
        "junit.xml",
        "report.html",
        "report.json",
        "rules.jsonl",
      ]);
      for (const file of files) {
        const text = readFileSync(file, "utf8");
        expect(text.includes(CALLER.appSecret), file).toBe(false);
        expect(text.includes(CALLER.bkToken), file).toBe(false);
      }
      const report = JSON.parse(readFileSync(join(reports, "report.json"), "utf8"));
      expect(report.summary.failed).toBe(0);
      expect(report.checks[0].requests[0].curl).toContain("${BK_SOPS_CONTRACT_APP_SECRET}");
      expect(readFileSync(join(reports, "junit.xml"), "utf8")).toMatch(/<testsuite name="live"/);
    });

    it("records the exchanges as rules that make a reference server answer them again", async () => {
      await proxy.write();
      const replay = createTestContext({ demoData: false, credentials: CREDENTIALS, controls: true });
      const server = await startServer((request) => replay.app.fetch(request), {
        port: 0,
        host: "127.0.0.1",
      });
      try {
        const { cli } = await import("../cli-helpers.js");
        const run = await cli(["proxy", "--replay", join(reports, "rules.jsonl"), "--server", server.url]);
        expect(run.code, run.err).toBe(0);
        // The same requests get the recorded answers, in the recorded order: the same tasks, trees, errors.
        const again = await traffic(
          { esb: server.url, gateway: `${server.url}/api/bk-sops/prod` },
          standIn,
          30,
        );
        expect(again.map((a) => [a.status, a.json])).toEqual(proxied.map((a) => [a.status, a.json]));
      } finally {
        await server.close();
        replay.close();
      }
    });
  });

  describe.each([
    ["drops every optional node when no exclusion is asked", dropsOptionalNodes, /nodes|dropped/],
    ["ignores constants", ignoresConstants, /constants/],
    ["answers an error with the wrong HTTP status", wrongStatusOnError, /status/],
  ] as Array<[string, (app: FetchFn) => FetchFn, RegExp]>)(
    "in front of a server that %s",
    (_, fault, named) => {
      let deployment: Deployment;
      let proxy: RunningProxy;
      const reports = temporaryDir("bk-sops-proxy-broken-");
      beforeAll(async () => {
        deployment = await startOn(standIn.dir, fault);
        proxy = await startProxy({ upstream: deployment.esb, reportDir: reports });
      });
      afterAll(async () => {
        await proxy.close();
        await deployment.close();
        rmSync(reports, { recursive: true, force: true });
      });

      it("reports the broken answers of live traffic, naming the fault", async () => {
        await traffic(through(proxy), standIn, 30);
        await proxy.settled();
        const failed = proxy.result().checks.filter((check) => check.status === "failed");
        expect(failed.length).toBeGreaterThan(0);
        for (const check of failed)
          expect(`${check.reason} ${check.differences.map((d) => `${d.kind} ${d.note}`).join(" ")}`).toMatch(
            named,
          );
      });
    },
  );
});
