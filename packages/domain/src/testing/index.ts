/** Helpers for tests of tree algorithms: small trees from edge lists, and a seeded corpus of templates. */
export * from "./builder.js";
export * from "./corpus.js";
export * from "./invariants.js";
export * from "./random.js";
