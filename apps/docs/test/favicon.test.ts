import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { faviconIco } from "../src/favicon.js";

describe("favicon.ico", () => {
  const ico = faviconIco();
  const offset = ico.readUInt32LE(18);
  const png = ico.subarray(offset, offset + ico.readUInt32LE(14));

  it("is an icon file with one 32×32 image stored as PNG", () => {
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 1]);
    expect([ico[6], ico[7]]).toEqual([32, 32]);
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([32, 32]);
  });

  it("draws an opaque mark on a transparent corner", () => {
    const length = png.readUInt32BE(33);
    const rows = inflateSync(png.subarray(41, 41 + length));
    const pixel = (x: number, y: number) => rows.subarray(y * 129 + 1 + x * 4, y * 129 + 1 + x * 4 + 4);
    expect(pixel(0, 0)[3]).toBe(0); // rounded corner
    expect([...pixel(16, 16)]).toEqual([255, 255, 255, 255]); // the task box
    expect([...pixel(16, 4)]).toEqual([0x1f, 0x5f, 0xbf, 255]); // the background
  });
});
