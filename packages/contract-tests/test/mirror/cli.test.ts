// The mirror as a command: it resumes after being killed, skips what it may not read (and what
// needs it) with the reason, shows its progress, and refuses bad usage in one line per problem.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SubProcess } from "@bksops/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { cli } from "../cli-helpers.js";
import { mirrorArgs, temporaryDir } from "./helpers.js";
import { CALLER, type Deployment, type StandIn, startOn, writeStandIn } from "./stand-in.js";

const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
const SECRET_ENV = { BK_SOPS_CONTRACT_APP_SECRET: CALLER.appSecret };
const SEED = 20261206;

/** The template files of a mirror (its own `.mirror/` folder left aside), name → text. */
const templateFiles = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .filter((name) => name.endsWith(".json"))
      .sort()
      .map((name) => [name, readFileSync(join(dir, name), "utf8")]),
  );

const journalLength = async (deployment: Deployment) =>
  (
    (await (await fetch(`${deployment.esb}/_bksops/journal?limit=100000`)).json()) as {
      data: { entries: unknown[] };
    }
  ).data.entries.length;

describe("the mirror command", () => {
  let standIn: StandIn;
  const dirs: string[] = [];
  const dir = (prefix: string) => {
    const made = temporaryDir(prefix);
    dirs.push(made);
    return made;
  };
  beforeAll(() => {
    standIn = writeStandIn(SEED, 10);
  });
  afterAll(() => {
    for (const made of [...dirs, standIn.dir]) rmSync(made, { recursive: true, force: true });
  });

  it("resumes after being killed, reading only what it had not read, and ends with the same folder", async () => {
    // Each template read takes a while, so the kill lands in the middle of the mirror.
    const slow = (app: (request: Request) => Response | Promise<Response>) => async (request: Request) => {
      if (new URL(request.url).pathname.includes("get_template_info"))
        await new Promise((resolve) => setTimeout(resolve, 120));
      return app(request);
    };
    const deployment = await startOn(standIn.dir, slow);
    try {
      const whole = dir("bk-sops-mirror-whole-");
      const reference = await cli(["mirror", ...mirrorArgs(deployment, whole)], SECRET_ENV);
      expect(reference.code, reference.err).toBe(0);
      const fullReads = JSON.parse(readFileSync(join(whole, ".mirror", "summary.json"), "utf8"))
        .reads as number;

      const out = dir("bk-sops-mirror-resumed-");
      const before = await journalLength(deployment);
      const child = spawn(process.execPath, [CLI, "mirror", ...mirrorArgs(deployment, out)], {
        env: { PATH: process.env.PATH, ...SECRET_ENV },
        stdio: "ignore",
      });
      const reads = join(out, ".mirror", "reads");
      for (let waited = 0; waited < 20_000; waited += 50) {
        if (existsSync(reads) && readdirSync(reads).filter((name) => name.endsWith(".json")).length >= 5)
          break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      child.kill("SIGKILL");
      await new Promise((resolve) => child.once("exit", resolve));
      const kept = readdirSync(reads).filter((name) => name.endsWith(".json")).length;
      expect(kept).toBeGreaterThanOrEqual(5);
      expect(kept).toBeLessThan(fullReads);
      expect(JSON.parse(readFileSync(join(out, ".mirror", "state.json"), "utf8")).finishedAt).toBeUndefined();

      // A read in flight when it was killed is answered (and journaled) a moment later.
      await new Promise((resolve) => setTimeout(resolve, 400));
      const afterKill = await journalLength(deployment);
      const resumed = await cli(["mirror", ...mirrorArgs(deployment, out)], SECRET_ENV);
      expect(resumed.code, resumed.err).toBe(0);
      expect(resumed.err).toMatch(/resuming an interrupted mirror/);
      expect(resumed.out).toMatch(/kept from the interrupted run/);
      // The second run read only what the first had not: together no more than a whole mirror.
      const secondRun = (await journalLength(deployment)) - afterKill;
      expect(secondRun).toBeLessThanOrEqual(fullReads - kept);
      expect(afterKill - before + secondRun).toBeLessThanOrEqual(fullReads + 1);
      expect(templateFiles(out)).toEqual(templateFiles(whole));
    } finally {
      await deployment.close();
    }
  }, 90_000);

  it("skips a template the user may not read, and the templates that use it, each with the reason", async () => {
    const parent = standIn.corpus.find(
      (t) =>
        t.kind === "project" &&
        Object.values(t.tree.activities).some(
          (act) => act.type === "SubProcess" && (act as SubProcess).template_source !== "common",
        ),
    );
    if (!parent) throw new Error("the seed gives no project template with a project subprocess");
    const child = String(
      (
        Object.values(parent.tree.activities).find(
          (act) => act.type === "SubProcess" && (act as SubProcess).template_source !== "common",
        ) as SubProcess
      ).template_id,
    );
    // The deployment's IAM refuses the user that one template, as bk-sops' interceptor answers.
    const denying = (app: (request: Request) => Response | Promise<Response>) => async (request: Request) => {
      const url = new URL(request.url);
      if (
        url.pathname.includes("get_template_info") &&
        (url.pathname.includes(`/${child}/`) || url.searchParams.get("template_id") === child)
      )
        return Response.json({
          result: false,
          message: "iam authentication exception, please check, action:flow_view",
          code: 3599999,
          data: null,
        });
      return app(request);
    };
    const deployment = await startOn(standIn.dir, denying);
    try {
      const out = dir("bk-sops-mirror-denied-");
      const run = await cli(["mirror", ...mirrorArgs(deployment, out)], SECRET_ENV);
      expect(run.code, run.err).toBe(0);
      const summary = JSON.parse(readFileSync(join(out, ".mirror", "summary.json"), "utf8"));
      const reasons = Object.fromEntries(
        summary.skipped.map((s: { templateId: string; reason: string }) => [s.templateId, s.reason]),
      );
      expect(reasons[child]).toMatch(/the user may not read it \(.*iam authentication exception/);
      expect(reasons[String(parent.id)]).toMatch(
        new RegExp(`uses template ${child}, which was not mirrored`),
      );
      expect(run.out).toMatch(new RegExp(`template ${child}.*: the user may not read it`));
      expect(existsSync(join(out, `project-9-${parent.id}.json`))).toBe(false);
      expect(summary.mirrored.length).toBeGreaterThan(3);
      // The folder still loads: every file the mirror wrote is one the reference server accepts.
      const copy = await startOn(out);
      await copy.close();
    } finally {
      await deployment.close();
    }
  }, 60_000);

  it("exits 1 when a read failed, and the same command then resumes and tries it again", async () => {
    const template = String(standIn.corpus.find((t) => t.kind === "project")?.id);
    let failures = 1;
    // The deployment fails one template read once (a server error), then answers.
    const flaky = (app: (request: Request) => Response | Promise<Response>) => async (request: Request) => {
      const url = new URL(request.url);
      const read =
        url.pathname.includes("get_template_info") && url.searchParams.get("template_id") === template;
      if (read && failures > 0) {
        failures -= 1;
        return new Response("upstream exploded", { status: 502 });
      }
      return app(request);
    };
    const deployment = await startOn(standIn.dir, flaky);
    try {
      const out = dir("bk-sops-mirror-flaky-");
      const first = await cli(["mirror", ...mirrorArgs(deployment, out)], SECRET_ENV);
      expect(first.code).toBe(1);
      expect(first.out).toMatch(
        new RegExp(`template ${template}: get_template_info of template ${template}: HTTP 502`),
      );
      expect(first.out).toMatch(/1 read\(s\) failed: run the same command again/);
      const second = await cli(["mirror", ...mirrorArgs(deployment, out)], SECRET_ENV);
      expect(second.code, second.out).toBe(0);
      expect(second.out).toMatch(/skipped: none/);
      expect(existsSync(join(out, `project-9-${template}.json`))).toBe(true);
    } finally {
      await deployment.close();
    }
  });

  it("through the gateway alone, skips what only the ESB can read (an older version of a common flow), saying so", async () => {
    const deployment = await startOn(standIn.dir);
    try {
      const out = dir("bk-sops-mirror-gateway-");
      const args = [
        "--form",
        "gateway",
        "--base-url",
        deployment.gateway,
        ...mirrorArgs(deployment, out).slice(4),
      ];
      const run = await cli(["mirror", ...args], SECRET_ENV);
      expect(run.code, run.err).toBe(0);
      expect(run.out).toMatch(
        new RegExp(
          `template ${standIn.older.parent} .*: subprocess \\w+: pins version v-older of common template ${standIn.older.common}.*bk-sops has no gateway form of preview_common_task_tree \\(give the ESB's base too: --esb-url\\)`,
        ),
      );
      expect(run.out).toMatch(/canvas drawn: the deployment's could not be read/);
      // Not a failed read: the mirror is finished (nothing to try again) and only that parent is left out.
      const summary = JSON.parse(readFileSync(join(out, ".mirror", "summary.json"), "utf8"));
      expect(summary.failedReads).toBe(0);
      expect(summary.finishedAt).toEqual(expect.any(String));
      expect(summary.skipped.map((item: { templateId: string }) => item.templateId)).toEqual([
        String(standIn.older.parent),
      ]);
    } finally {
      await deployment.close();
    }
  });

  it("shows a progress bar on a terminal, and progress lines elsewhere", async () => {
    const deployment = await startOn(standIn.dir);
    try {
      const bar: string[] = [];
      const tty = await main(["mirror", ...mirrorArgs(deployment, dir("bk-sops-mirror-tty-"))], SECRET_ENV, {
        out: () => {},
        err: () => {},
        isTTY: true,
        progress: { write: (text) => bar.push(text), isTTY: true, columns: 100 },
      });
      expect(tty).toBe(0);
      expect(bar.join("")).toContain("\r\u001b[2Kmirror ");
      expect(bar.join("")).toMatch(/mirror [█░]+ \d+\/\d+ templates · \d+ reads/);
      const lines = await cli(
        ["mirror", ...mirrorArgs(deployment, dir("bk-sops-mirror-lines-"))],
        SECRET_ENV,
      );
      expect(lines.err).toMatch(/^mirror: \[1\/\d+\] template \d+ mirrored \(\d+ reads\)$/m);
      expect(lines.err).not.toMatch(/\r/);
      const quiet = await cli(
        ["mirror", ...mirrorArgs(deployment, dir("bk-sops-mirror-quiet-"), ["--no-progress"])],
        SECRET_ENV,
      );
      expect(quiet.err).toBe("");
    } finally {
      await deployment.close();
    }
  });

  it.each([
    [
      "no flags",
      [],
      /give --base-url URL[\s\S]*missing --app-code, --app-secret, --biz-id, --out, --bk-token/,
    ],
    [
      "a base URL that ends in an operation path",
      ["--base-url", "http://127.0.0.1:1/api/c/compapi/v2/sops/create_task/"],
      /ends in an operation path \(\/create_task\/\)/,
    ],
    ["a template id that is not one", ["--template-id", "7,x"], /a template id is a positive integer, not x/],
  ])("refuses %s with exit 2", async (_, args, message) => {
    const run = await cli(["mirror", ...args]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
  });

  it("refuses to mix an unfinished mirror of one business with another", async () => {
    const deployment = await startOn(standIn.dir);
    try {
      const out = dir("bk-sops-mirror-mixed-");
      const state = {
        tool: "bk-sops-contract mirror",
        deployment: "http://elsewhere",
        form: "esb",
        appCode: "x",
        bizId: "3",
        templateIds: "all",
        commonTemplateIds: [],
        allCommon: false,
        startedAt: new Date().toISOString(),
        files: [],
      };
      const { mkdirSync, writeFileSync } = await import("node:fs");
      mkdirSync(join(out, ".mirror"), { recursive: true });
      writeFileSync(join(out, ".mirror", "state.json"), JSON.stringify(state));
      const run = await cli(["mirror", ...mirrorArgs(deployment, out)], SECRET_ENV);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(
        /holds an unfinished mirror of business 3 at http:\/\/elsewhere: use another --out, or --fresh/,
      );
      const fresh = await cli(["mirror", ...mirrorArgs(deployment, out, ["--fresh"])], SECRET_ENV);
      expect(fresh.code, fresh.err).toBe(0);
    } finally {
      await deployment.close();
    }
  });
});
