import { it } from "vitest";
import { baseUrlTarget, runSuite } from "../src/index.js";
import { formatCheckLine, formatSummary } from "../src/report/console.js";
import { QA_IDENTITY, startDeployment } from "./deployment.js";

it("scratch", async () => {
  const d = await startDeployment();
  const target = baseUrlTarget({ bases: { esb: d.esb, gateway: d.gateway } });
  const result = await runSuite({
    target,
    form: "gateway",
    identity: { ...QA_IDENTITY, commonTemplateId: "901" },
  });
  console.log(result.preflight);
  for (const c of result.checks)
    if (c.status !== "passed") console.log(formatCheckLine(c, false).slice(0, 2500));
  console.log(formatSummary(result, false).split("\n").slice(-3).join("\n"));
  await d.close();
}, 60000);
