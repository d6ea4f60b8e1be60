import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/cli.js";
import { assertWellFormedXml } from "./xml.js";

const dir = mkdtempSync(join(tmpdir(), "bk-sops-contract-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A loopback port nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, env, { out: (t) => out.push(t), err: (t) => err.push(t), isTTY: false });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("bk-sops-contract CLI", () => {
  it("exits 2 with a one-line reason on an unknown flag", async () => {
    const run = await cli(["--target", "reference", "--nope"]);
    expect(run.code).toBe(2);
    expect(run.err.split("\n")).toHaveLength(1);
    expect(run.err).toMatch(/--nope/);
  });

  it("exits 2 when no target is given, or credentials are missing for a base URL", async () => {
    expect((await cli([])).code).toBe(2);
    const run = await cli(["--base-url", "http://127.0.0.1:9"]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/missing --app-code, --app-secret, --biz-id, --template-id, --bk-token/);
  });

  it("exits 2 with a one-line reason when the base URL is unreachable", async () => {
    const port = await closedPort();
    const run = await cli([
      "--base-url",
      `http://127.0.0.1:${port}`,
      "--app-code",
      "a",
      "--app-secret",
      "s3cret-value",
      "--bk-token",
      "token-value",
      "--biz-id",
      "2",
      "--template-id",
      "1",
      "--timeout",
      "2000",
    ]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(
      new RegExp(
        `^bk-sops-contract: cannot reach http://127\\.0\\.0\\.1:${port}/api/c/compapi/v2/sops/create_task/: ECONNREFUSED$`,
      ),
    );
    expect(run.err.split("\n")).toHaveLength(1);
  });

  it("exits 0 against the reference server and writes JUnit, JSON and HTML reports", async () => {
    const reports = join(dir, "ok");
    const run = await cli(["--target", "reference", "--report-dir", reports]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/✓ PASS examples\.createTaskEsb\.documented/);
    expect(run.out).toMatch(/total\s+88\s+0\s+0|total\s+\d+\s+0\s+0/);
    assertWellFormedXml(readFileSync(join(reports, "junit.xml"), "utf8"));
    const json = JSON.parse(readFileSync(join(reports, "report.json"), "utf8"));
    expect(json.summary.failed).toBe(0);
    expect(json.summary.skipped).toBe(0);
    expect(json.summary.passed).toBe(json.checks.length);
    expect(json.checks[0]).toMatchObject({ id: expect.any(String), status: "passed", reason: null });
    // Every check names the operation it verifies, and the run names the spec it used.
    expect(json.spec).toEqual({ title: expect.any(String), version: expect.stringMatching(/^\d+\.\d+/) });
    expect(json.checks.every((c: { operationId?: string }) => typeof c.operationId === "string")).toBe(true);
    const counted = Object.values(json.operations as Record<string, { passed: number }>);
    expect(counted.reduce((sum, op) => sum + op.passed, 0)).toBe(json.summary.passed);
    expect(Object.keys(json.operations)).toEqual(expect.arrayContaining(["createTask", "createTaskEsb"]));
    const html = readFileSync(join(reports, "report.html"), "utf8");
    expect(html).toMatch(/curl -sS -X POST/);
    expect(html).toContain("&quot;bk_app_secret&quot;:&quot;***&quot;");
  });

  it("exits 1 when a check fails, and masks the secrets everywhere it prints them", async () => {
    // The trusted demo app skips IAM, so the untrusted app's documented answer does not apply.
    const reports = join(dir, "fail");
    const secret = "demo-secret";
    const run = await cli(
      [
        "--target",
        "reference",
        "--app-code",
        "demo_trusted",
        "--only",
        "examples.createTask.template_not_found",
        "--report-dir",
        reports,
      ],
      { BK_SOPS_CONTRACT_APP_SECRET: secret },
    );
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/✗ FAIL examples\.createTask\.template_not_found/);
    const files = ["junit.xml", "report.json", "report.html"].map((name) =>
      readFileSync(join(reports, name), "utf8"),
    );
    for (const text of [run.out, ...files]) expect(text).not.toContain(secret);
    const json = JSON.parse(files[1] ?? "{}");
    expect(json.summary).toEqual({ passed: 0, failed: 1, skipped: 0 });
    expect(
      json.checks.find((c: { id: string }) => c.id === "examples.createTask.template_not_found").reason,
    ).toMatch(/difference/);
    expect(files[2]).toContain("curl -sS");
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
    expect(run.out).toMatch(/reference server .*\(esb form\)/);
    expect(run.out).toMatch(/✓ PASS negative\.missing-name/);
  });

  it("lists every check id with --list", async () => {
    const run = await cli(["--list"]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^examples\.createTask\.documented /m);
    expect(run.out).toMatch(/^schema\.semantics\.fresh-ids /m);
  });
});
