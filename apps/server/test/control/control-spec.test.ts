// The control API answers as its own spec (openapi/control/openapi.yaml) says.
import { type ControlSchemaName, controlValidatorFor, formatErrors } from "@bksops/api-types/control";
import { describe, expect, it } from "vitest";
import { control, controlledContext, DEMO_AUTH, gatewayPath, send } from "../helpers.js";

describe("control API answers match the control spec's schemas", () => {
  const context = controlledContext();

  const cases: Array<[string, string, string, unknown, ControlSchemaName]> = [
    [
      "create a rule",
      "POST",
      "/rules",
      { match: { operation: "create_task" }, delay: { ms: 1 }, times: 5 },
      "RuleAnswer",
    ],
    ["list rules", "GET", "/rules", undefined, "RuleListAnswer"],
    ["read a rule", "GET", "/rules/1", undefined, "RuleAnswer"],
    ["read the journal", "GET", "/journal", undefined, "JournalAnswer"],
    ["status", "GET", "/status", undefined, "StatusAnswer"],
    ["save a snapshot", "PUT", "/snapshots/spec", undefined, "SnapshotAnswer"],
    ["list snapshots", "GET", "/snapshots", undefined, "SnapshotListAnswer"],
    ["restore a snapshot", "POST", "/snapshots/spec/restore", undefined, "SnapshotAnswer"],
    ["reset", "POST", "/reset", { journal: false }, "ResetAnswer"],
    ["a bad rule", "POST", "/rules", { fault: "explode" }, "Failure"],
    ["a missing rule", "GET", "/rules/99", undefined, "Failure"],
    ["an unknown control path", "GET", "/nothing-here", undefined, "Failure"],
    ["clear the journal", "DELETE", "/journal", undefined, "CountAnswer"],
    ["clear the rules", "DELETE", "/rules", undefined, "CountAnswer"],
  ];

  it.each(cases)("%s", async (_name, method, path, body, schema) => {
    // Something to journal, with and without a scenario.
    await send(context, gatewayPath(), {
      body: { name: "t" },
      headers: { "X-Bkapi-Authorization": JSON.stringify(DEMO_AUTH) },
    });
    await send(context, gatewayPath(), { body: { name: "t" }, headers: { Prefer: "code=500" } });
    const answer = await control(context, method, path, body);
    const validate = controlValidatorFor(schema);
    expect(validate(answer.json), formatErrors(validate.errors).join("\n")).toBe(true);
  });

  it("the spec is served with the controls", async () => {
    const answer = await control(context, "GET", "/openapi.json");
    expect(answer.json.info.title).toBe("bk-sops reference server — scenario control");
  });
});
