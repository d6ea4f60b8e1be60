import type { ExamplePair } from "@bksops/api-types";
import { predictTask, unpredictable } from "../predict/predict.js";
import type { Difference } from "../types.js";
import { type CompareOptions, compareAnswer, statusDifference } from "./answer.js";
import { type CheckDef, skipped, verdictOf } from "./check.js";
import { compareCreatedData } from "./created-data.js";
import { diffValues, isObject } from "./diff.js";
import { type ExampleRequest, exampleRequest, expectedAnswer, formOf, needsTask } from "./example-request.js";
import { DOCUMENTED_BIZ, DOCUMENTED_PROJECT, type Scene, sceneOf } from "./example-scene.js";
import { TaskPreparationError } from "./example-task.js";
import { comparePreviewData, compareReadData } from "./read-data.js";

/** Where in the spec an example pair lives, for reports. */
function locationOf(pair: ExamplePair): string {
  return `openapi.yaml paths["${pair.path}"].${pair.method.toLowerCase()} responses.${pair.response.status} examples.${pair.name}`;
}

/** The operations whose success is a created task (its tree predicted from the template). */
const CREATES = new Set(["create_task", "create_and_start_task"]);
/** The operations that answer an existing task's tree. */
const TASK_TREES = new Set(["get_task_detail"]);
const URL_FIELDS = ["task_url", "function_task_claim_url"];

/** Whether an example starts a task (and so runs the template's nodes). */
function startsTasks(pair: ExamplePair): boolean {
  const name = operationName(pair.path);
  const steps = pair.request?.contract.task?.steps ?? [];
  return name === "start_task" || name === "create_and_start_task" || steps.includes("start");
}

/** bk-sops' name of the operation of a spec path (`/get_template_info/{…}` → `get_template_info`). */
const operationName = (path: string) => path.replace(/^\/api\/c\/compapi\/v2\/sops/, "").split("/")[1] ?? "";

/** The documented project (3) and business (2) in messages, as the scene's. */
function placeReplacements(scene: Scene): Array<[string, string]> {
  if (scene.mode === "documented") return [];
  const out: Array<[string, string]> = [
    [`biz_id=${DOCUMENTED_BIZ}`, `biz_id=${scene.bizId}`],
    // bk-sops' task messages drop the `=` (`project[project_id=3, biz_id2]`).
    [`biz_id${DOCUMENTED_BIZ}]`, `biz_id${scene.bizId}]`],
  ];
  if (scene.projectId !== undefined)
    out.unshift([`project_id=${DOCUMENTED_PROJECT}`, `project_id=${scene.projectId}`]);
  return out;
}

/** How the `data` of a documented success is compared in this scene. */
function dataComparer(
  pair: ExamplePair,
  scene: Scene,
  built: ExampleRequest,
  staticMock: boolean,
): CompareOptions["data"] {
  const body = built.out.body;
  if (staticMock) return undefined;
  const operation = operationName(pair.path);
  if (CREATES.has(operation)) {
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
  if (scene.mode === "documented") {
    // A task's detail has a task's tree (generated ids: compared by structure); task urls carry
    // the task's generated id.
    const taskTree = TASK_TREES.has(operation);
    return (want, got, out) =>
      isObject(want) && (taskTree || URL_FIELDS.some((field) => field in want))
        ? compareCreatedData(want, got, out, { projectId: scene.projectId, documentedTree: taskTree })
        : diffValues(want, got, "data", out);
  }
  if (operation.startsWith("preview_") && scene.template)
    return (_want, got, out) => comparePreviewData(scene, isObject(body) ? body : {}, got, out);
  const node = pair.request?.contract.node;
  const task = {
    tree: TASK_TREES.has(operation) ? built.task?.tree : undefined,
    templateNode: node === undefined ? undefined : (scene.ids.get(node) ?? node),
  };
  return (want, got, out) => compareReadData(operation, scene, want, got, out, task);
}

/** One check per named request/response example pair of the spec, read at run time. */
export function exampleChecks(pairs: ExamplePair[]): CheckDef[] {
  return pairs.map((pair) => {
    const form = formOf(pair);
    const creates =
      isObject(pair.response.value) &&
      pair.response.value.result === true &&
      CREATES.has(operationName(pair.path));
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
        if (!ctx.target.bases[form])
          return skipped(
            `the target is not reached through the ${form} form (give --${form}-url to test it too)`,
          );
        if (ctx.target.staticMock && pair.request.invalid)
          return skipped(
            "static mock: Prism validates requests and answers one the spec marks invalid (body or parameters) with its own error",
          );
        if (startsTasks(pair) && !ctx.target.loopback && !ctx.allowStarts)
          return skipped(
            "starts a task, which runs the template's nodes for real on this deployment: pass --allow-starts to run it",
          );
        const scene = await sceneOf(ctx, pair);
        if ("skip" in scene) return skipped(scene.skip);
        // Off the documented templates a created task is judged by its prediction alone.
        const why = creates && scene.mode !== "documented" && scene.template && unpredictable(scene.template);
        if (why)
          return skipped(
            `the suite cannot predict tasks of this template from what the read API shows: ${why}`,
          );
        for (const exchange of scene.template?.exchanges ?? []) recorder.attach(exchange);
        let built: Awaited<ReturnType<typeof exampleRequest>>;
        try {
          built = await exampleRequest(ctx, pair, scene);
        } catch (error) {
          // A task the example needed could not be made as asked: the target misbehaves.
          if (error instanceof TaskPreparationError) return { status: "failed", reason: error.message };
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
            data: dataComparer(pair, scene, built, ctx.target.staticMock),
            generated: pair.response.contract.generated,
            generatedKeys: pair.response.contract["generated-keys"],
          }),
        );
        return verdictOf(differences);
      },
    };
  });
}
