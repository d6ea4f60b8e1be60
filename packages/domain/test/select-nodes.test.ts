import { describe, expect, it } from "vitest";
import { TaskNodeSelectionError } from "../src/errors.js";
import type { NodeSelection } from "../src/select-nodes.js";
import { excludedBySchemeNodes, normalizeSchemeIds, resolveExcludeList } from "../src/select-nodes.js";
import { chain } from "../src/testing/builder.js";
import type { TemplateScheme } from "../src/types.js";

const tree = chain({ R: "act", B: "opt", A: "opt", C: "opt" });
// Scheme unique ids are `<template id>-<scheme name>` (gcloud/template_base/apis/drf/viewsets/
// template_scheme.py); this template is template 7. Scheme 1 still lists a node the tree lost.
const schemes: TemplateScheme[] = [
  { id: 1, name: "plan A", unique_id: "7-plan A", data: ["R", "A", "gone"] },
  { id: 2, name: "plan B", unique_id: "7-plan B", data: ["B"] },
];

describe("resolveExcludeList: results (docs/bk-sops-behaviour.md §7)", () => {
  it.each([
    ["nothing selected excludes nothing", { given: {}, want: [] }],
    [
      "exclude_task_nodes_id is passed through as sent",
      { given: { exclude_task_nodes_id: ["C", "C", 1] }, want: ["C", "C", 1] },
    ],
    [
      "execute_task_nodes_id excludes every other activity, sorted, required ones included",
      {
        given: { execute_task_nodes_id: ["A", "unknown"], exclude_task_nodes_id: ["B"] },
        want: ["B", "C", "R"],
      },
    ],
    [
      "an empty execute list falls back to the exclude list",
      {
        given: { execute_task_nodes_id: [], exclude_task_nodes_id: ["B"] },
        want: ["B"],
      },
    ],
    [
      "a scheme pk excludes the optional activities it does not run",
      { given: { template_schemes_id: 1 }, want: ["B", "C"] },
    ],
    ["a digit-only string is a scheme pk", { given: { template_schemes_id: ["2"] }, want: ["A", "C"] }],
    ["a unique_id names a scheme", { given: { template_schemes_id: "7-plan A" }, want: ["B", "C"] }],
    [
      "several schemes run the union of their nodes",
      { given: { template_schemes_id: [1, "7-plan B"] }, want: ["C"] },
    ],
  ] as Array<[string, { given: NodeSelection; want: unknown[] }]>)("%s", (_name, { given, want }) => {
    expect(resolveExcludeList(tree, given, schemes)).toEqual(want);
  });
});

describe("resolveExcludeList: errors, in bk-sops' order", () => {
  it.each([
    [
      "a scheme id that is not a list",
      { given: { template_schemes_id: { a: 1 } }, want: "invalid template_schemes_id" },
    ],
    ["a boolean scheme id", { given: { template_schemes_id: true }, want: "invalid template_schemes_id" }],
    [
      "an empty-string item",
      {
        given: { template_schemes_id: [""] },
        want: "invalid template_schemes_id: all items must be non-empty strings or positive integers",
      },
    ],
    [
      '"0", which becomes the pk 0',
      {
        given: { template_schemes_id: ["0"] },
        want: "invalid template_schemes_id: all items must be non-empty strings or positive integers",
      },
    ],
    [
      "duplicates, listed once each",
      {
        given: { template_schemes_id: [1, "1", 2, "x", "x", 1] },
        want: "duplicate template_schemes_id: 1, x",
      },
    ],
    [
      "schemes with an exclude list",
      {
        given: { template_schemes_id: [1], exclude_task_nodes_id: ["A"] },
        want: "template_schemes_id can not be used with exclude_task_nodes_id or execute_task_nodes_id",
      },
    ],
    [
      "schemes with an execute list, checked after the ids",
      {
        given: { template_schemes_id: [1, 1], execute_task_nodes_id: ["A"] },
        want: "duplicate template_schemes_id: 1",
      },
    ],
    [
      "unknown schemes, in request order",
      {
        given: { template_schemes_id: [9, "7-plan B", "1-plan A"] },
        want: "unknown template_schemes_id: 9, 1-plan A",
      },
    ],
  ] as Array<[string, { given: NodeSelection; want: string }]>)("rejects %s", (_name, { given, want }) => {
    expect(() => resolveExcludeList(tree, given, schemes)).toThrow(new TaskNodeSelectionError(want));
  });
});

describe("normalizeSchemeIds", () => {
  it.each([
    ["a single string", { given: "a", want: ["a"] }],
    ["a single pk", { given: 3, want: [3] }],
    ["digit strings in a list", { given: ["12", "1a", 4], want: [12, "1a", 4] }],
    ["anything else as is", { given: null, want: null }],
  ])("%s", (_name, { given, want }) => {
    expect(normalizeSchemeIds(given)).toEqual(want);
  });
});

// pipeline_web/preview_base.py::get_template_exclude_task_nodes_with_schemes
describe("excludedBySchemeNodes", () => {
  it("ignores scheme ids the tree no longer has", () => {
    expect(excludedBySchemeNodes(tree, new Set(["R", "gone"]))).toEqual(["B", "A", "C"]);
  });

  it("reads every activity's optional, scheme or not: one without it fails with Python's KeyError", () => {
    const broken = chain({ R: "act", B: "opt" });
    delete (broken.activities.B as { optional?: boolean }).optional;
    expect(() => excludedBySchemeNodes(broken, undefined)).toThrow("'optional'");
  });
});
