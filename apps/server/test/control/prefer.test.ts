import { describe, expect, it } from "vitest";
import { MAX_DELAY_MS, parsePrefer } from "../../src/control/prefer.js";
import { ScenarioError } from "../../src/control/scenario-error.js";

describe("the Prefer header's scenario preferences", () => {
  it.each([
    ["code", "code=500", { code: 500 }],
    ["example", "example=template_not_found", { example: "template_not_found" }],
    ["delay", "delay=3000", { delay: 3000 }],
    [
      "all three, Prism's way",
      "code=400, example=gateway_wrong_secret, delay=5",
      {
        code: 400,
        example: "gateway_wrong_secret",
        delay: 5,
      },
    ],
    ["names are case-insensitive", "Code=404", { code: 404 }],
    ["quoted values", 'example="documented"', { example: "documented" }],
    ["parameters of a preference are ignored", "delay=10; unit=ms", { delay: 10 }],
    ["the first of a repeated preference counts (RFC 7240)", "code=403, code=500", { code: 403 }],
    ["other preferences are ignored", "return=minimal, dynamic=true, code=201", { code: 201 }],
    ["two Prefer headers arrive joined", "respond-async, delay=0", { delay: 0 }],
    ["the longest delay", `delay=${MAX_DELAY_MS}`, { delay: MAX_DELAY_MS }],
  ])("reads %s", (_name, header, want) => {
    expect(parsePrefer(header)).toEqual(want);
  });

  it.each(["return=minimal", "dynamic=true", "", "respond-async, wait=10"])(
    "finds nothing of ours in %j",
    (header) => {
      expect(parsePrefer(header)).toBeUndefined();
    },
  );

  it.each([
    ["code=abc", /Prefer: code must be an integer from 200 to 599, got "abc"/],
    ["code=99", /code must be an integer from 200 to 599, got "99"/],
    ["code=600", /got "600"/],
    ["code", /code must be an integer/],
    ["code=4.5", /got "4.5"/],
    ["delay=-1", /Prefer: delay must be an integer from 0 to 60000 \(milliseconds\), got "-1"/],
    [`delay=${MAX_DELAY_MS + 1}`, /delay must be an integer from 0 to 60000/],
    ["delay=1e3", /got "1e3"/],
    ["example=", /Prefer: example needs the name of one of the operation's examples/],
    ["example", /example needs the name/],
  ])("refuses %j, saying why", (header, message) => {
    expect(() => parsePrefer(header)).toThrow(ScenarioError);
    expect(() => parsePrefer(header)).toThrow(message);
  });
});
