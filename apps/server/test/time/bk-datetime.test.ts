import { describe, expect, it } from "vitest";
import { formatBkDatetime, parseBkDatetime, resolveTimeZone } from "../../src/time/bk-datetime.js";

describe("formatBkDatetime: bk-sops' %Y-%m-%d %H:%M:%S %z", () => {
  it.each([
    ["the site's zone by default", "2024-04-23T09:26:40Z", undefined, "2024-04-23 17:26:40 +0800"],
    ["UTC", "2024-04-23T09:26:40Z", "UTC", "2024-04-23 09:26:40 +0000"],
    [
      "a zone west of UTC, in summer time",
      "2024-07-01T12:00:00Z",
      "America/New_York",
      "2024-07-01 08:00:00 -0400",
    ],
    ["the same zone in winter", "2024-01-01T12:00:00Z", "America/New_York", "2024-01-01 07:00:00 -0500"],
    ["a half-hour offset", "2024-01-01T00:00:00Z", "Asia/Kolkata", "2024-01-01 05:30:00 +0530"],
    [
      "the day before, across midnight",
      "2024-01-01T02:00:00Z",
      "America/Los_Angeles",
      "2023-12-31 18:00:00 -0800",
    ],
    ["midnight as 00, not 24", "2024-01-01T16:00:00Z", "Asia/Shanghai", "2024-01-02 00:00:00 +0800"],
  ])("%s", (_name, iso, zone, want) => {
    expect(formatBkDatetime(iso, zone)).toBe(want);
  });

  it("writes the site's zone without the time-zone database exactly as with it, since 1992", () => {
    // "PRC" names the same zone but takes the database path.
    for (let ms = Date.UTC(1992, 0, 1); ms < Date.UTC(2100, 0, 1); ms += 86_399_937 * 17) {
      const iso = new Date(ms).toISOString();
      expect(formatBkDatetime(iso)).toBe(formatBkDatetime(iso, "PRC"));
    }
    // Before 1992 Shanghai kept summer time some years: the database decides.
    expect(formatBkDatetime("1988-06-01T00:00:00Z")).toBe("1988-06-01 09:00:00 +0900");
  });

  it("writes nothing for a time that is not one (bk-sops' empty string)", () => {
    expect(formatBkDatetime("not a time")).toBe("");
  });
});

describe("resolveTimeZone: the names pytz knows", () => {
  it.each([
    ["Asia/Shanghai", "Asia/Shanghai"],
    ["asia/shanghai", "Asia/Shanghai"],
    ["UTC", "UTC"],
    ["Etc/GMT+8", "Etc/GMT+8"],
    ["PRC", "Asia/Shanghai"],
  ])("knows %s", (name, want) => {
    expect(resolveTimeZone(name)).toBe(want);
  });

  it.each(["+08:00", "GMT+8", "Mars/Olympus_Mons", " Asia/Shanghai", "", "Asia/Shanghai;"])(
    "does not know %j",
    (name) => {
      expect(resolveTimeZone(name)).toBeUndefined();
    },
  );
});

describe("parseBkDatetime: times of template files", () => {
  it.each([
    ["bk-sops' own format", "2024-04-23 17:26:40 +0800", "2024-04-23T09:26:40.000Z"],
    ["a negative offset", "2024-04-23 05:26:40 -0400", "2024-04-23T09:26:40.000Z"],
    ["ISO 8601 in UTC", "2024-04-23T09:26:40Z", "2024-04-23T09:26:40.000Z"],
    ["ISO 8601 with an offset", "2024-04-23T17:26:40+08:00", "2024-04-23T09:26:40.000Z"],
  ])("reads %s", (_name, text, want) => {
    expect(parseBkDatetime(text)).toBe(want);
  });

  it.each(["2024-04-23 17:26:40", "2024-04-23T17:26:40", "yesterday", "2024-13-45 10:00:00 +0800"])(
    "refuses %j (no zone, or no time)",
    (text) => {
      expect(parseBkDatetime(text)).toBeUndefined();
    },
  );
});
