import { CREATE_TASK } from "../http.js";
import { type CheckDef, once, passed, type RunContext, skipped } from "./check.js";
import { type Created, createTask, learned } from "./create.js";
import { brief, diffValues, isObject } from "./diff.js";

type Json = Record<string, unknown>;

// A key no template has; its value must be ignored and it must not appear in the task.
const UNKNOWN_KEY = "${bk_sops_contract_unknown}";

interface ConstantsCreate {
  created: Created;
  key?: string;
  sent?: unknown;
}

/** The constant the suite overwrites: a custom one with a plain value, else any. */
function pickConstant(constants: Json): [string, unknown] | undefined {
  const entries = Object.entries(constants).filter(([, c]) => isObject(c));
  const plain = (c: unknown) => isObject(c) && ["string", "number"].includes(typeof c.value);
  const found =
    entries.find(([, c]) => plain(c) && (c as Json).source_type === "custom") ??
    entries.find(([, c]) => plain(c)) ??
    entries[0];
  if (!found) return undefined;
  const value = (found[1] as Json).value;
  return [found[0], typeof value === "number" ? value + 1 : "bk-sops-contract value"];
}

/** One create that sends a changed value for a known constant and a value for an unknown key. */
function constantsCreate(ctx: RunContext, first: Created): Promise<ConstantsCreate> {
  return once(ctx, "constants", async () => {
    const picked = pickConstant(isObject(first.tree?.constants) ? first.tree.constants : {});
    const constants: Json = { [UNKNOWN_KEY]: "ignored" };
    if (picked) constants[picked[0]] = picked[1];
    const created = await createTask(ctx, "constants", { constants });
    return { created, key: picked?.[0], sent: picked?.[1] };
  });
}

/** Checks of docs/bk-sops-behaviour.md §6: constants sent are applied by exact key; unknown keys are ignored. */
export function constantChecks(staticReason: string): CheckDef[] {
  return [
    {
      id: "semantics.constants-applied",
      operationId: CREATE_TASK,
      title: "A constant sent in `constants` takes the sent value",
      verifies: "docs/bk-sops-behaviour.md §6.1 (merge by exact key, values not type-checked)",
      group: "semantics",
      createsTasks: true,
      async run(ctx, recorder) {
        if (ctx.target.staticMock) return skipped(`${staticReason}it applies no constant`);
        const first = await learned(ctx, recorder);
        if ("status" in first) return first;
        const { created, key, sent } = await constantsCreate(ctx, first);
        if (!key)
          return skipped(
            "the template's task has no global variables to overwrite (discovery found none); give a --template-id that has some",
          );
        recorder.attach(created.exchange);
        if (created.problem)
          return {
            status: "failed",
            reason: `the create with constants did not succeed: ${created.problem}`,
          };
        const constant = isObject(created.tree?.constants) ? created.tree.constants[key] : undefined;
        const actual = isObject(constant) ? constant.value : undefined;
        const differences = diffValues(sent, actual, `data.pipeline_tree.constants["${key}"].value`, []);
        if (differences.length === 0) return passed();
        return {
          status: "failed",
          reason: `${key} was sent ${brief(sent)} but the task has ${brief(actual)}`,
          differences,
        };
      },
    },
    {
      id: "semantics.unknown-constants-ignored",
      operationId: CREATE_TASK,
      title: "An unknown key in `constants` is ignored: the create succeeds and the key is not in the task",
      verifies: "docs/bk-sops-behaviour.md §6.1 step 4, §12.3 (unknown constant keys are silently ignored)",
      group: "semantics",
      createsTasks: true,
      async run(ctx, recorder) {
        if (ctx.target.staticMock) return skipped(`${staticReason}it reads no constant`);
        const first = await learned(ctx, recorder);
        if ("status" in first) return first;
        const { created } = await constantsCreate(ctx, first);
        recorder.attach(created.exchange);
        if (created.problem)
          return {
            status: "failed",
            reason: `a create with an unknown constant key failed: ${created.problem}`,
          };
        const constants = isObject(created.tree?.constants) ? created.tree.constants : {};
        if (!(UNKNOWN_KEY in constants)) return passed();
        return {
          status: "failed",
          reason: `the unknown key ${UNKNOWN_KEY} was added to the task's constants`,
          differences: [
            {
              path: `data.pipeline_tree.constants["${UNKNOWN_KEY}"]`,
              note: "should be absent",
              actual: constants[UNKNOWN_KEY],
            },
          ],
        };
      },
    },
  ];
}
