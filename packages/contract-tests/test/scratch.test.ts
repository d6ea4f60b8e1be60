import { it } from "vitest";
import { prismTarget, runSuite } from "../src/index.js";
import { formatCheckLine, formatSummary } from "../src/report/console.js";
it("scratch", async () => {
  const target = await prismTarget();
  for (const form of ["gateway"] as const) {
    const result = await runSuite({ target, form });
    console.log(`== ${form}`, result.preflight.problems);
    for (const c of result.checks) if (c.status !== "passed") console.log(formatCheckLine(c, false).slice(0, 1500));
    console.log(formatSummary(result, false).split("\n").slice(-2).join("\n"));
  }
  await target.close();
}, 60000);
