import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import type { OpenApiDocument } from "@bksops/api-types";
import { bundleSpec } from "@bksops/openapi/bundle";
import { augmentSpec } from "./augment.js";
import { findReports, REPORT_HTML, REPORT_JSON, type TargetReport, versionWarnings } from "./conformance.js";
import { faviconIco } from "./favicon.js";
import { assemblePage, FAVICON } from "./page.js";
import { packageRoot } from "./paths.js";
import type { CodeSample } from "./samples.js";
import { tryItModel } from "./try-it-model.js";

const require = createRequire(import.meta.url);

export const TITLE = "bk-sops create_task API reference";

export interface BuildOptions {
  /** The folder the site is written to (emptied of old reports first). */
  outDir: string;
  /** Folders holding conformance reports: a report.json, or one folder per target each with one. */
  reportDirs: string[];
  /** The spec's root file; default the toolkit's openapi.yaml. */
  specFile?: string;
}

export interface BuiltSite {
  dir: string;
  index: string;
  bytes: number;
  spec: OpenApiDocument;
  reports: TargetReport[];
  warnings: string[];
  samples: Record<string, CodeSample[]>;
}

/**
 * Redoc's options: no usage reports, and the code samples' languages (Redoc shows an operation's
 * `x-codeSamples` only for the languages listed here, matched by lower-cased label), then the payload.
 */
function redocConfig(samples: Record<string, CodeSample[]>) {
  const labels = [...new Set(Object.values(samples).flatMap((own) => own.map((sample) => sample.label)))];
  return {
    telemetry: "off",
    openapi: {
      disableTelemetry: true,
      codeSamples: {
        languages: [
          ...labels.map((label) => ({ key: label.toLowerCase(), label, lang: label.split(" ")[0] })),
          { key: "payload", label: "Payload", lang: "payload" },
        ],
      },
    },
  };
}

/** Runs `redocly build-docs` on a bundled spec and returns its page (Redoc inlined, no CDN). */
function redocPage(spec: OpenApiDocument, samples: Record<string, CodeSample[]>): string {
  const manifest = require.resolve("@redocly/cli/package.json");
  const redocly = join(dirname(manifest), (require(manifest) as { bin: { redocly: string } }).bin.redocly);
  const dir = mkdtempSync(join(tmpdir(), "bksops-docs-"));
  try {
    const input = join(dir, "openapi.json");
    const output = join(dir, "index.html");
    const config = join(dir, "redocly.yaml");
    writeFileSync(input, JSON.stringify(spec));
    writeFileSync(config, JSON.stringify(redocConfig(samples))); // JSON is YAML

    execFileSync(
      process.execPath,
      [
        redocly,
        "build-docs",
        input,
        "--output",
        output,
        "--inlineBundle",
        "--title",
        TITLE,
        "--config",
        config,
      ],
      {
        cwd: dir,
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
        stdio: ["ignore", "pipe", "pipe"],
        encoding: "utf8",
      },
    );
    return readFileSync(output, "utf8");
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`redocly build-docs failed: ${(error as Error).message}\n${stdout}${stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The origin of the spec's first server: the reference server's, which a serving server replaces by its own. */
function referenceOriginOf(spec: OpenApiDocument): string {
  const first = (spec.servers as Array<{ url: string }> | undefined)?.[0]?.url;
  if (!first) throw new Error("the spec lists no server");
  return new URL(first).origin;
}

/** Builds the site: the page (Redoc with samples, error codes, conformance, try-it), its icon and the reports. */
export function buildSite(options: BuildOptions): BuiltSite {
  const spec = bundleSpec(options.specFile) as OpenApiDocument;
  const taken = new Set<string>();
  const reports = options.reportDirs.flatMap((dir) => findReports(resolve(dir), taken));
  const warnings = versionWarnings(reports, spec.info.version);
  const augmented = augmentSpec(spec, reports, warnings);
  const page = assemblePage({
    html: redocPage(augmented.spec, augmented.samples),
    model: tryItModel(augmented.spec),
    script: readFileSync(join(packageRoot, "page", "try-it.js"), "utf8"),
    style: readFileSync(join(packageRoot, "page", "try-it.css"), "utf8"),
    referenceOrigin: referenceOriginOf(spec),
  });

  const dir = resolve(options.outDir);
  mkdirSync(dir, { recursive: true });
  rmSync(join(dir, "conformance"), { recursive: true, force: true });
  for (const report of reports) {
    const target = join(dir, "conformance", report.slug);
    mkdirSync(target, { recursive: true });
    copyFileSync(report.jsonPath, join(target, REPORT_JSON));
    if (report.htmlPath) copyFileSync(report.htmlPath, join(target, REPORT_HTML));
  }
  writeFileSync(join(dir, FAVICON), faviconIco());
  const index = join(dir, "index.html");
  writeFileSync(index, page);
  return { dir, index, bytes: statSync(index).size, spec, reports, warnings, samples: augmented.samples };
}
