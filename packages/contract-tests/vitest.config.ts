import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // A whole run of the suite takes seconds: its task examples wait for the engine to finish tasks.
    testTimeout: 60_000,
    reporters: ["default", "json"],
    outputFile: { json: "reports/vitest.json" },
  },
});
