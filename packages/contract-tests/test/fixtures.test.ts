import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script of this package (the generator's own code)
import { fixtureFiles } from "../scripts/fixtures-lib.mjs";
import { decodeDat, encodeDat, templateDigest } from "../src/fixtures/dat.js";
import { FIXTURE_FILES } from "../src/fixtures/documented.js";
import { documentedTemplates, FIXTURES_DIR } from "../src/fixtures/load.js";
import { ujsonDumps } from "../src/fixtures/ujson.js";

// The value was checked with Python: json.dumps(v, sort_keys=True, separators=(",", ":")) with
// every "/" escaped is what ujson 5 writes with its defaults.
const SAMPLE = {
  template: { "1": { name: "发布 / release", n: [1, true, null], t: "a\tb\u0001" } },
  exporter_version: 1,
};

describe("bk-sops template files", () => {
  it("write JSON byte for byte as ujson.dumps(sort_keys=True) does", () => {
    expect(ujsonDumps(SAMPLE)).toBe(
      '{"exporter_version":1,"template":{"1":{"n":[1,true,null],"name":"\\u53d1\\u5e03 \\/ release","t":"a\\tb\\u0001"}}}',
    );
    expect(() => ujsonDumps({ x: 1.5 })).toThrow(/integers only/);
  });

  it("sign with bk-sops' salt and read back what they write", () => {
    expect(templateDigest(SAMPLE)).toBe("7971cc1e9041840c3b7d124a5841bade");
    expect(decodeDat(encodeDat(SAMPLE))).toEqual(SAMPLE);
    const tampered = Buffer.from(
      Buffer.from(encodeDat(SAMPLE), "base64").toString("utf8").replace("release", "releasE"),
    ).toString("base64");
    expect(() => decodeDat(tampered)).toThrow(/digest/);
  });

  it("ship the documented templates as generated from the demo data (regenerate: pnpm run generate)", () => {
    for (const [name, content] of fixtureFiles() as Array<[string, string]>)
      expect(readFileSync(new URL(name, FIXTURES_DIR), "utf8"), name).toBe(content);
    expect(Object.values(FIXTURE_FILES).sort()).toEqual(
      (fixtureFiles() as Array<[string, string]>).map(([name]) => name).sort(),
    );
  });

  it("hold every template the examples name, with its role", () => {
    const templates = documentedTemplates();
    expect([...templates.keys()]).toEqual(expect.arrayContaining(["1", "2", "3", "4", "5", "100"]));
    expect(templates.get("5")?.role).toBe("other-business");
    expect(templates.get("100")?.role).toBe("common");
    expect(templates.get("2")?.schemes.map((s) => s.name)).toEqual(["deploy only", "with backup"]);
    expect(Object.keys(templates.get("1")?.tree.activities ?? {})).toContain(
      "node880ded556c6c3c269be3cedc64b6",
    );
  });
});
