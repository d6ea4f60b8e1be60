import type { ExamplePair } from "@bksops/api-types";
import type { CheckDef } from "./check.js";
import { exampleChecks } from "./examples.js";
import { negativeChecks } from "./negative.js";
import { semanticChecks } from "./semantics.js";

/** Every check of the suite, in run order; example checks come from the spec's pairs. */
export function allChecks(pairs: ExamplePair[]): CheckDef[] {
  return [...exampleChecks(pairs), ...negativeChecks(), ...semanticChecks()];
}
