import type { LiteSchema } from "./json-schema-lite.js";
import { schemaErrors } from "./json-schema-lite.js";

/**
 * The JSON schema bk-sops checks every web pipeline tree against when a template is saved and when
 * a task is created (`pipeline_web/parser/schemas.py`, WEB_PIPELINE_SCHEMA, checked as draft 4).
 * It is loose on purpose: `flows`, `line`, `location`, a node's `optional`, a constant's `index`,
 * `value` or `source_info` are all optional, and keys that are not word characters escape the
 * checks of `activities`, `gateways` and `flows` altogether. See docs/bk-sops-behaviour.md §5.5.
 */
const NAME_LIMIT = 50;

/** One flow id: a string, or a list holding exactly one non-empty string. */
const oneFlow: LiteSchema = {
  anyOf: [
    { type: "string" },
    { type: "array", items: { type: "string", minLength: 1 }, minItems: 1, maxItems: 1 },
  ],
};

/** One or more flow ids: a string, or a non-empty list of non-empty strings. */
const flowList: LiteSchema = {
  anyOf: [{ type: "string" }, { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 }],
};

const conditions: LiteSchema = {
  type: "object",
  patternProperties: {
    "^\\w+$": { type: "object", properties: { evaluate: { type: "string" } }, required: ["evaluate"] },
  },
};

function gateway(type: string, extra: Record<string, LiteSchema> = {}): LiteSchema {
  const branching = "conditions" in extra;
  return {
    type: "object",
    properties: {
      id: { type: "string" },
      type: { type: "string", enum: [type] },
      name: { type: "string", maxLength: NAME_LIMIT },
      incoming: flowList,
      outgoing: type === "ConvergeGateway" ? oneFlow : flowList,
      ...extra,
    },
    required: ["id", "type", "name", "incoming", "outgoing", ...(branching ? ["conditions"] : [])],
  };
}

export const WEB_TREE_SCHEMA: LiteSchema = {
  type: "object",
  properties: {
    start_event: {
      type: "object",
      properties: {
        id: { type: "string" },
        name: { type: "string" },
        type: { type: "string", enum: ["EmptyStartEvent"] },
        outgoing: oneFlow,
      },
      required: ["id", "name", "type", "outgoing"],
    },
    end_event: {
      type: "object",
      properties: {
        id: { type: "string" },
        name: { type: "string" },
        type: { type: "string", enum: ["EmptyEndEvent"] },
        incoming: flowList,
      },
      required: ["id", "name", "type", "incoming"],
    },
    flows: {
      type: "object",
      patternProperties: {
        "^\\w+$": {
          type: "object",
          properties: { id: { type: "string" }, source: { type: "string" }, target: { type: "string" } },
          required: ["id", "source", "target"],
        },
      },
    },
    gateways: {
      type: "object",
      patternProperties: {
        "^\\w+$": {
          oneOf: [
            gateway("ConvergeGateway"),
            gateway("ParallelGateway"),
            gateway("ExclusiveGateway", { conditions }),
            gateway("ConditionalParallelGateway", { conditions }),
          ],
        },
      },
    },
    activities: {
      type: "object",
      patternProperties: {
        "^\\w+$": {
          type: "object",
          properties: {
            id: { type: "string" },
            type: { type: "string", enum: ["ServiceActivity", "SubProcess"] },
            name: { type: "string", minLength: 1, maxLength: NAME_LIMIT },
            incoming: flowList,
            outgoing: oneFlow,
            component: {
              type: "object",
              properties: {
                code: { type: "string" },
                data: {
                  type: "object",
                  patternProperties: {
                    "^\\w+$": {
                      type: "object",
                      properties: {
                        hook: { type: "boolean" },
                        value: { type: ["string", "boolean", "object", "null", "number", "array"] },
                      },
                      required: ["hook", "value"],
                    },
                  },
                },
              },
              required: ["code", "data"],
            },
          },
          required: ["id", "name", "type", "incoming", "outgoing"],
        },
      },
    },
    constants: {
      type: "object",
      patternProperties: {
        ".": {
          type: "object",
          properties: {
            source_tag: { type: "string" },
            name: { type: "string", minLength: 1, maxLength: NAME_LIMIT },
            custom_type: { type: "string" },
            source_type: {
              type: "string",
              enum: ["component_inputs", "component_outputs", "custom", "system"],
            },
            validation: { type: "string" },
            source_info: {
              type: "object",
              patternProperties: { "^\\w+$": { type: "array", items: { type: "string" } } },
            },
            key: { type: "string", pattern: "." },
            desc: { type: "string" },
            show_type: { type: "string", enum: ["show", "hide"] },
          },
        },
      },
    },
    outputs: { type: "array", items: { type: "string" } },
  },
  required: ["start_event", "end_event", "activities", "gateways", "outputs", "constants"],
};

/**
 * The schema errors of a tree as bk-sops words them: `<path joined by →>: <message>`, sorted (bk-sops
 * sorts by the whole text of each error, whose first line is the message), joined with `,`.
 * Empty when the tree passes.
 */
export function webSchemaMessage(tree: unknown): string {
  const errors = schemaErrors(WEB_TREE_SCHEMA, tree).sort(
    (a, b) =>
      compare(a.message, b.message) ||
      compare(a.keyword, b.keyword) ||
      compare(a.path.join("/"), b.path.join("/")),
  );
  return errors.map((error) => `${error.path.join("→")}: ${error.message}`).join(",");
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
