#!/usr/bin/env node
// `pnpm docs`: builds the static docs site of the create_task spec with Redocly.
//   node scripts/build-docs.mjs [--output dist/docs/index.html]
// The page embeds Redoc's script (`--inlineBundle`), so it loads nothing from a CDN and works
// offline; the build fails if the output still references a remote script or stylesheet.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const TITLE = "bk-sops create_task API reference";

const { values } = parseArgs({ options: { output: { type: "string", short: "o" } } });
const output = resolve(values.output ?? join(packageRoot, "dist", "docs", "index.html"));

const require = createRequire(import.meta.url);
const manifest = require.resolve("@redocly/cli/package.json");
const redocly = join(dirname(manifest), require(manifest).bin.redocly);

mkdirSync(dirname(output), { recursive: true });
const started = Date.now();
try {
  execFileSync(
    process.execPath,
    [
      redocly,
      "build-docs",
      "openapi.yaml",
      "--config",
      "redocly.yaml",
      "--output",
      output,
      "--inlineBundle",
      "--title",
      TITLE,
      // Also set by `telemetry: off` in redocly.yaml; explicit so the page never reports usage.
      "--openapi.disableTelemetry=true",
    ],
    {
      cwd: packageRoot,
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      stdio: ["ignore", "pipe", "pipe"],
      encoding: "utf8",
    },
  );
} catch (error) {
  const { stdout = "", stderr = "" } = /** @type {{ stdout?: string, stderr?: string }} */ (error);
  console.error(`build-docs: redocly build-docs failed\n${stdout}${stderr}`);
  process.exit(1);
}

// Redoc's sidebar footer ("API docs by <logo>") loads its logo from cdn.redoc.ly even with
// --inlineBundle, and no option turns it off: swap in an inline SVG so the page makes no request.
const logo = (text, width) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16" viewBox="0 0 ${width} 16">` +
      `<text x="0" y="12" font-family="sans-serif" font-size="12" font-weight="600" fill="#0044d4">${text}</text></svg>`,
  )}`;
const cdnLogos = new Map([
  ["https://cdn.redoc.ly/redoc/logo-mini-full.svg", logo("Redocly", 52)],
  ["https://cdn.redoc.ly/redoc/logo-mini.svg", logo("R", 10)],
]);
let html = readFileSync(output, "utf8");
for (const [remoteUrl, inline] of cdnLogos) {
  if (!html.includes(remoteUrl)) console.warn(`build-docs: note: ${remoteUrl} not found (Redoc changed?)`);
  html = html.replaceAll(remoteUrl, inline);
}
writeFileSync(output, html);

// Guard the "works offline" promise: no <script src> or stylesheet <link> may point off the page.
const remote = [
  ...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi),
].map((match) => match[1]);
if (remote.length > 0) {
  console.error(`build-docs: ${output} loads remote resources:\n  ${remote.join("\n  ")}`);
  process.exit(1);
}

const size = Math.round(html.length / 1024);
const shown = relative(process.cwd(), output).startsWith("..") ? output : relative(process.cwd(), output);
console.log(`build-docs: wrote ${shown} (${size} KiB, self-contained) in ${Date.now() - started} ms`);
