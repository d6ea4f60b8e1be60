import type { ExamplePair } from "@bksops/api-types";
import type { Difference } from "../types.js";
import { compareAnswer } from "./answer.js";
import { type CheckDef, skipped, verdictOf } from "./check.js";
import { isObject } from "./diff.js";
import { exampleRequest, expectedAnswer, formOf, needsTask } from "./example-request.js";
import { TaskPreparationError } from "./example-task.js";

/** Where in the spec an example pair lives, for reports. */
function locationOf(pair: ExamplePair): string {
  return `openapi.yaml paths["${pair.path}"].${pair.method.toLowerCase()} responses.${pair.response.status} examples.${pair.name}`;
}

/** One check per named request/response example pair of the spec, read at run time. */
export function exampleChecks(pairs: ExamplePair[]): CheckDef[] {
  return pairs.map((pair) => {
    const form = formOf(pair);
    const creates = isObject(pair.response.value) && pair.response.value.result === true;
    return {
      id: `examples.${pair.operationId}.${pair.name}`,
      operationId: pair.operationId,
      title: `${pair.operationId} example "${pair.name}": ${pair.request?.summary ?? pair.response.summary ?? "documented answer"}`,
      verifies: locationOf(pair),
      group: "examples",
      // Reading or acting on a task needs one: the suite creates it.
      createsTasks: creates || needsTask(pair),
      async run(ctx, recorder) {
        if (!pair.request)
          return skipped(`the spec has no request example named "${pair.name}" for ${pair.operationId}`);
        if (!ctx.target.bases[form]) {
          return skipped(
            `the target is not reached through the ${form} form (give --${form}-url to test it too)`,
          );
        }
        if (pair.request.contract.fixture === "demo" && !ctx.target.demoData) {
          return skipped("needs the reference server's demo data (x-contract fixture: demo)");
        }
        if (ctx.target.staticMock && pair.request.invalid) {
          return skipped(
            "static mock: Prism validates requests and answers one the spec marks invalid (body or parameters) with its own error",
          );
        }
        let built: Awaited<ReturnType<typeof exampleRequest>>;
        try {
          built = await exampleRequest(ctx, pair);
        } catch (error) {
          if (error instanceof TaskPreparationError) return { status: "failed", reason: error.message };
          return skipped(`cannot build the request: ${(error as Error).message}`);
        }
        const { out, replaced } = built;
        const exchange = await recorder.send(out);
        if (!exchange.response) return { status: "failed", reason: `no answer: ${exchange.error}` };
        const differences: Difference[] = [];
        if (exchange.response.status !== pair.response.status) {
          differences.push({
            path: "(status)",
            note: "HTTP status differs",
            expected: pair.response.status,
            actual: exchange.response.status,
          });
        }
        const actual = exchange.response.json ?? exchange.response.text;
        differences.push(
          ...compareAnswer(expectedAnswer(pair, replaced), actual, {
            exact: ctx.target.staticMock,
            firstLineMessage: pair.response.contract.message === "first-line",
            generated: pair.response.contract.generated,
            generatedKeys: pair.response.contract["generated-keys"],
          }),
        );
        return verdictOf(differences);
      },
    };
  });
}
