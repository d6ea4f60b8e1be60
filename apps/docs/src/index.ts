/** The docs site of the toolkit, built from the spec: samples, error codes, conformance, try-it. */
export { BADGE_LABEL, badgeSvg, conformanceBadge, REFERENCE_REPORT, referenceBadge } from "./badge.js";
export { type BuildOptions, type BuiltSite, buildSite, TITLE } from "./build.js";
export {
  type Counts,
  displayLabel,
  findReports,
  type Outcome,
  outcomeOf,
  readReport,
  type TargetReport,
  versionWarnings,
} from "./conformance.js";
export { type ErrorRow, errorRows, messagePattern, REWRITTEN_BY_ESB } from "./errors.js";
export { faviconIco } from "./favicon.js";
export { listOperations, type Operation } from "./operations.js";
export { FAVICON, REFERENCE_ORIGIN_META, remoteResources } from "./page.js";
export { BADGE_PATH, DEFAULT_REPORTS_DIR, DEFAULT_SITE_DIR, packageRoot } from "./paths.js";
export {
  credentialFields,
  defaultCredentials,
  type ExampleRequest,
  exampleRequests,
  sampleRequest,
  urlOf,
} from "./requests.js";
export { type CodeSample, codeSamples, type SampleInput, TYPES_MODULE } from "./samples.js";
export { type TryItModel, tryItModel } from "./try-it-model.js";
