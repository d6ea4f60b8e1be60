/** Helpers for tests of tree algorithms: small template trees built from edge lists. */
export * from "./builder.js";
