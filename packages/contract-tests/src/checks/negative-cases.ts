import type { Outgoing } from "../http.js";
import { type RunContext, TASK_PREFIX } from "./check.js";
import { documentedAnswer } from "./documented.js";
import { createRequest, credentialKeys, rawRequest } from "./requests.js";

type Json = Record<string, unknown>;

/** One documented way a create can be answered. */
export interface Expected {
  status: number;
  value: Json;
  firstLineMessage?: boolean;
}

/** A request that must be rejected, and the documented answers (any one of them will do). */
export interface NegativeCase {
  id: string;
  title: string;
  verifies: string;
  request(ctx: RunContext): Outgoing;
  expected(ctx: RunContext, actual: unknown): Expected[];
}

const NAME = `${TASK_PREFIX}negative`;
// 101 characters, still recognisable if a faulty server creates the task anyway.
const LONG_NAME = TASK_PREFIX + "a".repeat(101 - TASK_PREFIX.length);
const MISSING_TEMPLATE = "999999999";
const esc = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// Credential-less bodies: the ESB reads credentials from the body, so it cannot see any.
const unreadableBody = (ctx: RunContext): Expected[] => [
  documentedAnswer(ctx, { gateway: "non_object_body", esb: "esb_missing_app_code" }),
];

function templateNotFound(ctx: RunContext, actual: unknown): Expected[] {
  const common =
    !!ctx.identity.templateSource && !["business", "project"].includes(ctx.identity.templateSource);
  const iam = documentedAnswer(
    ctx,
    {
      gateway: common ? "common_template_not_found" : "template_not_found",
      esb: common ? undefined : "esb_template_not_found",
    },
    (m) => m.replace(/\(id=\d+\)/, `(id=${MISSING_TEMPLATE})`),
  );
  // A trusted app skips IAM and gets the view's message, which names the internal project id.
  const message = (actual as Json | undefined)?.message;
  const project =
    typeof message === "string"
      ? new RegExp(`project_id=(\\d+),biz_id=${esc(ctx.identity.bizId)}\\]`).exec(message)?.[1]
      : undefined;
  const view = documentedAnswer(
    ctx,
    { gateway: common ? "trusted_common_template_not_found" : "template_in_another_business" },
    (m) =>
      m
        .replace(/\[id=\d+\]/, `[id=${MISSING_TEMPLATE}]`)
        .replace(
          /project_id=\d+,biz_id=\d+/,
          `project_id=${project ?? "<project id>"},biz_id=${ctx.identity.bizId}`,
        ),
  );
  return [iam, view];
}

/** The negative cases of the issue, each answered as the spec's examples document. */
export const NEGATIVE_CASES: NegativeCase[] = [
  {
    id: "missing-name",
    title: "A create without `name` is rejected",
    verifies:
      "spec CreateTaskParams.required; examples missing_name / esb_missing_name; docs/bk-sops-behaviour.md §4 step 5",
    request: (ctx) => createRequest(ctx, { flow_type: "common" }),
    expected: (ctx) => [
      {
        ...documentedAnswer(ctx, { gateway: "missing_name", esb: "esb_missing_name" }),
        firstLineMessage: true,
      },
    ],
  },
  {
    id: "name-too-long",
    title: "A 101-character `name` is rejected",
    verifies: "spec CreateTaskParams.name maxLength 100; example name_too_long; docs/bk-sops-behaviour.md §3",
    request: (ctx) => createRequest(ctx, { name: LONG_NAME }),
    expected: (ctx) => [
      {
        ...documentedAnswer(ctx, { gateway: "name_too_long" }, (m) => m.replace(/'a+'/, `'${LONG_NAME}'`)),
        firstLineMessage: true,
      },
    ],
  },
  {
    id: "unknown-flow-type",
    title: "An unknown `flow_type` is rejected",
    verifies: "spec CreateTaskParams.flow_type enum; example invalid_flow_type; docs/bk-sops-behaviour.md §9",
    request: (ctx) => createRequest(ctx, { name: NAME, flow_type: "daily" }),
    expected: (ctx) => [
      { ...documentedAnswer(ctx, { gateway: "invalid_flow_type" }), firstLineMessage: true },
    ],
  },
  {
    id: "template-not-found",
    title: "A template that does not exist is reported as not existing",
    verifies:
      "examples template_not_found / esb_template_not_found / template_in_another_business; docs/bk-sops-behaviour.md §2.3 step 10, §4 step 3",
    request: (ctx) => createRequest(ctx, { name: NAME }, { templateId: MISSING_TEMPLATE }),
    expected: templateNotFound,
  },
  {
    id: "wrong-secret",
    title: "A wrong app secret is rejected",
    verifies: "examples gateway_wrong_secret / esb_wrong_secret; docs/bk-sops-behaviour.md §2.1, §2.2",
    request: (ctx) =>
      createRequest(
        ctx,
        { name: NAME },
        {
          credentials: {
            ...credentialKeys(ctx.identity.credentials),
            bk_app_secret: "bk-sops-contract-wrong-secret",
          },
        },
      ),
    expected: (ctx) => [
      documentedAnswer(ctx, { gateway: "gateway_wrong_secret", esb: "esb_wrong_secret" }, (m) =>
        m.replace(/bk_app_code=[^\]]*/, `bk_app_code=${ctx.identity.credentials.appCode}`),
      ),
    ],
  },
  {
    id: "missing-app-code",
    title: "A call without an app code is rejected",
    verifies:
      "examples gateway_missing_app_code / esb_missing_app_code; docs/bk-sops-behaviour.md §2.1, §2.2",
    request: (ctx) => {
      const { bk_app_code: _dropped, ...rest } = credentialKeys(ctx.identity.credentials);
      return createRequest(ctx, { name: NAME }, { credentials: rest });
    },
    expected: (ctx) => [
      documentedAnswer(ctx, { gateway: "gateway_missing_app_code", esb: "esb_missing_app_code" }),
    ],
  },
  {
    id: "malformed-json",
    title: "A body that is not JSON is rejected with the documented envelope (not a 500)",
    verifies: "example non_object_body (also the answer to non-JSON); docs/bk-sops-behaviour.md §2.3 step 7",
    request: (ctx) => rawRequest(ctx, `{"name": "${NAME}",`),
    expected: unreadableBody,
  },
  {
    id: "non-object-body",
    title: "A JSON body that is not an object is rejected",
    verifies: "example non_object_body; docs/bk-sops-behaviour.md §2.3 step 7",
    request: (ctx) => rawRequest(ctx, "[1]"),
    expected: unreadableBody,
  },
];
