import { canonicalTree } from "@bksops/api-types";
import type { Difference } from "../types.js";
import { diffValues, isObject } from "./diff.js";
import { withGeneratedValues } from "./generated.js";
import { idFormatProblems } from "./tree.js";

type Json = Record<string, unknown>;

export interface CompareOptions {
  /** Only the first line of `message` is stable (`x-contract.message: first-line`). */
  firstLineMessage?: boolean;
  /** The target is a static mock: it must answer the example verbatim. */
  exact?: boolean;
  /** Paths of generated values, compared by JSON type (`x-contract.generated`). */
  generated?: readonly string[];
  /** Paths of objects keyed by generated ids (`x-contract.generated-keys`). */
  generatedKeys?: readonly string[];
}

const HEX32 = /^[0-9a-f]{32}$/;
const URL_FIELDS = ["task_url", "function_task_claim_url"] as const;

// Envelope keys the service adds to the published success example: `code` 0 and `trace_id`
// (bk-sops), `message: ""` and `request_id` (the ESB). See the spec's info.description.
const ADDED_ON_SUCCESS: Record<string, (value: unknown) => boolean> = {
  code: (value) => value === 0,
  trace_id: (value) => typeof value === "string" && value.length > 0,
  message: (value) => value === "",
  request_id: (value) => typeof value === "string" && HEX32.test(value),
};

/**
 * A URL like the documented one, with the host free and `instance_id` equal to the task id (any
 * number when the answer names no task id, e.g. a task's detail).
 */
function urlPattern(documented: string, taskId: unknown): RegExp {
  const marker = "INSTANCE_ID";
  const tail = documented
    .replace(/^https?:\/\/[^/]+\//, "")
    .replace(/instance_id=\d+/, `instance_id=${marker}`);
  const id = taskId === undefined ? "\\d+" : String(taskId);
  const escaped = tail.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(marker, id);
  return new RegExp(`^https?://\\S+/${escaped}$`);
}

function compareData(want: Json, got: Json, out: Difference[]): void {
  const rest = { want: { ...want }, got: { ...got } };
  if ("task_id" in want) {
    if (!Number.isInteger(got.task_id) || (got.task_id as number) < 1) {
      out.push({
        path: "data.task_id",
        note: "expected a positive integer",
        expected: want.task_id,
        actual: got.task_id,
      });
    }
    delete rest.want.task_id;
    delete rest.got.task_id;
  }
  for (const field of URL_FIELDS) {
    if (typeof want[field] !== "string") continue;
    const pattern = urlPattern(want[field] as string, got.task_id);
    if (typeof got[field] !== "string" || !pattern.test(got[field] as string)) {
      out.push({
        path: `data.${field}`,
        note: `expected a URL matching ${pattern.source}`,
        expected: want[field],
        actual: got[field],
      });
    }
    delete rest.want[field];
    delete rest.got[field];
  }
  // A task's tree (a created task's, `task_id`; a task's detail, `id`) has generated ids; any other
  // tree (a preview) is compared value by value.
  const taskTree = "task_id" in want || "id" in want;
  if (taskTree && isObject(want.pipeline_tree) && isObject(got.pipeline_tree)) {
    // Generated ids differ on every call: compare the structure, and the ids' format apart.
    diffValues(
      canonicalTree(want.pipeline_tree),
      canonicalTree(got.pipeline_tree),
      "data.pipeline_tree(canonical)",
      out,
    );
    for (const problem of idFormatProblems(got.pipeline_tree))
      out.push({ path: "data.pipeline_tree", note: problem });
    delete rest.want.pipeline_tree;
    delete rest.got.pipeline_tree;
  }
  diffValues(rest.want, rest.got, "data", out);
}

/** Where an answer differs from the documented one: exact where stable, by form where generated. */
export function compareAnswer(
  expected: unknown,
  actual: unknown,
  options: CompareOptions = {},
): Difference[] {
  const out: Difference[] = [];
  if (options.exact || !isObject(expected) || !isObject(actual)) return diffValues(expected, actual, "", out);
  const want = { ...expected };
  const got = {
    ...(withGeneratedValues(expected, actual, options.generated, options.generatedKeys) as Json),
  };
  for (const key of ["trace_id", "request_id"]) {
    if (!(key in want)) continue;
    const ok =
      typeof got[key] === "string" &&
      (key === "trace_id" ? (got[key] as string).length > 0 : HEX32.test(got[key] as string));
    if (!ok)
      out.push({
        path: key,
        note: key === "request_id" ? "expected 32 hex" : "expected a trace id",
        expected: want[key],
        actual: got[key],
      });
    delete want[key];
    delete got[key];
  }
  if (options.firstLineMessage && typeof want.message === "string" && typeof got.message === "string") {
    got.message = got.message.split("\n")[0];
  }
  if (want.result === true) {
    for (const [key, valid] of Object.entries(ADDED_ON_SUCCESS)) {
      if (key in want || !(key in got)) continue;
      if (!valid(got[key]))
        out.push({ path: key, note: "not the value the service adds on success", actual: got[key] });
      delete got[key];
    }
  }
  if (isObject(want.data) && isObject(got.data)) {
    compareData(want.data, got.data, out);
    delete want.data;
    delete got.data;
  }
  return diffValues(want, got, "", out);
}
