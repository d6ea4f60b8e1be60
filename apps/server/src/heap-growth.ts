import { setFlagsFromString } from "node:v8";

/**
 * How far V8 lets the old generation grow past what survived its last full collection, in percent.
 * Left to itself V8 picks a factor of up to 4 for a small heap: under a steady create_task load the
 * server's live heap is about 12 MB, and each request's garbage piles up to several times that
 * before a full collection, which made the peak RSS at 10 connections swing between 145 and 170 MB
 * from run to run. At 50% the full collections come sooner (each takes a few milliseconds on a heap
 * this small): the peak measured 131–133 MB at the same throughput (BENCHMARKS.md). It is a factor,
 * not a cap: a server handling 1,000-activity templates still grows as far as it needs.
 */
export const HEAP_GROWING_PERCENT = 50;

/**
 * The V8 flag to set at start, unless the operator chose the growth factor themselves with
 * `node --heap-growing-percent=N` (NODE_OPTIONS does not accept that flag).
 */
export function heapGrowthFlag(execArgv: readonly string[]): string | undefined {
  const chosen = execArgv.some((arg) => /^--heap[-_]growing[-_]percent(=|$)/.test(arg));
  return chosen ? undefined : `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
}

/** Sets the growth factor for this process (read by V8 each time it sizes the old generation). */
export function tuneHeapGrowth(): void {
  const flag = heapGrowthFlag(process.execArgv);
  if (flag) setFlagsFromString(flag);
}
