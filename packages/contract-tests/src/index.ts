/**
 * The bk-sops conformance suite, usable without a process: open a target, run, report; and the
 * pieces its mirror and validating proxy are made of (ground truth, prediction, comparison,
 * reports, masking), for other tools.
 */
export { readContext } from "./ground/context.js";
export { type GroundTemplate, groundTemplate, type TemplateRef } from "./ground/template.js";
export { placeholderMasker, secretMasker } from "./mask.js";
export { READ_OPERATIONS } from "./mirror/reader.js";
export { formatMirrorSummary, type MirrorOptions, type MirrorResult, runMirror } from "./mirror/run.js";
export { compareTrees, type TreeComparison } from "./predict/compare.js";
export { matchTrees } from "./predict/match.js";
export { type Prediction, predictTask } from "./predict/predict.js";
export { readRules, replayRules } from "./proxy/record.js";
export { type ProxyOptions, type RunningProxy, startProxy } from "./proxy/server.js";
export { htmlReport } from "./report/html.js";
export { jsonReport } from "./report/json.js";
export { junitReport } from "./report/junit.js";
export { REPORT_FILES, writeReports } from "./report/write.js";
export { listChecks, NothingSelectedError, runSuite, type SuiteOptions, WritesRefusedError } from "./run.js";
export { baseUrlTarget } from "./targets/base-url.js";
export { fetchTarget, inProcessTarget } from "./targets/in-process.js";
export { prismTarget } from "./targets/prism.js";
export { referenceTarget } from "./targets/reference.js";
export { DEMO_IDENTITY, type FetchFn, isLoopbackUrl, type Target, TargetError } from "./targets/target.js";
export type * from "./types.js";
export { exitCodeOf, type Gates, gateProblems } from "./verdict.js";
