// The documented create_task request (ESB form), byte for byte the same for every server.

export const ESB_PATH = "/api/c/compapi/v2/sops/create_task/";

/** The documented body; `overrides` changes fields (a unique name, another template). */
export function documentedBody(overrides = {}) {
  return {
    bk_app_code: "esb_test",
    bk_app_secret: "xxx",
    bk_token: "xxx",
    bk_biz_id: "2",
    template_id: "1",
    name: "tasktest",
    flow_type: "common",
    constants: { "${content}": "echo 1", "${params}": "", "${script_timeout}": 20 },
    ...overrides,
  };
}

/** The documented request as autocannon options (path, method, headers, body). */
export function documentedRequest(overrides = {}) {
  return {
    path: ESB_PATH,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(documentedBody(overrides)),
  };
}

/** A GET of the gateway form with the demo credentials in `X-Bkapi-Authorization`. */
export function gatewayRead(path) {
  return {
    path: `/api/bk-sops/prod${path}`,
    method: "GET",
    headers: {
      "X-Bkapi-Authorization": JSON.stringify({
        bk_app_code: "esb_test",
        bk_app_secret: "xxx",
        bk_token: "xxx",
      }),
    },
  };
}
