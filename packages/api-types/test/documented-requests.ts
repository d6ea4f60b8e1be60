/**
 * The requests the docs show, as data: the README's two curl examples and the spec's documented
 * request examples. `documented-requests.test-d.ts` checks that a client typed by the generated
 * types accepts them; `documented-requests.test.ts` checks that they are what the docs say.
 * (`as const` on enum values only: a literal written in a call keeps its type the same way.)
 */

/** The README's ESB request (`curl … /api/c/compapi/v2/sops/create_task/ -d '…'`). */
export const readmeEsbRequest = {
  bk_app_code: "esb_test",
  bk_app_secret: "xxx",
  bk_token: "xxx",
  bk_biz_id: "2",
  template_id: "1",
  name: "tasktest",
  flow_type: "common" as const,
  constants: { "${content}": "echo 1", "${params}": "", "${script_timeout}": 20 },
};

/** The README's gateway request: its `X-Bkapi-Authorization` header and its body. */
export const readmeGatewayHeader = '{"bk_app_code": "esb_test", "bk_app_secret": "xxx", "bk_token": "xxx"}';
export const readmeGatewayRequest = {
  name: "tasktest",
  exclude_task_nodes_id: ["node880ded556c6c3c269be3cedc64b6"],
};

/** The spec's `documented` request examples (the published doc's request, both forms). */
export const documentedGatewayRequest = {
  bk_app_code: "esb_test",
  bk_app_secret: "xxx",
  bk_token: "xxx",
  name: "tasktest",
  flow_type: "common" as const,
  constants: { "${content}": "echo 1", "${params}": "", "${script_timeout}": 20 },
};
export const documentedEsbRequest = { ...documentedGatewayRequest, bk_biz_id: "2", template_id: "1" };
