/** The bk-sops conformance suite, usable without a process: open a target, run, report. */
export { listChecks, NothingSelectedError, runSuite, type SuiteOptions, WritesRefusedError } from "./run.js";
export { baseUrlTarget } from "./targets/base-url.js";
export { fetchTarget, inProcessTarget } from "./targets/in-process.js";
export { prismTarget } from "./targets/prism.js";
export { referenceTarget } from "./targets/reference.js";
export { DEMO_IDENTITY, type FetchFn, isLoopbackUrl, type Target, TargetError } from "./targets/target.js";
export type * from "./types.js";
export { exitCodeOf, type Gates, gateProblems } from "./verdict.js";
