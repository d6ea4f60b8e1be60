// Where the published doc is silent, the spec says what bk-sops does and the server does it: the
// spec accepts exactly the `simplify_vars` values bk-sops creates a task with
// (gcloud/taskflow3/models.py::create_pipeline_instance_exclude_task_nodes: `set(simplify_vars)`),
// and it lists `text/plain` bodies, which bk-sops reads as JSON (gcloud/apigw/views/create_task.py:
// `json.loads(request.body)`, whatever the Content-Type).
import { deref, loadSpec, validatorFor } from "@bksops/api-types";
import { beforeAll, describe, expect, it } from "vitest";
import type { TestServerContext } from "../../src/testing.js";
import { createViaGateway, DEMO_AUTH, freshContext, gatewayPath, send } from "../helpers.js";

const specAccepts = (body: unknown) => validatorFor("GatewayCreateTaskRequest")(body) === true;

describe("simplify_vars: the spec accepts what bk-sops creates a task with", () => {
  let context: TestServerContext;
  beforeAll(() => {
    context = freshContext();
  });

  it.each<[string, unknown]>([
    ["a list of keys", ["${content}"]],
    ["a list holding a number (ignored: it is no key)", [1]],
    ["a list of mixed plain values", ["x", 2, true, null]],
    ["a string (a set of its characters)", "abc"],
    ["an object (a set of its keys)", { "${content}": 1 }],
    ["null (nothing)", null],
  ])("%s: valid in the spec, and the task is created", async (_label, simplify) => {
    const body = { name: "t", simplify_vars: simplify };
    expect(specAccepts(body)).toBe(true);
    expect((await createViaGateway(context, body)).json.result).toBe(true);
  });

  it.each<[string, unknown, string]>([
    ["a number", 5, "'int' object is not iterable"],
    ["a boolean", true, "'bool' object is not iterable"],
    ["a list holding a list", [["x"]], "unhashable type: 'list'"],
    ["a list holding an object", [{ a: 1 }], "unhashable type: 'dict'"],
  ])("%s: invalid in the spec, and creation fails as in bk-sops", async (_label, simplify, text) => {
    const body = { name: "t", simplify_vars: simplify };
    expect(specAccepts(body)).toBe(false);
    const answer = await createViaGateway(context, body);
    expect(answer.json).toMatchObject({
      result: false,
      code: 3599999,
      message: `[API] create_task create pipeline without tree error: ${text}`,
    });
  });
});

describe("text/plain bodies: listed in the spec, read as JSON by the server", () => {
  it("both forms' request bodies list text/plain", () => {
    const spec = loadSpec();
    const paths = spec.paths as Record<string, { post: { requestBody: unknown } }>;
    for (const name of ["/create_task/{template_id}/{bk_biz_id}/", "/api/c/compapi/v2/sops/create_task/"]) {
      const body = deref<{ content: Record<string, unknown> }>(spec, paths[name]?.post.requestBody);
      expect(Object.keys(body.content)).toEqual(["application/json", "text/plain"]);
    }
  });

  it("a JSON body sent as text/plain creates the task", async () => {
    const answer = await send(freshContext(), gatewayPath(), {
      body: JSON.stringify({ name: "t" }),
      headers: { "X-Bkapi-Authorization": JSON.stringify(DEMO_AUTH), "Content-Type": "text/plain" },
    });
    expect(answer.json.result).toBe(true);
  });
});

// pipeline_web/parser/schemas.py::WEB_PIPELINE_SCHEMA is all bk-sops requires of a request's tree.
describe("pipeline_tree: the spec requires what bk-sops' web-tree schema requires", () => {
  it("a tree without flow is_default, constant index or source_type, or a node's optional is valid and creates a task", async () => {
    const template = freshContext().store.templates.findProjectTemplate(1, 3);
    const tree = structuredClone(template?.tree) as unknown as Record<
      string,
      Record<string, Record<string, unknown>>
    >;
    for (const flow of Object.values(tree.flows ?? {})) delete flow.is_default;
    for (const act of Object.values(tree.activities ?? {})) delete act.optional;
    for (const constant of Object.values(tree.constants ?? {})) {
      delete constant.index;
      delete constant.source_type;
    }
    const body = { name: "t", pipeline_tree: tree };
    expect(specAccepts(body)).toBe(true);
    expect((await createViaGateway(freshContext(), body)).json.result).toBe(true);
  });

  it("a tree without an end event's name is refused by both", async () => {
    const template = freshContext().store.templates.findProjectTemplate(1, 3);
    const tree = structuredClone(template?.tree) as unknown as { end_event: Record<string, unknown> };
    delete tree.end_event.name;
    const body = { name: "t", pipeline_tree: tree };
    expect(specAccepts(body)).toBe(false);
    const answer = await createViaGateway(freshContext(), body);
    expect(answer.json.message).toBe(
      "[API] create_task get invalid pipeline_tree: end_event: 'name' is a required property",
    );
  });
});
