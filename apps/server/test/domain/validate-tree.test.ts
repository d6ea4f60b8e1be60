import { readdirSync, readFileSync } from "node:fs";
import { validateTemplateTree } from "@bksops/domain";
import { describe, expect, it } from "vitest";
import { parseTemplateFile } from "../../src/templates/template-file.js";

// The rules themselves are tested in packages/domain/test/validate-web-tree.test.ts; here, the
// demo data passes them and is stored as bk-sops stores a template.
const demoDir = new URL("../../demo/templates/", import.meta.url);
const demoFiles = readdirSync(demoDir).filter((f) => f.endsWith(".json"));
const read = (file: string) => JSON.parse(readFileSync(new URL(file, demoDir), "utf8"));

describe("the demo templates", () => {
  it.each(demoFiles)("%s is a tree bk-sops would save", (file) => {
    expect(() => validateTemplateTree(read(file).pipeline_tree)).not.toThrow();
  });

  it.each(demoFiles)("%s is stored normalised: incoming lists, labels on every node", (file) => {
    const { tree } = parseTemplateFile(read(file));
    const nodes = [
      tree.start_event,
      tree.end_event,
      ...Object.values(tree.activities),
      ...Object.values(tree.gateways),
    ];
    for (const node of nodes) expect(Array.isArray(node.labels)).toBe(true);
    for (const node of [tree.end_event, ...Object.values(tree.activities), ...Object.values(tree.gateways)]) {
      expect(Array.isArray(node.incoming)).toBe(true);
    }
  });
});
