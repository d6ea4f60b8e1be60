/**
 * Python's repr, for code written when it lived here: it moved to `@bksops/domain` (the tree
 * validation words its refusals with it too). Import it from there.
 */
export { pyFormat, pyRepr, pyString } from "@bksops/domain";
