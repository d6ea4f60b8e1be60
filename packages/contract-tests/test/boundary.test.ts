import { execFile, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QA_ENV, qaArgs } from "./cli-helpers.js";
import { type Deployment, QA, startDeployment } from "./deployment.js";

const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const TRACER = fileURLToPath(new URL("./fixtures/trace-loads.mjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "bk-sops-contract-boundary-"));

/** Runs the built CLI in a child process and returns every module URL it resolved. */
async function loadsOf(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; loads: string[]; out: string }> {
  const trace = join(dir, `trace-${Math.random().toString(16).slice(2)}.txt`);
  writeFileSync(trace, "");
  const run = promisify(execFile);
  let code = 0;
  let out = "";
  try {
    ({ stdout: out } = await run(process.execPath, ["--import", TRACER, CLI, ...args], {
      env: { PATH: process.env.PATH, ...env, TRACE_LOADS: trace },
    }));
  } catch (error) {
    code = (error as { code?: number }).code ?? 1;
    out = String((error as { stdout?: string }).stdout ?? "");
  }
  return { code, loads: readFileSync(trace, "utf8").split("\n").filter(Boolean), out };
}

const SERVER = /apps\/server\/|@bksops\/server|better-sqlite3/;

describe("the package boundary", () => {
  let deployment: Deployment;
  beforeAll(async () => {
    deployment = await startDeployment();
  });
  afterAll(async () => {
    await deployment.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a base-URL run loads neither the reference server nor better-sqlite3", async () => {
    const run = await loadsOf(
      qaArgs(deployment, ["--only", "negative.missing-name,examples.getTemplateInfo.documented"]),
      QA_ENV,
    );
    expect(run.out).toMatch(/PASSED/);
    expect(run.code).toBe(0);
    expect(run.loads.length).toBeGreaterThan(10);
    expect(run.loads.filter((url) => SERVER.test(url))).toEqual([]);
  });

  it("neither does a mirror of a deployment", async () => {
    const out = join(dir, "mirror");
    const run = await loadsOf(
      [
        "mirror",
        "--base-url",
        deployment.esb,
        "--app-code",
        QA.appCode,
        "--bk-token",
        QA.bkToken,
        "--biz-id",
        QA.bizId,
        "--out",
        out,
      ],
      QA_ENV,
    );
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^mirrored \d+ template/m);
    expect(run.loads.filter((url) => SERVER.test(url))).toEqual([]);
  });

  it("nor the validating proxy", async () => {
    const trace = join(dir, "trace-proxy.txt");
    writeFileSync(trace, "");
    const child = spawn(
      process.execPath,
      [
        "--import",
        TRACER,
        CLI,
        "proxy",
        "--upstream",
        deployment.esb,
        "--port",
        "0",
        "--report-dir",
        join(dir, "proxy"),
      ],
      {
        env: { PATH: process.env.PATH, TRACE_LOADS: trace },
      },
    );
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
    });
    for (let i = 0; i < 500 && !/listening on (\S+),/.test(out); i += 1)
      await new Promise((r) => setTimeout(r, 10));
    const url = /listening on (\S+),/.exec(out)?.[1];
    const answer = await fetch(`${url}/api/bk-sops/prod/get_template_list/${QA.bizId}/`, {
      headers: {
        "X-Bkapi-Authorization": JSON.stringify({
          bk_app_code: QA.appCode,
          bk_app_secret: QA.appSecret,
          bk_token: QA.bkToken,
        }),
      },
    });
    expect(answer.status).toBe(200);
    child.kill("SIGTERM");
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).toBe(0);
    expect(out).toMatch(/PASSED: 1 checks/);
    const loads = readFileSync(trace, "utf8").split("\n").filter(Boolean);
    expect(loads.length).toBeGreaterThan(10);
    expect(loads.filter((url) => SERVER.test(url))).toEqual([]);
  });

  it("while --target reference loads them (so the trace can see them)", async () => {
    const run = await loadsOf(["--target", "reference", "--only", "negative.missing-name"]);
    expect(run.code).toBe(0);
    expect(run.loads.some((url) => /better-sqlite3/.test(url))).toBe(true);
    expect(run.loads.some((url) => /apps\/server\//.test(url))).toBe(true);
  });
});
