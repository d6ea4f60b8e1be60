import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("configuration from the environment", () => {
  it("runs out of the box with defaults", () => {
    expect(loadConfig({})).toEqual({
      port: 8000,
      host: "127.0.0.1",
      databasePath: "data/bk-sops.sqlite",
      bkSopsHost: "http://127.0.0.1:8000/",
      templatesDir: undefined,
      logLevel: "info",
      corsOrigins: ["*"],
      demoData: true,
      controls: true,
      controlApi: "auto",
      journalSize: 100,
      engineTiming: { speed: 1, nodeMs: 1000, componentMs: {} },
    });
  });

  it.each([
    [
      "BK_SOPS_HOST gains its trailing slash",
      { BK_SOPS_HOST: "http://paas/o/bk_sops" },
      { bkSopsHost: "http://paas/o/bk_sops/" },
    ],
    ["DATABASE_PATH may be :memory:", { DATABASE_PATH: ":memory:" }, { databasePath: ":memory:" }],
    [
      "CORS_ORIGINS is a comma list",
      { CORS_ORIGINS: "http://a.test, http://b.test:5173" },
      { corsOrigins: ["http://a.test", "http://b.test:5173"] },
    ],
    ["DEMO_DATA=0 turns the demo data off", { DEMO_DATA: "0" }, { demoData: false }],
    ["PORT=0 asks for any free port", { PORT: "0" }, { port: 0 }],
    ["JOURNAL_SIZE=0 keeps no journal", { JOURNAL_SIZE: "0" }, { journalSize: 0 }],
    ["JOURNAL_SIZE sets the journal's size", { JOURNAL_SIZE: "20000" }, { journalSize: 20000 }],
    [
      "the engine's speed factor and durations, per component code",
      { ENGINE_SPEED: "2.5", ENGINE_NODE_MS: "400", ENGINE_COMPONENT_MS: "sleep_timer=3000, pause_node=0" },
      { engineTiming: { speed: 2.5, nodeMs: 400, componentMs: { sleep_timer: 3000, pause_node: 0 } } },
    ],
  ])("%s", (_name, env, want) => {
    expect(loadConfig(env)).toMatchObject(want);
  });

  it.each([
    ["a speed of 0", { ENGINE_SPEED: "0" }, /ENGINE_SPEED must be a number above 0/],
    [
      "a speed that is not a number",
      { ENGINE_SPEED: "fast" },
      /ENGINE_SPEED must be a number above 0.*"fast"/,
    ],
    [
      "a negative duration",
      { ENGINE_NODE_MS: "-5" },
      /ENGINE_NODE_MS must be a whole number of milliseconds/,
    ],
    ["a fractional duration", { ENGINE_NODE_MS: "1.5" }, /ENGINE_NODE_MS must be a whole number/],
    [
      "a component entry without =",
      { ENGINE_COMPONENT_MS: "sleep_timer" },
      /ENGINE_COMPONENT_MS entries must be code=milliseconds/,
    ],
    [
      "a component duration that is not a number",
      { ENGINE_COMPONENT_MS: "sleep_timer=soon" },
      /ENGINE_COMPONENT_MS \(sleep_timer\) must be a whole number/,
    ],
    [
      "a duration over a day",
      { ENGINE_NODE_MS: "86400001" },
      /ENGINE_NODE_MS must be a whole number of milliseconds from 0 to 86400000/,
    ],
  ])("refuses %s for the engine", (_name, env, problem) => {
    expect(() => loadConfig(env)).toThrow(problem);
  });

  it("lists every bad variable at once", () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: "eighty",
        LOG_LEVEL: "loud",
        BK_SOPS_HOST: "paas",
        CORS_ORIGINS: "*,nope",
        DEMO_DATA: "maybe",
        CONTROL_API: "sometimes",
        JOURNAL_SIZE: "lots",
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(7);
    expect(problems.join("\n")).toMatch(/PORT must be an integer.*"eighty"/);
    expect(problems.join("\n")).toMatch(/LOG_LEVEL must be one of/);
    expect(problems.join("\n")).toMatch(/BK_SOPS_HOST must be an http\(s\) URL/);
    expect(problems.join("\n")).toMatch(/CORS_ORIGINS entries/);
    expect(problems.join("\n")).toMatch(/DEMO_DATA must be 1 or 0/);
    expect(problems.join("\n")).toMatch(/CONTROL_API must be auto, on or off, got "sometimes"/);
    expect(problems.join("\n")).toMatch(/JOURNAL_SIZE must be an integer from 0 to 100000, got "lots"/);
  });
});

describe("scenario control is served on loopback addresses only, unless asked for", () => {
  it.each([
    ["the default host", {}, true],
    ["127.0.0.1", { HOST: "127.0.0.1" }, true],
    ["another 127/8 address", { HOST: "127.0.0.2" }, true],
    ["localhost", { HOST: "localhost" }, true],
    ["::1", { HOST: "::1" }, true],
    ["[::1]", { HOST: "[::1]" }, true],
    ["all interfaces (0.0.0.0)", { HOST: "0.0.0.0" }, false],
    ["all interfaces (::)", { HOST: "::" }, false],
    ["a LAN address", { HOST: "192.168.1.20" }, false],
    ["a name", { HOST: "mock.internal" }, false],
    ["a name that starts like loopback", { HOST: "127.0.0.1.example.org" }, false],
    ["CONTROL_API=off on loopback", { CONTROL_API: "off" }, false],
    ["CONTROL_API=0", { CONTROL_API: "0" }, false],
    ["CONTROL_API=on on all interfaces", { HOST: "0.0.0.0", CONTROL_API: "on" }, true],
    ["CONTROL_API=ON (any case)", { HOST: "10.0.0.1", CONTROL_API: "ON" }, true],
    ["CONTROL_API=auto on all interfaces", { HOST: "0.0.0.0", CONTROL_API: "auto" }, false],
  ])("%s", (_name, env, on) => {
    expect(loadConfig(env).controls).toBe(on);
  });

  it.each(["constructor", "toString", "yes", ""])("refuses CONTROL_API=%j", (value) => {
    expect(() => loadConfig({ CONTROL_API: value })).toThrow(/CONTROL_API must be auto, on or off/);
  });
});
