/** The bk-sops create_task conformance suite, usable without a process: open a target, run, report. */
export { listChecks, runSuite, type SuiteOptions } from "./run.js";
export { baseUrlTarget } from "./targets/base-url.js";
export { fetchTarget, inProcessTarget } from "./targets/in-process.js";
export { prismTarget } from "./targets/prism.js";
export { referenceTarget } from "./targets/reference.js";
export { DEMO_IDENTITY, type FetchFn, isLoopbackUrl, type Target, TargetError } from "./targets/target.js";
export type * from "./types.js";
