// The docs site: scripts/build-docs.mjs builds one self-contained page, and in headless Chromium
// it shows both create_task operations, their parameters and examples without touching the network.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const screenshotPath = join(packageRoot, "reports", "docs.png");

const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const chromiumMissing = existsSync(chromiumPath)
  ? undefined
  : `no Chromium at ${chromiumPath}: install Debian's chromium or set CHROMIUM_PATH`;
if (chromiumMissing) console.warn(`docs.test: browser checks SKIPPED (${chromiumMissing})`);

const GATEWAY = "Create a task from a flow template (API gateway)";
const ESB = "Create a task from a flow template (ESB, published 2019 form)";

let siteDir: string;
let html: string;
let server: Server;
let siteUrl: string;

beforeAll(async () => {
  siteDir = mkdtempSync(join(tmpdir(), "bksops-docs-"));
  // A fresh build in a temporary folder: never races a `pnpm docs` writing dist/docs.
  await promisify(execFile)(
    process.execPath,
    [join(packageRoot, "scripts", "build-docs.mjs"), "--output", join(siteDir, "index.html")],
    {
      cwd: packageRoot,
    },
  );
  html = readFileSync(join(siteDir, "index.html"), "utf8");
  // The page is one file; a static server on 127.0.0.1 serves it the way a docs host would.
  server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    if (path !== "/" && path !== "/index.html") {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  siteUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (siteDir) rmSync(siteDir, { recursive: true, force: true });
});

describe("build-docs", () => {
  it("writes one page titled after create_task", () => {
    expect(html).toMatch(/<title>[^<]*create_task[^<]*<\/title>/);
  });

  it("embeds Redoc instead of loading scripts or styles from a CDN", () => {
    const remote = [
      ...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi),
    ];
    expect(remote.map((match) => match[1])).toEqual([]);
    expect(html).toContain("__redoc_definition");
    expect(html).not.toContain("cdn.redoc.ly");
    expect(html).toContain('"disableTelemetry":true');
  });
});

describe("the docs page in headless Chromium", () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (chromiumMissing) return;
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const isLocal = (url: string) => {
    const { protocol, hostname } = new URL(url);
    if (protocol !== "http:" && protocol !== "https:" && protocol !== "ws:" && protocol !== "wss:")
      return true;
    return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
  };

  /**
   * Opens the page at `hash` in a fresh context that blocks and records every request to a
   * host that is not local (the page must work offline).
   */
  async function open(hash: string): Promise<{ page: Page; context: BrowserContext; remote: string[] }> {
    if (!browser) throw new Error("browser not started");
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const remote: string[] = [];
    context.on("request", (request) => {
      if (!isLocal(request.url())) remote.push(request.url());
    });
    await context.route("**/*", (route) =>
      isLocal(route.request().url()) ? route.continue() : route.abort("blockedbyclient"),
    );
    const page = await context.newPage();
    page.on("websocket", (socket) => {
      if (!isLocal(socket.url())) remote.push(socket.url());
    });
    await page.goto(`${siteUrl}${hash}`, { waitUntil: "load" });
    return { page, context, remote };
  }

  /** The operation's section of the page (Redoc renders one per operation). */
  const section = (page: Page, operationId: string) =>
    page.locator(`[data-section-id="/task/${operationId.toLowerCase()}"]`);

  const visible = (page: Page, text: string, exact = true) =>
    page.getByText(text, { exact }).filter({ visible: true }).first();

  it("lists both create_task operations in the navigation", async (ctx) => {
    ctx.skip(Boolean(chromiumMissing), chromiumMissing);
    const { page, context, remote } = await open("#/task");
    try {
      const nav = page.locator("nav, [data-component-name='Menu/Menu']").first();
      await nav.getByText(GATEWAY).first().waitFor({ state: "visible", timeout: 10_000 });
      await nav.getByText(ESB).first().waitFor({ state: "visible", timeout: 10_000 });
      expect(await page.title()).toContain("create_task");
      expect(remote).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("shows the gateway operation with its path parameters, body fields and documented example", async (ctx) => {
    ctx.skip(Boolean(chromiumMissing), chromiumMissing);
    const { page, context, remote } = await open("#/task/createtask");
    try {
      const operation = section(page, "createTask");
      await operation.getByRole("heading", { name: GATEWAY }).waitFor({ state: "visible", timeout: 10_000 });
      for (const field of [
        "template_id",
        "bk_biz_id",
        "name",
        "flow_type",
        "constants",
        "exclude_task_nodes_id",
      ]) {
        const label = operation.getByText(field, { exact: true }).filter({ visible: true }).first();
        await label.scrollIntoViewIfNeeded();
        expect(await label.isVisible(), `${field} is shown`).toBe(true);
      }
      // The request sample starts on the `documented` example: the published request.
      await visible(page, '"tasktest"').waitFor({ state: "visible", timeout: 10_000 });
      expect(remote).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("shows a named example pair when the example is selected", async (ctx) => {
    ctx.skip(Boolean(chromiumMissing), chromiumMissing);
    const { page, context, remote } = await open("#/task/createtask");
    try {
      await visible(page, '"tasktest"').waitFor({ state: "visible", timeout: 10_000 });
      // The template node id of "timing" appears only in examples that are not selected at first.
      expect(await page.getByText("node9b5ae13799d63e179f0ce3088b62").filter({ visible: true }).count()).toBe(
        0,
      );
      await page
        .getByText("The published request example, verbatim")
        .filter({ visible: true })
        .first()
        .click();
      await page.getByRole("menuitem", { name: 'Excluding a node that is not optional ("timing")' }).click();
      // The request sample now holds the id, and the response sample shows the paired answer.
      await visible(page, '"node9b5ae13799d63e179f0ce3088b62"').waitFor({
        state: "visible",
        timeout: 10_000,
      });
      await visible(page, "is not optional", false).waitFor({ state: "visible", timeout: 10_000 });
      mkdirSync(dirname(screenshotPath), { recursive: true });
      await page.screenshot({ path: screenshotPath, fullPage: true });
      expect(existsSync(screenshotPath)).toBe(true);
      expect(remote).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("shows the ESB operation with bk_biz_id and template_id in the body", async (ctx) => {
    ctx.skip(Boolean(chromiumMissing), chromiumMissing);
    const { page, context, remote } = await open("#/task/createtaskesb");
    try {
      const operation = section(page, "createTaskEsb");
      await operation.getByRole("heading", { name: ESB }).waitFor({ state: "visible", timeout: 10_000 });
      for (const field of [
        "bk_app_code",
        "bk_biz_id",
        "template_id",
        "name",
        "flow_type",
        "constants",
        "exclude_task_nodes_id",
      ]) {
        const label = operation.getByText(field, { exact: true }).filter({ visible: true }).first();
        await label.scrollIntoViewIfNeeded();
        expect(await label.isVisible(), `${field} is shown`).toBe(true);
      }
      expect(remote).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
