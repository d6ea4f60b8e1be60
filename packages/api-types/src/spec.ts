import { readFileSync } from "node:fs";

/** The parts of an OpenAPI document this project reads; the rest stays `unknown`. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; [key: string]: unknown };
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

let cached: OpenApiDocument | undefined;

/**
 * The bundled spec (openapi.json at the package root), parsed once and kept. It sits at the same
 * relative place from src/ and dist/, so tests and built code read the same file.
 */
export function loadSpec(): OpenApiDocument {
  cached ??= readSpecFile();
  return cached;
}

/** The bundled spec parsed anew, for callers that keep only part of it. */
export function readSpecFile(): OpenApiDocument {
  return JSON.parse(readFileSync(new URL("../openapi.json", import.meta.url), "utf8")) as OpenApiDocument;
}
