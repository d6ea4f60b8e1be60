import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, resolve, sep } from "node:path";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.js";

/** The meta tag the docs build puts in the page: the origin its first servers use. */
const REFERENCE_ORIGIN = /<meta name="bksops:reference-origin" content="([^"]+)">/;
/** Origins the page may be rewritten to: scheme, host and port only (the Host header is the client's). */
const SAFE_ORIGIN = /^https?:\/\/[A-Za-z0-9.\-[\]:]+$/;
const MAX_ORIGINS = 8;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".ico": "image/x-icon",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

const NOT_BUILT = "The docs site is not built: run `npm run docs`, then reload this page.";

/** The page, read again when the file changes (a rebuild while the server runs), per origin. */
function pageReader(index: string) {
  let loaded: { mtimeMs: number; html: string; origin: string | undefined } | undefined;
  const byOrigin = new Map<string, string>();
  return (origin: string): string | undefined => {
    if (!existsSync(index)) return undefined;
    const { mtimeMs } = statSync(index);
    if (loaded?.mtimeMs !== mtimeMs) {
      const html = readFileSync(index, "utf8");
      loaded = { mtimeMs, html, origin: REFERENCE_ORIGIN.exec(html)?.[1] };
      byOrigin.clear();
    }
    const reference = loaded.origin;
    if (!reference || origin === reference || !SAFE_ORIGIN.test(origin)) return loaded.html;
    let page = byOrigin.get(origin);
    if (page === undefined) {
      // The page's servers, samples and try-it default to the reference server's documented origin;
      // served here, they name the origin the reader reached.
      page = loaded.html.replaceAll(reference, origin);
      if (byOrigin.size >= MAX_ORIGINS) byOrigin.clear();
      byOrigin.set(origin, page);
    }
    return page;
  };
}

/**
 * The docs site, when built into `dir`: the page at /docs/ (its servers rewritten to the origin
 * it is served from), its files under /docs/ (icon, conformance reports), and /favicon.ico.
 * Paths outside `dir` and unknown files are left to the app's 404.
 */
export function docsSite(dir: string | undefined) {
  const app = new Hono<AppEnv>();
  const root = dir ? resolve(dir) : undefined;
  const page = root ? pageReader(resolve(root, "index.html")) : () => undefined;

  const file = (relative: string): string | undefined => {
    if (!root || relative.includes("\0")) return undefined;
    const path = resolve(root, relative);
    if (!path.startsWith(root + sep) || !(extname(path) in TYPES)) return undefined;
    return existsSync(path) && statSync(path).isFile() ? path : undefined;
  };

  // Relative links (icon, reports) resolve under /docs/ only when the page's address ends with /.
  app.get("/docs", (c) => c.redirect("/docs/", 301));
  app.get("/docs/", (c) => {
    const html = page(new URL(c.req.url).origin);
    return html === undefined ? c.text(NOT_BUILT, 404) : c.html(html);
  });
  app.get("/docs/*", (c, next) => {
    let relative: string;
    try {
      relative = decodeURIComponent(c.req.path.slice("/docs/".length));
    } catch {
      return next();
    }
    const path = file(relative);
    if (!path) return next();
    return c.body(readFileSync(path), 200, { "Content-Type": TYPES[extname(path)] as string });
  });
  app.get("/favicon.ico", (c, next) => {
    const path = file("favicon.ico");
    return path ? c.body(readFileSync(path), 200, { "Content-Type": TYPES[".ico"] as string }) : next();
  });
  return app;
}
