import { isPlainObject } from "@bksops/domain";
import type { RunContext } from "./checks/check.js";
import { brief } from "./checks/diff.js";
import { readOperation } from "./ground/reads.js";
import { readProblem, sourceKind } from "./ground/template.js";
import type { Exchange, Form, Preflight } from "./types.js";

type Json = Record<string, unknown>;

/** A template id no deployment has: reading it tells whether the app skips IAM. */
export const MISSING_TEMPLATE = "999999999";

const CREDENTIAL_WORDS =
  /APP Code|APP Secret|app code|bk_app_code|bk_app_secret|User authentication|bk_token|bk_username|access_token/i;

/** Why an exchange of the preflight shows a problem of the setup (one line), or nothing. */
function problemOf(exchange: Exchange, form: Form, what: string): string | undefined {
  const url = exchange.request.url.split("?")[0];
  if (!exchange.response) return `cannot reach ${url}: ${exchange.error}`;
  const { status } = exchange.response;
  const json = exchange.response.json as Json | undefined;
  if (!isPlainObject(json))
    return `${url} answered HTTP ${status} ${exchange.response.headers["content-type"] ?? ""}, not a bk-sops answer: ${brief(exchange.response.text, 100)}`;
  if (json.result === true) return undefined;
  const message = typeof json.message === "string" ? json.message : JSON.stringify(json.message);
  if (status === 404 || json.code === 1640401)
    return `${url} answered ${status} "${message}": the ${form} base URL must be ${form === "gateway" ? "the gateway's stage URL (…/api/bk-sops/<stage>)" : "the PaaS host (its ESB serves /api/c/compapi/v2/sops/…)"}`;
  if (json.code === 1640001 || (form === "esb" && json.code === 1306000 && CREDENTIAL_WORDS.test(message)))
    return `credentials refused (${form} form): ${message}`;
  if (json.code === 1640301 || json.code === 1306403)
    return `the ${form === "gateway" ? "gateway" : "ESB"} does not let the app call ${what}: ${message}`;
  if (/^project\(/.test(message)) return `business: ${message}`;
  if (/iam authentication exception/.test(message)) return `the user may not read ${what}: ${message}`;
  return `${what}: ${message} (code ${brief(json.code)})`;
}

/**
 * What the suite checks before any check runs, so that a wrong setup gives one clear line per
 * problem instead of scattered failures: every base URL answers, the credentials are accepted,
 * the business exists and the template is readable (get_template_info, in each form). Then it
 * learns the business's project id and whether the app skips IAM (a template that does not exist
 * is answered by IAM's lookup, or, for apps on the whitelist, by the view).
 */
export async function runPreflight(ctx: RunContext): Promise<Preflight> {
  const { identity } = ctx;
  const preflight: Preflight = { problems: [], exchanges: [] };
  const source = sourceKind(identity.templateSource);
  const what = `${source === "common" ? "common template" : "template"} ${identity.templateId} of business ${identity.bizId}`;
  for (const form of ["esb", "gateway"] as const) {
    if (!ctx.target.bases[form]) continue;
    const exchange = await readOperation(
      ctx,
      "get_template_info",
      [
        ["template_id", identity.templateId],
        ["bk_biz_id", identity.bizId],
      ],
      source === "common" ? { template_source: "common" } : {},
      { form },
    );
    preflight.exchanges.push(exchange);
    const problem = problemOf(exchange, form, what);
    if (problem) preflight.problems.push(problem);
    const data = (exchange.response?.json as Json | undefined)?.data;
    if (isPlainObject(data) && typeof data.project_id === "number") preflight.projectId = data.project_id;
  }
  if (preflight.problems.length > 0 || ctx.target.staticMock) return preflight;
  const probe = await readOperation(ctx, "get_template_info", [
    ["template_id", MISSING_TEMPLATE],
    ["bk_biz_id", identity.bizId],
  ]);
  preflight.exchanges.push(probe);
  const message = String((probe.response?.json as Json | undefined)?.message ?? "");
  if (message.includes(`(id=${MISSING_TEMPLATE})`)) preflight.trusted = false;
  else if (message.includes(`template[id=${MISSING_TEMPLATE}]`)) preflight.trusted = true;
  else if (!message)
    preflight.problems.push(`get_template_info of a missing template: ${readProblem(probe)}`);
  return preflight;
}
