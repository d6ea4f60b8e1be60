// A deployment whose gateway and ESB live on different hosts (bkapi.… and the PaaS host): the proxy
// forwards gateway traffic to the gateway's host, and reads what only the ESB can show (an older
// version of a common flow, through preview_common_task_tree) from the ESB's host given by esbUrl.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FetchFn } from "../../src/index.js";
import { type RunningProxy, startProxy } from "../../src/proxy/server.js";
import { call } from "../mirror/calls.js";
import { temporaryDir } from "../mirror/helpers.js";
import { BIZ, type Deployment, type StandIn, startOn, writeStandIn } from "../mirror/stand-in.js";

const ESB_PATH = "/api/c/compapi/";

/** The gateway's host: the ESB's paths are not there. */
const gatewayOnly =
  (app: FetchFn): FetchFn =>
  (request) =>
    new URL(request.url).pathname.startsWith(ESB_PATH)
      ? Promise.resolve(new Response('{"result":false,"message":"API not found"}', { status: 404 }))
      : app(request);

describe("the proxy in front of a gateway whose ESB is on another host", () => {
  let standIn: StandIn;
  let gatewayHost: Deployment;
  let esbHost: Deployment;
  const esbReads: string[] = [];
  const reports = temporaryDir("bk-sops-proxy-esb-");
  beforeAll(async () => {
    standIn = writeStandIn(20261205, 10);
    gatewayHost = await startOn(standIn.dir, gatewayOnly);
    esbHost = await startOn(standIn.dir, (app) => (request) => {
      esbReads.push(new URL(request.url).pathname);
      return app(request);
    });
  });
  afterAll(async () => {
    await gatewayHost?.close();
    await esbHost?.close();
    if (standIn) rmSync(standIn.dir, { recursive: true, force: true });
    rmSync(reports, { recursive: true, force: true });
  });

  /** A gateway create of the template whose subprocess pins an older version of a common flow. */
  async function createThrough(proxy: RunningProxy) {
    const answer = await call(
      { esb: proxy.url, gateway: `${proxy.url}/api/bk-sops/prod` },
      "gateway",
      "create_task",
      [
        ["template_id", String(standIn.older.parent)],
        ["bk_biz_id", String(BIZ)],
      ],
      { method: "POST", body: { name: "pins an older common flow" } },
    );
    expect(answer.status).toBe(200);
    await proxy.settled();
    const creates = proxy.result().checks.filter((check) => check.id.endsWith(".create_task"));
    expect(creates).toHaveLength(1);
    return creates[0];
  }

  it("without esbUrl, says the create could not be predicted, and why", async () => {
    const proxy = await startProxy({ upstream: gatewayHost.esb, reportDir: reports });
    try {
      const check = await createThrough(proxy);
      expect(check?.status).toBe("passed");
      expect(check?.reason).toMatch(/not predicted: .*preview_common_task_tree/);
    } finally {
      await proxy.close();
    }
  });

  it("with esbUrl, reads the older version from the ESB's host and judges the create against it", async () => {
    esbReads.length = 0;
    const proxy = await startProxy({ upstream: gatewayHost.esb, esbUrl: esbHost.esb, reportDir: reports });
    try {
      const check = await createThrough(proxy);
      expect(check?.status, check?.reason).toBe("passed");
      expect(check?.reason ?? "").not.toMatch(/not predicted/);
      expect(check?.verifies).toMatch(/predicted/);
      expect(esbReads.some((path) => path.includes("/preview_common_task_tree/"))).toBe(true);
    } finally {
      await proxy.close();
    }
  });
});
