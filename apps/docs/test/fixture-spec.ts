// A small spec in the toolkit's shape (two forms of one operation, error envelopes marked with
// x-error-source), so the generators' tests do not depend on what the real spec documents today.
import type { OpenApiDocument } from "@bksops/api-types";

const envelope = (source: string, codes: number[], descriptions: string[]) => ({
  type: "object",
  "x-error-source": source,
  properties: { code: { type: "integer", enum: codes, "x-enum-descriptions": descriptions } },
});

export function fixtureSpec(): OpenApiDocument {
  return {
    openapi: "3.1.0",
    info: { title: "fixture", version: "1.2.3" },
    servers: [{ url: "http://127.0.0.1:8000/api/{stage}", variables: { stage: { default: "prod" } } }],
    security: [{ auth: [] }],
    paths: {
      "/thing/{thing_id}/": {
        post: {
          operationId: "makeThing",
          summary: "Make a thing",
          description: "Makes a thing.",
          parameters: [
            { name: "thing_id", in: "path", required: true, schema: { type: "string" }, example: "7" },
            { name: "Trace", in: "header", required: false, schema: { type: "string" } },
          ],
          requestBody: {
            content: {
              "application/json": {
                examples: {
                  ok: { summary: "A good one", value: { name: "box", bk_app_code: "app" } },
                  missing: {
                    summary: "No such thing",
                    value: { name: "box" },
                    "x-contract": { template_id: "99" },
                  },
                  wrong_secret: {
                    value: { name: "box" },
                    "x-contract": { authorization: { bk_app_code: "app", bk_app_secret: "bad" } },
                  },
                },
              },
            },
            "x-invalid-examples": { no_name: { value: {} } },
          },
          responses: {
            "200": {
              description: "The answer.",
              content: {
                "application/json": {
                  schema: { oneOf: [{ type: "object" }, { $ref: "#/components/schemas/ViewError" }] },
                  examples: {
                    ok: { value: { result: true, code: 0, data: { id: 1 } } },
                    missing: {
                      summary: "The thing does not exist",
                      value: { result: false, code: 404000, message: "thing[id=7] not found" },
                    },
                    no_name: {
                      summary: "`name` is required",
                      value: { result: false, code: 400000, message: "'name' is required\nfailed schema …" },
                      "x-contract": { message: "first-line" },
                    },
                  },
                },
              },
            },
            "400": {
              description: "The gateway refused.",
              content: {
                "application/json": {
                  schema: { $ref: "#/components/schemas/GatewayError" },
                  examples: {
                    wrong_secret: {
                      summary: "Wrong secret",
                      value: { result: false, code: 1600, message: "bad secret" },
                    },
                  },
                },
              },
            },
            "405": {
              description: "Only POST. Nothing else.",
              content: {
                "application/json": {
                  schema: { $ref: "#/components/schemas/ViewError" },
                  example: { result: false, code: 400000, message: "use POST" },
                },
              },
            },
          },
        },
      },
      "/esb/thing/": {
        servers: [{ url: "http://127.0.0.1:8000" }],
        post: {
          operationId: "makeThingEsb",
          security: [],
          requestBody: {
            content: {
              "application/json": {
                examples: { esb_missing: { value: { name: "box", thing_id: "7" } } },
              },
            },
          },
          responses: {
            "200": {
              description: "The ESB's answer.",
              content: {
                "application/json": {
                  schema: { oneOf: [{ type: "object" }, { $ref: "#/components/schemas/EsbError" }] },
                  examples: {
                    esb_missing: { value: { result: false, code: 1300, message: "thing[id=7] not found" } },
                  },
                },
              },
            },
          },
        },
      },
      "/things/": {
        get: {
          operationId: "listThings",
          parameters: [
            {
              name: "limit",
              in: "query",
              schema: { type: "integer" },
              examples: { small: { value: 2 } },
            },
          ],
          responses: {
            "200": {
              description: "The things.",
              content: { "application/json": { examples: { small: { value: { result: true, data: [] } } } } },
            },
          },
        },
      },
    },
    components: {
      securitySchemes: { auth: { type: "apiKey", in: "header", name: "X-Auth" } },
      schemas: {
        Credentials: {
          type: "object",
          properties: {
            bk_app_code: { type: "string", examples: ["app"] },
            bk_app_secret: { type: "string", examples: ["secret"] },
            bk_username: { type: "string" },
          },
        },
        ViewError: envelope("view", [400000, 404000, 500000], ["Bad input.", "Not found.", "It broke."]),
        EsbError: envelope("ESB", [1300, 1301], ["Rewritten or own.", "Rate limited."]),
        GatewayError: envelope("gateway", [1600, 1650], ["Bad credentials.", "Gateway failed (HTTP 500)."]),
      },
    },
  } as unknown as OpenApiDocument;
}
