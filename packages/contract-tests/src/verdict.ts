import type { SuiteResult } from "./types.js";

/** The limits a run is judged by, besides failed checks. */
export interface Gates {
  /** More skipped checks than this fails the run (`--max-skipped`; `--fail-on-skip` is 0). */
  maxSkipped?: number;
  /** A check family whose p95 round trip is above this fails the run (`--max-latency-ms`). */
  maxLatencyMs?: number;
}

/** One line per gate the run broke (none: the gates hold). */
export function gateProblems(result: SuiteResult, gates: Gates): string[] {
  const problems: string[] = [];
  const { skipped } = result.summary;
  if (gates.maxSkipped !== undefined && skipped > gates.maxSkipped) {
    const which = result.checks
      .filter((check) => check.status === "skipped")
      .slice(0, 5)
      .map((check) => check.id)
      .join(", ");
    problems.push(
      `${skipped} check(s) skipped, more than --max-skipped ${gates.maxSkipped} allows (${which}${skipped > 5 ? ", …" : ""})`,
    );
  }
  if (gates.maxLatencyMs !== undefined) {
    for (const [family, latency] of Object.entries(result.latency)) {
      if (latency.p95 > gates.maxLatencyMs)
        problems.push(
          `${family}: p95 latency ${latency.p95} ms is above --max-latency-ms ${gates.maxLatencyMs} (max ${latency.max} ms over ${latency.requests} requests)`,
        );
    }
  }
  return problems;
}

/** The exit code: 0 every check that applies passed and the gates hold, 1 otherwise (2 is decided before: usage, preflight). */
export const exitCodeOf = (result: SuiteResult, problems: string[]) =>
  result.summary.failed > 0 || problems.length > 0 ? 1 : 0;
