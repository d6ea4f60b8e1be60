import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestServerContext } from "../../src/testing.js";

const REFERENCE = "http://127.0.0.1:8000";
const page = (marker: string) =>
  `<html><head><meta name="bksops:reference-origin" content="${REFERENCE}"></head>` +
  `<body>${marker} servers: ${REFERENCE}/api/bk-sops/prod and ${REFERENCE}</body></html>`;

let dir: string;
const contexts: TestServerContext[] = [];
const appFor = (docsDir?: string) => {
  const context = createTestContext({ bkSopsHost: "http://h/", ...(docsDir ? { docsDir } : {}) });
  contexts.push(context);
  return context.app;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bksops-site-"));
  writeFileSync(join(dir, "index.html"), page("v1"));
  writeFileSync(join(dir, "favicon.ico"), Buffer.from([0, 0, 1, 0]));
  mkdirSync(join(dir, "conformance", "reference"), { recursive: true });
  writeFileSync(join(dir, "conformance", "reference", "report.html"), "<p>report</p>");
  writeFileSync(join(dir, "secret.txt"), "not served");
  writeFileSync(join(dir, "..", "outside.html"), "outside");
});
afterAll(() => {
  for (const context of contexts) context.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(join(dir, "..", "outside.html"), { force: true });
});

describe("the docs site at /docs/", () => {
  it("redirects /docs to /docs/, so the page's relative links resolve under it", async () => {
    const answer = await appFor(dir).request("/docs");
    expect(answer.status).toBe(301);
    expect(answer.headers.get("location")).toBe("/docs/");
  });

  it("names the origin it is served from where the page names the reference server's", async () => {
    const answer = await appFor(dir).request("http://127.0.0.1:41234/docs/");
    const html = await answer.text();
    expect(answer.headers.get("content-type")).toMatch(/^text\/html/);
    expect(html).toContain(
      "servers: http://127.0.0.1:41234/api/bk-sops/prod and http://127.0.0.1:41234</body>",
    );
    expect(html).not.toContain(`${REFERENCE}/api`);
  });

  it("serves the page unchanged on the reference origin, and for a Host that is not a plain origin", async () => {
    const app = appFor(dir);
    expect(await (await app.request(`${REFERENCE}/docs/`)).text()).toBe(page("v1"));
    // A Host header makes the origin: one with characters an origin should not carry is not copied in.
    const odd = await app.request("http://a'b:1/docs/");
    expect(await odd.text()).toBe(page("v1"));
  });

  it("reads the page again after a rebuild", async () => {
    const app = appFor(dir);
    expect(await (await app.request("/docs/")).text()).toContain("v1");
    writeFileSync(join(dir, "index.html"), page("v2"));
    utimesSync(join(dir, "index.html"), new Date(), new Date(Date.now() + 5_000));
    expect(await (await app.request("/docs/")).text()).toContain("v2");
  });

  it("serves the icon at /favicon.ico and /docs/favicon.ico, and the copied reports", async () => {
    const app = appFor(dir);
    for (const path of ["/favicon.ico", "/docs/favicon.ico"]) {
      const answer = await app.request(path);
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toBe("image/x-icon");
    }
    const report = await app.request("/docs/conformance/reference/report.html");
    expect(await report.text()).toBe("<p>report</p>");
  });

  it("answers the API's 404 for files it does not serve and for paths out of the site", async () => {
    const app = appFor(dir);
    for (const path of ["/docs/secret.txt", "/docs/nope.html", "/docs/..%2Foutside.html", "/docs/%E0%A4%A"]) {
      const answer = await app.request(path);
      expect(answer.status, path).toBe(404);
      expect(((await answer.json()) as { code: number }).code, path).toBe(1640401);
    }
  });

  it("says how to build the site when it is not built", async () => {
    const answer = await appFor(join(dir, "missing")).request("/docs/");
    expect(answer.status).toBe(404);
    expect(await answer.text()).toContain("npm run docs");
    expect((await appFor().request("/favicon.ico")).status).toBe(404);
  });
});
