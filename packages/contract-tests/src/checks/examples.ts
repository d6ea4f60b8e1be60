import type { ExamplePair } from "@bksops/api-types";
import { predictTask } from "../predict/predict.js";
import type { Difference } from "../types.js";
import { type CompareOptions, compareAnswer, statusDifference } from "./answer.js";
import { type CheckDef, skipped, verdictOf } from "./check.js";
import { compareCreatedData } from "./created-data.js";
import { isObject } from "./diff.js";
import { exampleRequest, expectedAnswer, formOf } from "./example-request.js";
import { DOCUMENTED_BIZ, DOCUMENTED_PROJECT, type Scene, sceneOf } from "./example-scene.js";
import { comparePreviewData, compareReadData } from "./read-data.js";

type Json = Record<string, unknown>;

/** Where in the spec an example pair lives, for reports. */
function locationOf(pair: ExamplePair): string {
  return `openapi.yaml paths["${pair.path}"].${pair.method.toLowerCase()} responses.${pair.response.status} examples.${pair.name}`;
}

/** bk-sops' name of the operation of a spec path (`/get_template_info/{…}` → `get_template_info`). */
const operationName = (path: string) => path.replace(/^\/api\/c\/compapi\/v2\/sops/, "").split("/")[1] ?? "";

/** The documented project (3) and business (2) in messages, as the scene's. */
function placeReplacements(scene: Scene): Array<[string, string]> {
  if (scene.mode === "documented") return [];
  const out: Array<[string, string]> = [[`biz_id=${DOCUMENTED_BIZ}`, `biz_id=${scene.bizId}`]];
  if (scene.projectId !== undefined)
    out.unshift([`project_id=${DOCUMENTED_PROJECT}`, `project_id=${scene.projectId}`]);
  return out;
}

/** How the `data` of a documented success is compared in this scene. */
function dataComparer(
  pair: ExamplePair,
  scene: Scene,
  body: unknown,
  staticMock: boolean,
): CompareOptions["data"] {
  if (staticMock) return undefined;
  const operation = operationName(pair.path);
  if (operation === "create_task") {
    const params = isObject(body) ? body : {};
    const prediction = scene.template ? predictTask(scene.template, params) : undefined;
    return (want, got, out) =>
      compareCreatedData(want, got, out, {
        projectId: scene.projectId,
        prediction,
        documentedTree: scene.mode === "documented",
        sent: isObject(params.constants) ? params.constants : {},
      });
  }
  if (scene.mode === "documented") return undefined;
  if (operation.startsWith("preview_") && scene.template)
    return (_want, got, out) => comparePreviewData(scene, isObject(body) ? body : {}, got, out);
  return (want, got, out) => compareReadData(operation, scene, want, got, out);
}

/** One check per named request/response example pair of the spec, read at run time. */
export function exampleChecks(pairs: ExamplePair[]): CheckDef[] {
  return pairs.map((pair) => {
    const form = formOf(pair);
    const creates =
      isObject(pair.response.value) && pair.response.value.result === true && pair.method === "POST";
    return {
      id: `examples.${pair.operationId}.${pair.name}`,
      operationId: pair.operationId,
      title: `${pair.operationId} example "${pair.name}": ${pair.request?.summary ?? pair.response.summary ?? "documented answer"}`,
      verifies: locationOf(pair),
      group: "examples",
      createsTasks: creates || pair.path.includes("{task_id}"),
      async run(ctx, recorder) {
        if (!pair.request)
          return skipped(`the spec has no request example named "${pair.name}" for ${pair.operationId}`);
        if (!ctx.target.bases[form])
          return skipped(
            `the target is not reached through the ${form} form (give --${form}-url to test it too)`,
          );
        if (ctx.target.staticMock && pair.request.invalid)
          return skipped(
            "static mock: Prism validates requests and answers one the spec marks invalid (body or parameters) with its own error",
          );
        const scene = await sceneOf(ctx, pair);
        if ("skip" in scene) return skipped(scene.skip);
        for (const exchange of scene.template?.exchanges ?? []) recorder.attach(exchange);
        let built: Awaited<ReturnType<typeof exampleRequest>>;
        try {
          built = await exampleRequest(ctx, pair, scene);
        } catch (error) {
          return skipped(`cannot build the request: ${(error as Error).message}`);
        }
        const exchange = await recorder.send(built.out);
        if (!exchange.response) return { status: "failed", reason: `no answer: ${exchange.error}` };
        const differences: Difference[] = statusDifference(pair.response.status, exchange.response.status);
        const actual = exchange.response.json ?? exchange.response.text;
        const expected = expectedAnswer(pair, [
          ...built.replaced,
          ...scene.replacements,
          ...placeReplacements(scene),
        ]);
        differences.push(
          ...compareAnswer(expected, actual, {
            exact: ctx.target.staticMock,
            firstLineMessage: pair.response.contract.message === "first-line",
            data: dataComparer(pair, scene, built.out.body as Json, ctx.target.staticMock),
          }),
        );
        return verdictOf(differences);
      },
    };
  });
}
