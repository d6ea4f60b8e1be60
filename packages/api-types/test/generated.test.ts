import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generate, outputs } from "../scripts/generate-lib.mjs";

describe("generated files", () => {
  it("match what the spec generates today (run `pnpm generate` after editing the spec)", async () => {
    const fresh = await generate();
    expect(readFileSync(outputs.schema, "utf8"), "src/generated/schema.ts is stale").toBe(fresh.schema);
    expect(readFileSync(outputs.bundle, "utf8"), "openapi.json is stale").toBe(fresh.bundle);
    expect(readFileSync(outputs.controlSchema, "utf8"), "src/generated/control.ts is stale").toBe(
      fresh.controlSchema,
    );
    expect(readFileSync(outputs.controlBundle, "utf8"), "control-openapi.json is stale").toBe(
      fresh.controlBundle,
    );
  }, 60_000);

  it("carry the do-not-edit header", () => {
    expect(readFileSync(outputs.schema, "utf8")).toMatch(
      /^\/\/ .*\n\/\/ Generated from openapi\/openapi.yaml .*do not edit by hand\./,
    );
    expect(readFileSync(outputs.controlSchema, "utf8")).toMatch(
      /^\/\/ .*\n\/\/ Generated from openapi\/control\/openapi.yaml .*do not edit by hand\./,
    );
  });
});
