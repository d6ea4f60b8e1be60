import type { ExamplePair } from "@bksops/api-types";
import type { DocumentedTemplate } from "../fixtures/documented.js";
import { documentedTemplates } from "../fixtures/load.js";
import { commonTemplateId, otherBusiness } from "../ground/discover.js";
import { type GroundTemplate, groundTemplate } from "../ground/template.js";
import { MISSING_TEMPLATE } from "../preflight.js";
import { DEMO_CALLERS } from "../targets/target.js";
import type { Credentials } from "../types.js";
import type { RunContext } from "./check.js";
import { isObject } from "./diff.js";
import { mapReferences, templateReferences } from "./example-mapping.js";

/**
 * Where an example runs: `documented` on the demo data itself (ids as written); `imported` on the
 * deployment's copies of the documented templates (`--example-templates`); `mapped` on the run's
 * own business and templates, each documented id standing for one of the same role.
 */
export type SceneMode = "documented" | "imported" | "mapped";

export interface Scene {
  mode: SceneMode;
  /** The values of the example's `bk_biz_id` and `template_id` (path, body or query). */
  bizId: string;
  templateId: string;
  /** The project the request's business is (task_url and messages carry it). */
  projectId?: number;
  /** The deployment's template the example runs on, when it exists and the example needs it. */
  template?: GroundTemplate;
  /** Documented node ids, variable keys and scheme ids → the deployment's. */
  ids: Map<string, string>;
  /** Credentials to send instead of the run's (the example documents another app or user). */
  credentials?: Credentials;
  /** Documented business or project ids the request names as written → the deployment's. */
  places: Map<string, string>;
  /** Documented → actual texts, to adapt the documented message. */
  replacements: Array<[string, string]>;
}

export const DOCUMENTED_BIZ = "2";
/** The project of the documented business, as messages and urls name it. */
export const DOCUMENTED_PROJECT = 3;

/** The documented template id an example's request names. */
export function documentedTemplateId(pair: ExamplePair): string {
  const request = pair.request;
  const contract = request?.contract ?? {};
  const body = isObject(request?.value) ? request.value : {};
  const query = request?.parameters.query ?? {};
  const named =
    contract.task?.create?.template_id ??
    contract.params?.template_id ??
    contract.template_id ??
    query.template_id ??
    body.template_id;
  return named === undefined ? "1" : String(named);
}

/** The example answers a success whose content comes from a template (a create, a read). */
const succeeds = (pair: ExamplePair) => isObject(pair.response.value) && pair.response.value.result === true;

/**
 * Resolves where an example runs on this target, or why it cannot run here (a skip reason). The
 * example's business becomes the run's, its template the run's template of the same role.
 */
export async function sceneOf(ctx: RunContext, pair: ExamplePair): Promise<Scene | { skip: string }> {
  const contract = pair.request?.contract ?? {};
  const scene: Scene = {
    mode: "mapped",
    bizId: ctx.identity.bizId,
    templateId: ctx.identity.templateId,
    ids: new Map(),
    places: new Map(),
    replacements: [],
  };
  const trust = callerOf(ctx, contract.caller ?? callerNamed(pair));
  if ("skip" in trust) return trust;
  scene.credentials = trust.credentials;
  const documentedId = documentedTemplateId(pair);
  const documented = documentedTemplates().get(documentedId);
  const needsTemplate = contract.fixture === "demo" || succeeds(pair);
  if (ctx.target.demoData) {
    Object.assign(scene, {
      mode: "documented",
      bizId: DOCUMENTED_BIZ,
      templateId: documentedId,
      projectId: DOCUMENTED_PROJECT,
    });
  } else if (ctx.identity.exampleTemplates?.[documentedId]) {
    Object.assign(scene, { mode: "imported", templateId: ctx.identity.exampleTemplates[documentedId] });
  } else if (needsTemplate) {
    const placed = await placeMapped(ctx, pair, scene, documented, documentedId);
    if (placed) return placed;
  }
  scene.projectId ??= ctx.preflight.projectId;
  placeIds(scene, pair);
  const references = templateReferences(pair);
  const source = documented?.role === "common" ? "common" : "project";
  const usesTemplate =
    references.nodes.length + references.keys.length + references.schemes.length > 0 || succeeds(pair);
  const onTemplate = documented
    ? documented.role !== "other-business"
    : scene.mode !== "documented" && succeeds(pair);
  if (onTemplate && usesTemplate) {
    const template = await groundTemplate(ctx, { templateId: scene.templateId, bizId: scene.bizId, source });
    if ("problem" in template)
      return { skip: `cannot read the template the example runs on: ${template.problem}` };
    scene.template = template;
    const mapped = mapReferences(scene, documented, template, references);
    if (mapped) return { skip: mapped };
  }
  if (documentedId !== scene.templateId) {
    scene.replacements.push(
      [`[id=${documentedId}]`, `[id=${scene.templateId}]`],
      [`(id=${documentedId})`, `(id=${scene.templateId})`],
    );
  }
  return scene;
}

/** The kind of caller an example names by keeping a demo caller's credentials (see DEMO_CALLERS). */
function callerNamed(pair: ExamplePair): "trusted" | "unprivileged" | undefined {
  const request = pair.request;
  const body = isObject(request?.value) ? request.value : {};
  const sources = [request?.contract.authorization ?? {}, body, request?.parameters.query ?? {}];
  const kept = (key: string) => sources.map((source) => source[key]).find((value) => value !== undefined);
  if (kept("bk_app_code") === DEMO_CALLERS.trustedAppCode) return "trusted";
  if (kept("bk_token") === DEMO_CALLERS.unprivilegedBkToken) return "unprivileged";
  return undefined;
}

/** Which credentials an example's caller needs, or why this run cannot be that caller. */
function callerOf(
  ctx: RunContext,
  caller: string | undefined,
): { credentials?: Credentials } | { skip: string } {
  const trusted = ctx.preflight.trusted;
  if (caller === "unprivileged" && !ctx.target.demoData) {
    const token = ctx.identity.unprivilegedBkToken;
    if (!token)
      return {
        skip: "documents what a user IAM grants nothing gets: pass --unprivileged-bk-token of such a user",
      };
    return { credentials: { ...ctx.identity.credentials, bkToken: token, username: undefined } };
  }
  if (caller === "untrusted" && trusted === true)
    return {
      skip: "the run's app is on bk-sops' whitelist (it skips IAM); this example documents what other apps get",
    };
  if (caller !== "trusted" || trusted === true || ctx.target.demoData) return {};
  if (ctx.identity.trustedCredentials) return { credentials: ctx.identity.trustedCredentials };
  return {
    skip: "documents what an app on bk-sops' whitelist gets: pass --trusted-app-code and --trusted-app-secret of such an app",
  };
}

/**
 * The business and project ids an example names as written (a path value it fixes, a value it
 * keeps), each as the deployment's: the documented business (2) and its project (3) are the run's;
 * any other id stands for a business that does not exist.
 */
function placeIds(scene: Scene, pair: ExamplePair): void {
  if (scene.mode === "documented") return;
  const request = pair.request;
  const contract = request?.contract ?? {};
  const body = isObject(request?.value) ? request.value : {};
  const named = [
    contract.params?.bk_biz_id,
    contract.keep?.includes("bk_biz_id")
      ? (body.bk_biz_id ?? request?.parameters.query.bk_biz_id)
      : undefined,
  ];
  for (const value of named) {
    if (value === undefined) continue;
    const id = String(value);
    const mapped =
      id === DOCUMENTED_BIZ
        ? scene.bizId
        : id === String(DOCUMENTED_PROJECT) && scene.projectId !== undefined
          ? String(scene.projectId)
          : MISSING_BUSINESS;
    scene.places.set(id, mapped);
    if (mapped !== id) scene.replacements.push([`project(${id})`, `project(${mapped})`]);
  }
}

/** A business id no deployment has. */
export const MISSING_BUSINESS = "999999999";

/** Places a mapped example on the run's template of the documented template's role. */
async function placeMapped(
  ctx: RunContext,
  pair: ExamplePair,
  scene: Scene,
  documented: DocumentedTemplate | undefined,
  documentedId: string,
): Promise<{ skip: string } | undefined> {
  // A documented template the fixtures do not ship (it has subprocesses): its success runs on the
  // run's template.
  if (!documented && succeeds(pair)) return undefined;
  if (!documented) {
    // A template the documented business does not have: one no deployment has.
    scene.templateId = MISSING_TEMPLATE;
    scene.replacements.push(
      [`(id=${documentedId})`, `(id=${MISSING_TEMPLATE})`],
      [`[id=${documentedId}]`, `[id=${MISSING_TEMPLATE}]`],
    );
    return undefined;
  }
  if (documented.role === "common") {
    const id = await commonTemplateId(ctx);
    if (typeof id !== "string") return { skip: `needs a common template: ${id.problem}` };
    scene.templateId = id;
    return undefined;
  }
  if (ctx.identity.templateSource && !["project", "business"].includes(ctx.identity.templateSource))
    return { skip: "documents a project template: run with a project --template-id" };
  if (documented.role === "other-business") {
    // The run's template asked for in another business: a template that exists, in another business.
    const other = await otherBusiness(ctx);
    if ("problem" in other) return { skip: `needs a second business the user sees: ${other.problem}` };
    scene.bizId = other.bizId;
    scene.projectId = other.projectId;
  }
  return undefined;
}
