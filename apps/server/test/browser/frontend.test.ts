// A frontend on another origin, in Chromium, against the reference server over real HTTP: the
// create-a-task workflow with the user's bk_token cookie (CORS with credentials), scenarios forced
// without code (Prefer and the control API), the journal and a reset. Screenshots go to reports/.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestContext,
  type RunningServer,
  startServer,
  type TestServerContext,
} from "../../src/testing.js";

const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const chromiumMissing = existsSync(chromiumPath)
  ? undefined
  : `no Chromium at ${chromiumPath}: install Debian's chromium or set CHROMIUM_PATH`;
// Under CI a missing browser is a failure, never a skip.
if (chromiumMissing && process.env.CI)
  throw new Error(`CI needs the frontend browser test: ${chromiumMissing}`);
if (chromiumMissing) console.warn(`frontend.test: SKIPPED (${chromiumMissing})`);

const FRONTEND_DIR = fileURLToPath(new URL("./frontend/", import.meta.url));
const REPORTS = fileURLToPath(new URL("../../reports/", import.meta.url));
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript" };

/** The frontend's own origin: a static server of ./frontend on a free loopback port. */
async function serveFrontend(): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const name = new URL(request.url ?? "/", "http://x").pathname.replace(/^\/+/, "") || "index.html";
    const file = join(FRONTEND_DIR, name);
    if (!file.startsWith(FRONTEND_DIR) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe.skipIf(chromiumMissing !== undefined)("a frontend on another origin, in Chromium", () => {
  let frontend: { server: Server; origin: string };
  let context: TestServerContext;
  let api: RunningServer;
  let browser: Browser;
  let browserContext: BrowserContext;
  let page: Page;
  const offSite: string[] = [];
  let taskId = 0;

  const text = async (selector: string) => (await page.locator(selector).textContent()) ?? "";
  /** Waits until the last action `name` says it is done or failed, and returns what #status says. */
  async function settled(name: string): Promise<string> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const status = await text("#status");
      if (status.startsWith(name) && /(done in|failed after) \d+ ms$/.test(status)) return status;
      if (Date.now() > deadline) throw new Error(`${name} did not end within 20 s: #status says "${status}"`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  async function click(id: string): Promise<string> {
    await page.click(`#${id}`);
    return settled(id);
  }
  const screenshot = (name: string) =>
    page.screenshot({ path: join(REPORTS, `frontend-${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(REPORTS, { recursive: true });
    frontend = await serveFrontend();
    // Plugin nodes run 50 ms: the demo task finishes well within a second.
    context = createTestContext({
      controls: true,
      corsOrigins: [frontend.origin],
      timing: { speed: 20, nodeMs: 1000, componentMs: {} },
    });
    api = await startServer(context.app.fetch, { port: 0, host: "127.0.0.1" });
    browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });
    browserContext = await browser.newContext();
    // The user's login cookie, as BlueKing's login sets it for the API's host (ports do not count).
    await browserContext.addCookies([{ name: "bk_token", value: "xxx", url: api.url }]);
    page = await browserContext.newPage();
    page.on("request", (request) => {
      const { origin } = new URL(request.url());
      if (origin !== frontend.origin && origin !== api.url && !request.url().startsWith("data:")) {
        offSite.push(request.url());
      }
    });
    await page.goto(`${frontend.origin}/index.html?api=${encodeURIComponent(api.url)}&biz=2`);
    expect(await settled("load")).toMatch(/^load done/);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    context?.close();
    await new Promise((resolve) => frontend?.server.close(resolve));
  });

  it("lists templates, renders a template's constants and picks a scheme", async () => {
    const options = await page.locator("#template option").allInnerTexts();
    expect(options).toContain("parallel release with optional steps (#2)");
    await page.selectOption("#template", "2");
    expect(await settled("template")).toMatch(/^template done/);
    const constants: Array<[string | null, string]> = [];
    for (const input of await page.locator("#constants input").all()) {
      constants.push([await input.getAttribute("name"), await input.inputValue()]);
    }
    expect(constants).toEqual([
      ["${version}", "1.0.0"],
      ["${job_ip}", "127.0.0.1"],
      ["${script_timeout}", "600"],
    ]);
    expect(await page.locator("#scheme option").allInnerTexts()).toEqual([
      "all nodes",
      "deploy only",
      "with backup",
    ]);
    await page.fill('#constants input[name="${version}"]', "2.0.0");
    await page.selectOption("#scheme", { label: "with backup" });
  });

  it("previews, creates and starts the task, then polls until it has finished", async () => {
    expect(await click("preview")).toMatch(/^preview done/);
    expect(await page.locator("#preview-nodes li").allInnerTexts()).toEqual([
      "backup config",
      "verify backup",
      "deploy release",
    ]);
    expect(await click("create")).toMatch(/^create done/);
    const created = /^task (\d+): 3 nodes$/.exec(await text("#task"));
    expect(created).not.toBeNull();
    taskId = Number(created?.[1]);
    // The task belongs to the cookie's user and carries the value typed in the form.
    const stored = context.store.tasks.find(taskId);
    expect(stored?.creator).toBe("admin");
    expect(JSON.parse(stored?.pipelineTreeJson ?? "{}").constants["${version}"].value).toBe("2.0.0");
    expect(await click("start")).toMatch(/^start done/);
    expect(await text("#task-state")).toBe("FINISHED");
    await screenshot("finished");
  });

  it.each([
    [
      "a permission denial",
      "example=permission_denied",
      /^refused \(HTTP 200, code 3599999\): iam authentication exception/,
    ],
    ["a server error", "code=500", /^server error \(HTTP 500\)/],
  ])("shows %s forced with Prefer, without code", async (_what, prefer, shown) => {
    await page.fill("#prefer", prefer);
    expect(await click("reload-templates")).toMatch(/^reload-templates failed/);
    expect(await text("#error")).toMatch(shown);
  });

  it("shows a template that is not found, forced with Prefer", async () => {
    await page.fill("#prefer", "example=template_not_found");
    await page.selectOption("#template", "6");
    expect(await settled("template")).toMatch(/^template failed/);
    expect(await text("#error")).toMatch(/^refused \(HTTP 200, code 3540400\): .*does not exist/);
  });

  it("waits for an answer delayed 3 s with Prefer", async () => {
    await page.fill("#prefer", "delay=3000");
    const status = await click("reload-templates");
    const ms = Number(/done in (\d+) ms$/.exec(status)?.[1]);
    expect(ms).toBeGreaterThanOrEqual(3000);
  });

  it("shows a dropped connection forced through the control API", async () => {
    expect(await click("drop")).toMatch(/^drop done/);
    expect(await click("reload-templates")).toMatch(/^reload-templates failed/);
    expect(await text("#error")).toMatch(/^network error: /);
    // Once the rule is lifted, the same call is answered again.
    expect(await click("restore")).toMatch(/^restore done/);
    expect(await click("reload-templates")).toMatch(/^reload-templates done/);
    await screenshot("scenarios");
  });

  it("reads the journal, secrets masked, then resets the mock", async () => {
    expect(await click("journal")).toMatch(/^journal done/);
    const lines = await page.locator("#journal-entries li").allInnerTexts();
    expect(lines).toEqual(
      expect.arrayContaining([
        "GET get_template_list 200",
        "GET get_template_info 200",
        "GET get_template_schemes 200",
        "POST preview_task_tree 200",
        "POST create_task 200",
        "POST start_task 200",
        "GET get_task_status 200",
        "GET get_template_list 500",
        "GET get_template_list unanswered",
      ]),
    );
    const entries: string[] = [];
    for (const item of await page.locator("#journal-entries li").all()) {
      entries.push((await item.getAttribute("data-entry")) ?? "");
    }
    const everything = entries.join("\n");
    expect(everything).toContain("esb_test");
    expect(everything).not.toMatch(/"bk_app_secret\\?":\\?"xxx|bk_token=xxx/);

    expect(await click("reset")).toMatch(/^reset done/);
    expect(context.store.tasks.find(taskId)).toBeUndefined();
    expect(await click("journal")).toMatch(/^journal done/);
    expect(await page.locator("#journal-entries li").count()).toBe(0);
    // Task ids keep increasing across a reset.
    await page.selectOption("#template", "2");
    await settled("template");
    expect(await click("create")).toMatch(/^create done/);
    expect(Number(/^task (\d+)/.exec(await text("#task"))?.[1])).toBeGreaterThan(taskId);
  });

  it("made no request to any other origin", () => {
    expect(offSite).toEqual([]);
  });
});
