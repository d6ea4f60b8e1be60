// The proxy as a command: it says where it listens, prints a line per exchange, writes its
// reports when it stops (and on demand), exits 1 when live traffic broke the spec, and refuses bad
// usage in one line per problem.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proxyMain } from "../../src/proxy/cli.js";
import { wrongStatusOnError } from "../broken-servers.js";
import { cli } from "../cli-helpers.js";
import { call } from "../mirror/calls.js";
import { temporaryDir } from "../mirror/helpers.js";
import { BIZ, CALLER, type Deployment, type StandIn, startOn, writeStandIn } from "../mirror/stand-in.js";

/** Runs the proxy command until `stop` is called; resolves its exit code and output. */
function running(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  let stop: () => void = () => {};
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const code = proxyMain(
    argv,
    {},
    { out: (t) => out.push(t), err: (t) => err.push(t), isTTY: false },
    stopped,
  );
  const url = async () => {
    for (let i = 0; i < 200 && !out.some((line) => line.includes("listening on")); i += 1)
      await new Promise((resolve) => setTimeout(resolve, 10));
    return /listening on (\S+),/.exec(out.join("\n"))?.[1] ?? "";
  };
  return { out, err, code, url, stop };
}

describe("the proxy command", () => {
  let standIn: StandIn;
  let broken: Deployment;
  const reports = temporaryDir("bk-sops-proxy-cli-");
  beforeAll(async () => {
    standIn = writeStandIn(20261207, 6);
    broken = await startOn(standIn.dir, wrongStatusOnError);
  });
  afterAll(async () => {
    await broken.close();
    rmSync(standIn.dir, { recursive: true, force: true });
    rmSync(reports, { recursive: true, force: true });
  });

  it("prints a line per exchange, writes its reports on demand and when stopped, and exits 1 on a broken answer", async () => {
    const run = running(["--upstream", broken.esb, "--port", "0", "--report-dir", reports, "--no-color"]);
    const url = await run.url();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const bases = { esb: url, gateway: `${url}/api/bk-sops/prod` };
    const template = String(standIn.corpus.find((t) => t.kind === "project")?.id);
    const ok = await call(bases, "gateway", "get_template_info", [
      ["template_id", template],
      ["bk_biz_id", String(BIZ)],
    ]);
    expect(ok.status).toBe(200);
    // No name: bk-sops answers HTTP 200 with its error envelope; this server answers 400.
    const refused = await call(
      bases,
      "esb",
      "create_task",
      [
        ["template_id", template],
        ["bk_biz_id", String(BIZ)],
      ],
      { method: "POST", body: {} },
    );
    expect(refused.status).toBe(400);
    const written = (await (await fetch(`${url}/_bksops-proxy/report`, { method: "POST" })).json()) as {
      data: { files: string[] };
    };
    expect(written.data.files.map((file) => file.slice(reports.length + 1)).sort()).toEqual([
      "junit.xml",
      "report.html",
      "report.json",
      "rules.jsonl",
    ]);
    const live = (await (await fetch(`${url}/_bksops-proxy/report.json`)).json()) as { summary: unknown };
    expect(live.summary).toEqual({ passed: 1, failed: 1, skipped: 0 });
    run.stop();
    expect(await run.code).toBe(1);
    const output = run.out.join("\n");
    expect(output).toMatch(/✓ PASS live\.0001\.get_template_info/);
    expect(output).toMatch(
      /✗ FAIL live\.0002\.create_task — \(status\): HTTP 400, but the answer is what the spec documents for HTTP 200/,
    );
    expect(output).toMatch(/FAILED: 2 checks: 2 ran, 1 passed, 1 failed, 0 skipped/);
    expect(output).not.toContain(CALLER.appSecret);
    expect(JSON.parse(readFileSync(join(reports, "report.json"), "utf8")).summary.failed).toBe(1);
    expect(existsSync(join(reports, "rules.jsonl"))).toBe(true);
  });

  it.each([
    ["no upstream", [], /give --upstream URL/],
    ["a replay without a server", ["--replay", "rules.jsonl"], /--replay needs --server URL/],
    [
      "a port that is not one",
      ["--upstream", "http://127.0.0.1:1", "--port", "70000"],
      /--port must be an integer from 0 to 65535, not 70000/,
    ],
    [
      "an ESB base that is not a URL",
      ["--upstream", "http://127.0.0.1:1", "--esb-url", "paas host"],
      /not a URL: paas host/,
    ],
  ])("refuses %s with exit 2", async (_, args, message) => {
    const run = await cli(["proxy", ...args]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(message);
  });
});
