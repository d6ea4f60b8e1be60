import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    reporters: ["default", "json"],
    outputFile: { json: "reports/vitest.json" },
    // Redocly, Prism and Chromium start slowly on a busy 2-core machine (turbo runs other packages too).
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
