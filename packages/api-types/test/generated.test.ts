import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without types
import { generate, outputs } from "../scripts/generate-lib.mjs";

describe("generated files", () => {
  it("match what the spec generates today (run `pnpm generate` after editing the spec)", async () => {
    const fresh = (await generate()) as Record<string, string>;
    for (const [key, path] of Object.entries(outputs as Record<string, string>)) {
      expect(readFileSync(path, "utf8"), `${key} is stale`).toBe(fresh[key]);
    }
  }, 60_000);

  it("carry the do-not-edit header", () => {
    expect(readFileSync((outputs as Record<string, string>).schema, "utf8")).toMatch(
      /^\/\/ .*\n\/\/ Generated from openapi\/openapi.yaml .*do not edit by hand\./,
    );
  });
});
