import { loadSpec, type OpenApiDocument } from "@bksops/api-types";
import type { RunContext } from "../checks/check.js";
import { specOperations } from "../operations.js";
import type { Target } from "../targets/target.js";
import type { Credentials, Form } from "../types.js";

export interface ReadContextOptions {
  target: Target;
  form: Form;
  credentials: Credentials;
  bizId: string;
  timeoutMs: number;
  /** Puts placeholders where secrets were in recorded requests. */
  mask?: (text: string) => string;
  spec?: OpenApiDocument;
}

/**
 * A context for reading a deployment outside a suite run (the mirror, the proxy's predictions):
 * the suite's read helpers, ground truth and prediction take it as they take a run's. It allows
 * no write and no start; its memo caches what was read for the life of the context.
 */
export function readContext(options: ReadContextOptions): RunContext {
  const spec = options.spec ?? loadSpec();
  return {
    target: options.target,
    identity: { credentials: options.credentials, bizId: options.bizId, templateId: "" },
    form: options.form,
    allowWrites: false,
    readOnly: true,
    allowStarts: false,
    timeoutMs: options.timeoutMs,
    spec,
    pairs: [],
    operations: specOperations(spec),
    preflight: { problems: [], exchanges: [] },
    maxExclusions: 0,
    mask: options.mask ?? ((text) => text),
    sent: [],
    memo: new Map(),
  };
}
