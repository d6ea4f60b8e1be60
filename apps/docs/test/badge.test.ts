import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { conformanceBadge, referenceBadge } from "../src/badge.js";
import { BADGE_PATH } from "../src/paths.js";

describe("the README's conformance badge", () => {
  it("says what the reference server's latest report says (npm run generate rewrites it)", () => {
    // The report comes from the `conformance` task this test depends on, run on this tree.
    expect(readFileSync(BADGE_PATH, "utf8"), "badges/reference.svg is stale: run npm run generate").toBe(
      referenceBadge(),
    );
  });

  it("says passing only when checks passed and none failed", () => {
    expect(conformanceBadge("x", { passed: 3, failed: 0, skipped: 1 })).toContain(">passing</text>");
    expect(conformanceBadge("x", { passed: 3, failed: 2, skipped: 0 })).toContain(">2 failed</text>");
    expect(conformanceBadge("x", { passed: 0, failed: 0, skipped: 4 })).toContain(">not run</text>");
  });
});
