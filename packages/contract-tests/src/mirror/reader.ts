import { isPlainObject } from "@bksops/domain";
import type { RunContext } from "../checks/check.js";
import { callOperation, successData } from "../ground/reads.js";
import { readProblem, type TemplateRef } from "../ground/template.js";
import type { Exchange, Form } from "../types.js";

type Json = Record<string, unknown>;

/**
 * The only operations the mirror may call: bk-sops' reads. The previews are POSTs, but they read
 * a template (bk-sops stores nothing for them). Anything else is refused before it is sent.
 */
export const READ_OPERATIONS = new Set([
  "get_user_project_list",
  "get_template_list",
  "get_template_info",
  "get_template_schemes",
  "get_common_template_list",
  "get_common_template_info",
  "preview_task_tree",
  "preview_common_task_tree",
]);

/** Why a read gave nothing usable, sorted so the summary can say it plainly. */
export interface ReadProblem {
  problem: string;
  /**
   * `denied`: IAM or the gateway refused the user; `missing`: the deployment has no such thing;
   * `unavailable`: the read cannot give what is needed, however often it is tried (bk-sops has no
   * such read in the form the mirror uses, or it answered success without the tree); `failed`: no
   * usable answer (no answer, a server error), worth another try.
   */
  kind: "denied" | "missing" | "unavailable" | "failed";
}

export type Read<T> = T | ReadProblem;
export const isProblem = (value: unknown): value is ReadProblem =>
  isPlainObject(value) && typeof value.problem === "string" && typeof value.kind === "string";

/** A preview as bk-sops answers it: the tree (unused variables pruned) and the variables it left out. */
export interface Preview {
  pipeline_tree: Json;
  constants_not_referred: Json;
}

/** What the mirror reads; over HTTP (`httpReader`) or, in tests, over anything else. */
export interface MirrorReader {
  templateList(bizId: string): Promise<Read<Json[]>>;
  commonTemplateList(): Promise<Read<Json[]>>;
  /** get_template_info / get_common_template_info, with every `include_*` the file format keeps. */
  templateInfo(ref: TemplateRef): Promise<Read<Json>>;
  /** get_template_schemes (project templates only: bk-sops has no read of a common flow's schemes). */
  schemes(ref: TemplateRef): Promise<Read<Json[]>>;
  /** preview_task_tree / preview_common_task_tree of one version (null: the current one), nothing excluded. */
  preview(ref: TemplateRef, version: string | null): Promise<Read<Preview>>;
}

const DENIED = /iam authentication|permission|no ?perm|权限|APP_NO_PERMISSION|403/i;
const MISSING = /does not exist|not exist|matching query|不存在|NoneType/i;

/** Sorts a failed read: denied, missing, or failed. */
export function problemOf(what: string, exchange: Exchange): ReadProblem {
  const text = readProblem(exchange);
  const status = exchange.response?.status;
  const kind: ReadProblem["kind"] =
    status === 403 || status === 401 || DENIED.test(text)
      ? "denied"
      : status === 404 || MISSING.test(text)
        ? "missing"
        : "failed";
  return { problem: `${what}: ${text}`, kind };
}

const INCLUDE = { include_executor_proxy: "1", include_notify: "1" };

/**
 * The mirror's reader over a deployment, through the suite's request builders and `send` (so every
 * request is recorded with secrets replaced). `onRead` sees each exchange (progress, the read log).
 */
export function httpReader(ctx: RunContext, onRead: (exchange: Exchange) => void = () => {}): MirrorReader {
  const call = async (
    name: string,
    pathParams: Array<[string, string]>,
    options: { query?: Record<string, string>; body?: Json; form?: Form } = {},
  ): Promise<Exchange> => {
    if (!READ_OPERATIONS.has(name)) throw new Error(`the mirror only reads; ${name} is not a read`);
    const exchange = await callOperation(ctx, name, pathParams, options);
    onRead(exchange);
    return exchange;
  };
  const list = async (what: string, exchange: Promise<Exchange>): Promise<Read<Json[]>> => {
    const answer = await exchange;
    const data = successData(answer);
    return Array.isArray(data) ? data.filter(isPlainObject) : problemOf(what, answer);
  };
  const object = async (what: string, exchange: Promise<Exchange>): Promise<Read<Json>> => {
    const answer = await exchange;
    const data = successData(answer);
    return isPlainObject(data) ? data : problemOf(what, answer);
  };
  return {
    templateList: (bizId) =>
      list(`get_template_list of business ${bizId}`, call("get_template_list", [["bk_biz_id", bizId]])),
    commonTemplateList: () => list("get_common_template_list", call("get_common_template_list", [])),
    templateInfo: (ref) =>
      ref.source === "common"
        ? object(
            `get_common_template_info of common template ${ref.templateId}`,
            call("get_common_template_info", [["template_id", ref.templateId]], { query: INCLUDE }),
          )
        : object(
            `get_template_info of template ${ref.templateId}`,
            call(
              "get_template_info",
              [
                ["template_id", ref.templateId],
                ["bk_biz_id", ref.bizId],
              ],
              { query: INCLUDE },
            ),
          ),
    schemes: (ref) =>
      list(
        `get_template_schemes of template ${ref.templateId}`,
        call("get_template_schemes", [
          ["bk_biz_id", ref.bizId],
          ["template_id", ref.templateId],
        ]),
      ),
    preview: async (ref, version) => {
      const name = ref.source === "common" ? "preview_common_task_tree" : "preview_task_tree";
      const what = `${name} of ${ref.source === "common" ? "common " : ""}template ${ref.templateId}${version ? ` at version ${version}` : ""}`;
      // preview_common_task_tree has only the ESB form: read it there when the ESB's base is known.
      const forms = ctx.operations.get(name)?.operationIds ?? {};
      const form: Form | undefined = forms[ctx.form]
        ? ctx.form
        : forms.esb && ctx.target.bases.esb
          ? "esb"
          : undefined;
      if (!form)
        return {
          problem: `${what}: bk-sops has no ${ctx.form} form of ${name} (give the ESB's base too: --esb-url)`,
          kind: "unavailable",
        };
      const body: Json = { exclude_task_nodes_id: [] };
      if (version !== null) body.version = version;
      const answer = await object(
        what,
        call(
          name,
          [
            ["bk_biz_id", ref.bizId],
            ["template_id", ref.templateId],
          ],
          { body, form },
        ),
      );
      if (isProblem(answer)) return answer;
      if (!isPlainObject(answer.pipeline_tree))
        return { problem: `${what}: the answer has no pipeline_tree`, kind: "unavailable" };
      return {
        pipeline_tree: answer.pipeline_tree,
        constants_not_referred: isPlainObject(answer.constants_not_referred)
          ? answer.constants_not_referred
          : {},
      };
    },
  };
}
