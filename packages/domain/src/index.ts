/**
 * bk-sops' pipeline-tree algorithms, pure and HTTP-free: the reference server builds tasks with
 * them and the conformance suite predicts a deployment's answers with the very same code.
 */
export * from "./build-task-tree.js";
export * from "./clone.js";
export * from "./connection.js";
export * from "./constant-checks.js";
export * from "./constants.js";
export * from "./drawing.js";
export * from "./errors.js";
export * from "./exclude.js";
export * from "./gateway-match.js";
export * from "./graph.js";
export * from "./json-schema-lite.js";
export * from "./labels.js";
export * from "./mako-names.js";
export * from "./merge-constants.js";
export * from "./node-table.js";
export * from "./normalize.js";
export * from "./parallel-trim.js";
export * from "./preview-task-tree.js";
export * from "./python-repr.js";
export * from "./python-values.js";
export * from "./regenerate-ids.js";
export * from "./request-limits.js";
export * from "./request-tree.js";
export * from "./rewire.js";
export * from "./secret-keys.js";
export * from "./select-nodes.js";
export * from "./stream.js";
export * from "./types.js";
export * from "./unfold.js";
export * from "./validate-tree.js";
export * from "./web-schema.js";
