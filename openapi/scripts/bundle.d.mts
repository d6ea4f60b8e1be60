// Types of scripts/bundle.mjs (exported as `@bksops/openapi/bundle`).

/** Absolute path of the root spec file (`openapi.yaml`). */
export declare const specPath: string;
/** Absolute path of the spec of the reference server's control API (`control/openapi.yaml`). */
export declare const controlSpecPath: string;
/** The spec as one JSON document (Redocly bundle): external references inlined, components hoisted. */
export declare function bundleSpec(file?: string): Record<string, unknown>;
