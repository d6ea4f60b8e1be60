import type { Difference, DifferenceKind } from "../types.js";
import { diffValues, isObject } from "./diff.js";
import { withGeneratedValues } from "./generated.js";

type Json = Record<string, unknown>;

/** Compares the `data` of a success: the documented and the actual data, differences appended to `out`. */
export type DataComparer = (want: unknown, got: unknown, out: Difference[]) => void;

export interface CompareOptions {
  /** Only the first line of `message` is stable (`x-contract.message: first-line`). */
  firstLineMessage?: boolean;
  /** The target is a static mock: it must answer the example verbatim. */
  exact?: boolean;
  /** How `data` of a success is compared (default: value by value). */
  data?: DataComparer;
  /** Paths of generated values, compared by JSON type (`x-contract.generated`). */
  generated?: readonly string[];
  /** Paths of objects keyed by generated ids (`x-contract.generated-keys`). */
  generatedKeys?: readonly string[];
}

const HEX32 = /^[0-9a-f]{32}$/;

// Envelope keys the service adds to the published success example: `code` 0 and `trace_id`
// (bk-sops), `message: ""` and `request_id` (the ESB). See the spec's info.description.
const ADDED_ON_SUCCESS: Record<string, (value: unknown) => boolean> = {
  code: (value) => value === 0,
  trace_id: (value) => typeof value === "string" && value.length > 0,
  message: (value) => value === "",
  request_id: (value) => typeof value === "string" && HEX32.test(value),
};

/** The kind of an envelope difference: the decisive fields have their own. */
const kindOf = (path: string): DifferenceKind =>
  path === "result" || path === "code" || path === "message"
    ? path
    : path.startsWith("data")
      ? "values"
      : "other";

/** Differences with their kind set from their path (when not set yet). */
export const withKinds = (differences: Difference[]): Difference[] =>
  differences.map((d) => (d.kind ? d : { ...d, kind: kindOf(d.path.split(/[.[]/)[0] ?? "") }));

/** Where an answer differs from the documented one: exact where stable, by form where generated. */
export function compareAnswer(
  expected: unknown,
  actual: unknown,
  options: CompareOptions = {},
): Difference[] {
  const out: Difference[] = [];
  if (options.exact || !isObject(expected) || !isObject(actual))
    return withKinds(diffValues(expected, actual, "", out));
  const want: Json = { ...expected };
  const got: Json = {
    ...(withGeneratedValues(expected, actual, options.generated, options.generatedKeys) as Json),
  };
  for (const key of ["trace_id", "request_id"]) {
    if (!(key in want)) continue;
    const ok =
      typeof got[key] === "string" &&
      (key === "trace_id" ? (got[key] as string).length > 0 : HEX32.test(got[key] as string));
    if (!ok)
      out.push({
        kind: "other",
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
        out.push({
          kind: kindOf(key),
          path: key,
          note: "not the value the service adds on success",
          actual: got[key],
        });
      delete got[key];
    }
    if (options.data && "data" in want && "data" in got) {
      options.data(want.data, got.data, out);
      delete want.data;
      delete got.data;
    }
  }
  diffValues(want, got, "", out);
  return withKinds(out);
}

/** A status difference (the decisive one), or nothing. */
export function statusDifference(expected: number, actual: number): Difference[] {
  return expected === actual
    ? []
    : [{ kind: "status", path: "(status)", note: "HTTP status differs", expected, actual }];
}
