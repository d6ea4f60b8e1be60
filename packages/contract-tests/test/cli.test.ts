import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ignoresConstants } from "./broken-servers.js";
import { cli, closedPort, QA_ENV, qaArgs, withoutTrusted } from "./cli-helpers.js";
import { type Deployment, QA, startDeployment } from "./deployment.js";
import { assertWellFormedXml } from "./xml.js";

const dir = mkdtempSync(join(tmpdir(), "bk-sops-contract-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = (text: string) => text.split("\n").filter(Boolean);

describe("bk-sops-contract CLI: usage", () => {
  it("exits 2 with one line per problem on bad usage, each prefixed", async () => {
    const run = await cli(["--target", "reference", "--nope"]);
    expect(run.code).toBe(2);
    expect(lines(run.err)[0]).toMatch(/^bk-sops-contract: .*--nope/);
    for (const line of lines(run.err)) expect(line).toMatch(/^bk-sops-contract: /);
  });

  it("exits 2 when no target is given, or credentials are missing for a base URL", async () => {
    expect((await cli([])).code).toBe(2);
    const run = await cli(["--base-url", "http://127.0.0.1:9"]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/missing --app-code, --app-secret, --biz-id, --template-id, --bk-token/);
  });

  it("hints at the base URL when the one given ends in an operation path", async () => {
    const run = await cli(
      ["--base-url", "https://bkapi.example.com/api/bk-sops/prod/create_task/1/2/", "--form", "gateway"],
      {},
    );
    expect(run.code).toBe(2);
    expect(run.err).toMatch(
      /ends in an operation path \(\/create_task\/1\/2\/\): give the base URL, e\.g\. https:\/\/bkapi\.example\.com\/api\/bk-sops\/prod/,
    );
  });

  it("refuses unknown keys in the config file", async () => {
    const config = join(dir, "typo.json");
    writeFileSync(config, JSON.stringify({ target: "reference", appSecrett: "x", maxSkiped: 1 }));
    const run = await cli(["--config", config]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/unknown key\(s\) app-secrett, max-skiped/);
  });

  it("exits 2 when the selection matches no check", async () => {
    const run = await cli(["--target", "reference", "--only", "nosuch.check"]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/no check matches --only nosuch\.check/);
  });

  it("refuses to create tasks on a host that is not loopback, naming the flag, unless the run is read-only", async () => {
    const args = [
      "--base-url",
      "http://bk-sops.invalid",
      "--app-code",
      "a",
      "--app-secret",
      "s3cret",
      "--bk-token",
      "t0ken",
      "--biz-id",
      "2",
      "--template-id",
      "1",
      "--timeout",
      "2000",
    ];
    const refused = await cli(args);
    expect(refused.code).toBe(2);
    expect(lines(refused.err)).toHaveLength(1);
    expect(refused.err).toMatch(/not loopback .*--allow-writes.*--read-only/);
    // Read-only is allowed: it goes on to the preflight, which cannot reach the host.
    const readOnly = await cli([...args, "--read-only"]);
    expect(readOnly.code).toBe(2);
    expect(readOnly.err).toMatch(
      /cannot reach http:\/\/bk-sops\.invalid\/api\/c\/compapi\/v2\/sops\/get_template_info\//,
    );
  });

  it("lists every check id once with --list (no schema twins)", async () => {
    const run = await cli(["--list"]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^examples\.createTask\.documented /m);
    expect(run.out).toMatch(/^examples\.getTemplateInfo\.documented /m);
    expect(run.out).toMatch(/^semantics\.wiring /m);
    expect(run.out).not.toMatch(/^schema\./m);
  });
});

describe("bk-sops-contract CLI: the preflight", () => {
  let deployment: Deployment;
  beforeAll(async () => {
    deployment = await startDeployment();
  });
  afterAll(() => deployment.close());

  it("exits 2 with one line when the base URL is unreachable", async () => {
    const port = await closedPort();
    const run = await cli(
      [
        "--base-url",
        `http://127.0.0.1:${port}`,
        "--app-code",
        "a",
        "--bk-token",
        "t0ken",
        "--biz-id",
        "2",
        "--template-id",
        "1",
        "--timeout",
        "2000",
      ],
      { BK_SOPS_CONTRACT_APP_SECRET: "s3cret-value" },
    );
    expect(run.code).toBe(2);
    expect(run.err).toContain(
      `bk-sops-contract: cannot reach http://127.0.0.1:${port}/api/c/compapi/v2/sops/get_template_info/: ECONNREFUSED`,
    );
    expect(run.out).not.toMatch(/PASS|FAIL/);
  });

  it("gives one verdict for a wrong secret: one line per form, exit 2, no check run", async () => {
    const run = await cli(qaArgs(deployment), { ...QA_ENV, BK_SOPS_CONTRACT_APP_SECRET: "not-the-secret" });
    expect(run.code).toBe(2);
    const problems = lines(run.err).filter((line) => /credentials refused/.test(line));
    expect(problems).toEqual([
      expect.stringMatching(/credentials refused \(esb form\): APP Secret verification failed/),
      expect.stringMatching(
        /credentials refused \(gateway form\): Parameters error \[reason="bk_app_code or bk_app_secret is incorrect"\]/,
      ),
    ]);
    expect(run.err).not.toContain("not-the-secret");
  });

  it("names a business or a template that does not exist", async () => {
    const business = await cli(qaArgs(deployment, ["--biz-id", "404"]), QA_ENV);
    expect(business.code).toBe(2);
    expect(business.err).toMatch(/business: project\(404\) with scope\(cmdb_biz\) does not exist\./);
    const template = await cli(qaArgs(deployment, ["--template-id", "404404"]), QA_ENV);
    expect(template.code).toBe(2);
    expect(template.err).toMatch(/template 404404 of business 7: .*TaskTemplate\(id=404404\) does not exist/);
  });

  it("tells a base URL that is not the gateway's stage URL from one that is", async () => {
    const run = await cli(
      ["--base-url", `${deployment.esb}/api/bk-sops`, "--form", "gateway", ...qaArgs(deployment).slice(4)],
      QA_ENV,
    );
    expect(run.code).toBe(2);
    expect(run.err).toMatch(
      /answered 404 "API not found": the gateway base URL must be the gateway's stage URL/,
    );
  });
});

describe("bk-sops-contract CLI: verdicts and reports", () => {
  let deployment: Deployment;
  let broken: Deployment;
  beforeAll(async () => {
    deployment = await startDeployment();
    broken = await startDeployment(ignoresConstants);
  });
  afterAll(async () => {
    await deployment.close();
    await broken.close();
  });

  it("exits 0 against the reference server and writes JUnit, JSON and HTML reports", async () => {
    const reports = join(dir, "ok");
    const run = await cli(["--target", "reference", "--report-dir", reports]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/✓ PASS examples\.createTaskEsb\.documented/);
    expect(run.out).toMatch(
      /^PASSED: (\d+) checks: \1 ran, \1 passed, 0 failed, 0 skipped \(\d+\.\d\d s\)$/m,
    );
    expect(run.out).toMatch(/esb and gateway forms/);
    assertWellFormedXml(readFileSync(join(reports, "junit.xml"), "utf8"));
    const json = JSON.parse(readFileSync(join(reports, "report.json"), "utf8"));
    expect(json.summary.failed).toBe(0);
    expect(json.summary.skipped).toBe(0);
    // Each check counts once; the schema verdicts are counted apart.
    expect(json.summary.passed).toBe(json.checks.length);
    expect(json.checks.some((c: { id: string }) => c.id.startsWith("schema."))).toBe(false);
    expect(json.schema.checked).toBeGreaterThan(0);
    expect(json.checks[0]).toMatchObject({
      id: expect.any(String),
      status: "passed",
      reason: null,
      schema: expect.any(String),
    });
    expect(json.spec).toEqual({ title: expect.any(String), version: expect.stringMatching(/^\d+\.\d+/) });
    expect(json.forms).toEqual(["esb", "gateway"]);
    expect(json.target).toMatch(/^reference server /);
    expect(json.checks.every((c: { operationId?: string }) => typeof c.operationId === "string")).toBe(true);
    const counted = Object.values(json.operations as Record<string, { passed: number }>);
    expect(counted.reduce((sum, op) => sum + op.passed, 0)).toBe(json.summary.passed);
    expect(Object.keys(json.operations)).toEqual(
      expect.arrayContaining(["createTask", "createTaskEsb", "getTemplateInfo"]),
    );
    expect(json.createdTasks.length).toBeGreaterThan(0);
    expect(json.createdTasks[0]).toMatchObject({
      taskId: expect.any(Number),
      taskUrl: expect.stringMatching(/instance_id=/),
    });
    for (const family of ["preflight", "examples", "semantics", "negative"])
      expect(json.latency[family]).toMatchObject({
        requests: expect.any(Number),
        p50: expect.any(Number),
        p95: expect.any(Number),
        max: expect.any(Number),
      });
    const html = readFileSync(join(reports, "report.html"), "utf8");
    expect(html).toMatch(/curl -sS -X POST/);
    expect(html).toMatch(/Tasks created/);
    expect(html).toMatch(/Latency/);
  });

  it("exits 1 on a failing check, masks the secrets, and prints curl lines that run as printed", async () => {
    const reports = join(dir, "fail");
    const run = await cli(
      qaArgs(broken, ["--only", "semantics.constants-applied", "--report-dir", reports]),
      QA_ENV,
    );
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/✗ FAIL semantics\.constants-applied — .*constants\["\$\{version\}"\]\.value/);
    expect(run.out).toMatch(/^FAILED: 1 checks: 1 ran, 0 passed, 1 failed, 0 skipped/m);
    const files = ["junit.xml", "report.json", "report.html"].map((name) =>
      readFileSync(join(reports, name), "utf8"),
    );
    for (const text of [run.out, run.err, ...files]) {
      expect(text).not.toContain(QA.appSecret);
      expect(text).not.toContain(QA.bkToken);
    }
    const json = JSON.parse(files[1] ?? "{}");
    const check = json.checks.find((c: { id: string }) => c.id === "semantics.constants-applied");
    expect(check.differences[0].kind).toBe("constants-applied");
    const curl: string = check.requests.find((r: { curl: string }) => r.curl.includes("create_task")).curl;
    expect(curl).toContain("${BK_SOPS_CONTRACT_BK_TOKEN}");
    // The line runs as printed: the secrets come from the environment.
    // (asynchronously: the server answering it runs in this process)
    const { stdout } = await promisify(execFile)("sh", ["-c", curl], {
      env: { PATH: process.env.PATH, ...QA_ENV, BK_SOPS_CONTRACT_BK_TOKEN: QA.bkToken },
    });
    const answer = JSON.parse(stdout);
    expect(answer.result).toBe(true);
  });

  it("fails the run on skipped checks with --max-skipped or --fail-on-skip", async () => {
    const only = ["--only", "examples.createTask.trusted_common_template_not_found,negative.missing-name"];
    const env = { BK_SOPS_CONTRACT_APP_SECRET: QA.appSecret };
    const allowed = await cli(withoutTrusted(qaArgs(deployment, [...only, "--max-skipped", "1"])), env);
    expect(allowed.code).toBe(0);
    expect(allowed.out).toMatch(/2 checks: 1 ran, 1 passed, 0 failed, 1 skipped/);
    const strict = await cli(withoutTrusted(qaArgs(deployment, [...only, "--fail-on-skip"])), env);
    expect(strict.code).toBe(1);
    expect(strict.out).toMatch(
      /1 check\(s\) skipped, more than --max-skipped 0 allows \(examples\.createTask\.trusted_common_template_not_found\)/,
    );
  });

  it("fails the run when a family's p95 latency is above --max-latency-ms", async () => {
    const run = await cli(
      qaArgs(deployment, ["--only", "negative.missing-name", "--max-latency-ms", "1", "--form", "gateway"]),
      QA_ENV,
    );
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/p95 latency \d+ ms is above --max-latency-ms 1/);
  });

  it("selects checks with --only and --skip, by id or dotted prefix", async () => {
    const reports = join(dir, "only");
    const run = await cli([
      "--target",
      "reference",
      "--only",
      "negative,semantics.graph",
      "--skip",
      "negative.wrong-method",
      "--report-dir",
      reports,
    ]);
    expect(run.code).toBe(0);
    const ids: string[] = JSON.parse(readFileSync(join(reports, "report.json"), "utf8")).checks.map(
      (c: { id: string }) => c.id,
    );
    expect(ids).toContain("negative.missing-name");
    expect(ids).toContain("semantics.graph");
    expect(ids).not.toContain("negative.wrong-method");
    expect(ids.every((id) => id.startsWith("negative.") || id === "semantics.graph")).toBe(true);
  });

  it("reads settings from BK_SOPS_CONTRACT_* and from a --config file, flags first", async () => {
    const config = join(dir, "config.json");
    writeFileSync(
      config,
      JSON.stringify({ target: "prism", only: ["negative.missing-name"], form: "gateway" }),
    );
    const run = await cli(["--config", config, "--target", "reference"], { BK_SOPS_CONTRACT_FORM: "esb" });
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/reference server .*semantics through the esb form/);
    expect(run.out).toMatch(/✓ PASS negative\.missing-name/);
  });
});
