// Type-level test, run by this package's `tsc` type check (counted by `npm test`): the requests the
// docs show compile against a client typed by the generated types (openapi-fetch, the usual client
// for openapi-typescript types), and requests the spec forbids do not.
import createClient from "openapi-fetch";
import type { paths } from "../src/generated/schema.js";
import {
  documentedEsbRequest,
  documentedGatewayRequest,
  readmeEsbRequest,
  readmeGatewayHeader,
  readmeGatewayRequest,
} from "./documented-requests.js";

const gateway = createClient<paths>({ baseUrl: "http://127.0.0.1:8000/api/bk-sops/prod" });
const esb = createClient<paths>({ baseUrl: "http://127.0.0.1:8000" });
const GATEWAY = "/create_task/{template_id}/{bk_biz_id}/";
const ESB = "/api/c/compapi/v2/sops/create_task/";
const path = { template_id: "1", bk_biz_id: "2" };

export async function documentedRequestsCompile(): Promise<void> {
  // The README's gateway request, with its header typed.
  const created = await gateway.POST(GATEWAY, {
    params: { path, header: { "X-Bkapi-Authorization": readmeGatewayHeader } },
    body: readmeGatewayRequest,
  });
  // The answer is typed too: a success carries the task id.
  if (created.data && created.data.result === true) created.data.data.task_id.toFixed();
  // The published request with its credentials in the body, no header.
  await gateway.POST(GATEWAY, { params: { path }, body: documentedGatewayRequest });
  // The README's ESB request and the documented ESB request.
  await esb.POST(ESB, { body: readmeEsbRequest });
  await esb.POST(ESB, { body: documentedEsbRequest });
  // Values bk-sops accepts that the published doc does not show.
  await gateway.POST(GATEWAY, {
    params: { path },
    body: { name: "t", simplify_vars: [1], template_schemes_id: "1-A" },
  });
}

export async function forbiddenRequestsDoNotCompile(): Promise<void> {
  // @ts-expect-error `name` is required.
  await gateway.POST(GATEWAY, { params: { path }, body: { flow_type: "common" } });
  // @ts-expect-error `flow_type` is common or common_func.
  await gateway.POST(GATEWAY, { params: { path }, body: { name: "t", flow_type: "daily" } });
  // @ts-expect-error the path needs both ids.
  await gateway.POST(GATEWAY, { params: { path: { template_id: "1" } }, body: { name: "t" } });
  const objectHeader = { "X-Bkapi-Authorization": { bk_app_code: "x" } };
  // @ts-expect-error the header is text (JSON), not an object.
  await gateway.POST(GATEWAY, { params: { path, header: objectHeader }, body: { name: "t" } });
  // @ts-expect-error the ESB form needs the ids in the body.
  await esb.POST(ESB, { body: { bk_app_code: "esb_test", bk_app_secret: "xxx", name: "t" } });
}
