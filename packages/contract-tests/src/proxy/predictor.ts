import type { OpenApiDocument } from "@bksops/api-types";
import { isPlainObject } from "@bksops/domain";
import type { RunContext } from "../checks/check.js";
import { readContext } from "../ground/context.js";
import { sourceKind } from "../ground/template.js";
import { templateFamily } from "../mirror/family.js";
import { predictTask } from "../predict/predict.js";
import { baseUrlTarget } from "../targets/base-url.js";
import type { Form } from "../types.js";
import type { Call } from "./caller.js";
import { CREATES_TASKS, type LivePrediction } from "./judge.js";
import type { Route } from "./routes.js";

/**
 * Predicts what a create should answer, from the template read through bk-sops' reads with the
 * caller's own credentials, at the front door the caller used. Each caller's reads are made once
 * per template and kept for the life of the proxy.
 */
export function livePredictor(
  upstream: URL,
  options: {
    timeoutMs: number;
    spec: OpenApiDocument;
    mask: (text: string) => string;
    /**
     * The ESB's base (the PaaS host), for the reads only the ESB has (an older version of a
     * common flow) when gateway traffic is predicted; default: the upstream's root.
     */
    esbUrl?: string;
  },
): (route: Route, call: Call) => Promise<LivePrediction | undefined> {
  const contexts = new Map<string, RunContext>();
  const root = `${upstream.origin}${upstream.pathname.replace(/\/+$/, "")}`;
  return async (route, call) => {
    if (!CREATES_TASKS.has(route.name)) return undefined;
    if (isPlainObject(call.params.pipeline_tree))
      return {
        problem: "the request sends its own pipeline_tree (only tasks from a template are predicted)",
      };
    if (!call.credentials)
      return {
        problem:
          "the request's credentials cannot be reused to read the template (an app secret and a bk_token or bk_username are needed)",
      };
    if (!call.templateId || !call.bizId) return { problem: "the request names no template or business" };
    const base = `${root}${route.prefix}`;
    const bases: Partial<Record<Form, string>> = { [route.form]: base };
    if (route.form === "gateway") bases.esb = options.esbUrl?.replace(/\/+$/, "") ?? root;
    const key = JSON.stringify([route.form, base, call.credentials, call.bizId]);
    let ctx = contexts.get(key);
    if (!ctx) {
      ctx = readContext({
        target: baseUrlTarget({ bases }),
        form: route.form,
        credentials: call.credentials,
        bizId: call.bizId,
        timeoutMs: options.timeoutMs,
        spec: options.spec,
        mask: options.mask,
      });
      contexts.set(key, ctx);
    }
    // create_and_start_task was written apart from create_task: only `business` (its default)
    // names a project template, and it knows no execute list and no simplify_vars.
    const startsToo = route.name === "create_and_start_task";
    const source = startsToo
      ? (call.templateSource ?? "business") === "business"
        ? "project"
        : "common"
      : sourceKind(call.templateSource);
    const params = startsToo
      ? { ...call.params, execute_task_nodes_id: undefined, simplify_vars: undefined }
      : call.params;
    const family = await templateFamily(ctx, { source, templateId: call.templateId, bizId: call.bizId });
    if ("problem" in family) return { problem: `the template could not be read: ${family.problem}` };
    if ("unknown" in family) return { problem: family.unknown };
    return predictTask(family.template, params, family.catalog);
  };
}
