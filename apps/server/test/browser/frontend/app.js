// A small frontend of bk-sops, served from its own origin: the workflow a UI that creates tasks
// goes through, against the API gateway form with the user's `bk_token` cookie and the app's
// credentials in `X-Bkapi-Authorization`. The reference server's browser test drives it.
//   index.html?api=<reference server origin>&biz=2
const params = new URLSearchParams(location.search);
const api = params.get("api") ?? "http://127.0.0.1:8000";
const biz = params.get("biz") ?? "2";
const gateway = `${api}/api/bk-sops/prod`;
// The app's credentials; the user is the browser's bk_token cookie, sent with credentials: include.
const authorization = JSON.stringify({ bk_app_code: "esb_test", bk_app_secret: "xxx" });

const $ = (id) => document.getElementById(id);
const show = (id, text) => {
  $(id).textContent = text;
};

/** A failure a user is shown: what the server said, or that no answer came. */
class CallError extends Error {}

/** One call of the gateway form; the Prefer field, when filled, goes with this call only. */
async function call(method, path, body) {
  const headers = { "X-Bkapi-Authorization": authorization };
  const prefer = $("prefer").value.trim();
  if (prefer) headers.Prefer = prefer;
  $("prefer").value = "";
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(`${gateway}${path}`, {
      method,
      headers,
      credentials: "include",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new CallError(`network error: ${error.message}`);
  }
  let answer;
  try {
    answer = await response.json();
  } catch {
    throw new CallError(`HTTP ${response.status}: the answer is not JSON`);
  }
  if (response.status >= 500)
    throw new CallError(`server error (HTTP ${response.status}): ${answer.message}`);
  if (answer.result !== true) {
    throw new CallError(`refused (HTTP ${response.status}, code ${answer.code}): ${answer.message}`);
  }
  return answer.data;
}

/** A call of the reference server's controls (same origin as the API). */
async function control(method, path, body) {
  const response = await fetch(`${api}/_bksops${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json();
  if (!answer.result) throw new CallError(`control: ${answer.message}`);
  return answer.data;
}

/** Runs a user action; whatever fails is shown in #error, and #status says when it is done. */
async function perform(name, run) {
  show("error", "");
  show("status", `${name}…`);
  const started = performance.now();
  try {
    await run();
    show("status", `${name} done in ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    show("error", error instanceof CallError ? error.message : `bug: ${error.stack}`);
    show("status", `${name} failed after ${Math.round(performance.now() - started)} ms`);
  }
}

/** A button that performs `run`. */
const action = (id, run) => $(id).addEventListener("click", () => perform(id, run));

let template; // get_template_info's data
let schemes = [];
let taskId;

async function loadTemplates() {
  const templates = await call("GET", `/get_template_list/${biz}/`);
  $("template").replaceChildren(
    ...templates.map((item) => new Option(`${item.name} (#${item.id})`, String(item.id))),
  );
}

/** Renders the template's global variables a user fills in, and its schemes. */
async function selectTemplate(id) {
  template = await call("GET", `/get_template_info/${id}/${biz}/`);
  const shown = Object.values(template.pipeline_tree.constants)
    .filter((constant) => constant.source_type === "custom" && constant.show_type === "show")
    .sort((a, b) => a.index - b.index);
  $("constants").replaceChildren(
    ...shown.map((constant) => {
      const label = document.createElement("label");
      const input = document.createElement("input");
      input.name = constant.key;
      input.value = typeof constant.value === "string" ? constant.value : JSON.stringify(constant.value);
      input.dataset.json = typeof constant.value === "string" ? "no" : "yes";
      label.append(`${constant.name} `, input);
      return label;
    }),
  );
  schemes = await call("GET", `/get_template_schemes/${biz}/${id}/`);
  $("scheme").replaceChildren(
    new Option("all nodes", ""),
    ...schemes.map((scheme) => new Option(scheme.name, scheme.id)),
  );
}

/** The optional activities a scheme leaves out (a scheme lists the activities it runs). */
function excludedBy(schemeId) {
  const scheme = schemes.find((item) => item.id === schemeId);
  if (!scheme) return [];
  const runs = new Set(JSON.parse(scheme.data));
  return Object.values(template.pipeline_tree.activities)
    .filter((activity) => activity.optional && !runs.has(activity.id))
    .map((activity) => activity.id);
}

function constantValues() {
  const values = {};
  for (const input of $("constants").querySelectorAll("input")) {
    values[input.name] = input.dataset.json === "yes" ? JSON.parse(input.value) : input.value;
  }
  return values;
}

action("reload-templates", loadTemplates);

$("template").addEventListener("change", () =>
  perform("template", () => selectTemplate($("template").value)),
);

action("preview", async () => {
  const preview = await call("POST", `/preview_task_tree/${biz}/${template.id}/`, {
    exclude_task_nodes_id: excludedBy($("scheme").value),
  });
  $("preview-nodes").replaceChildren(
    ...Object.values(preview.pipeline_tree.activities).map((activity) => {
      const item = document.createElement("li");
      item.textContent = activity.name;
      return item;
    }),
  );
});

action("create", async () => {
  const scheme = $("scheme").value;
  const created = await call("POST", `/create_task/${template.id}/${biz}/`, {
    name: $("task-name").value,
    constants: constantValues(),
    ...(scheme ? { template_schemes_id: [scheme] } : {}),
  });
  taskId = created.task_id;
  show("task", `task ${taskId}: ${Object.keys(created.pipeline_tree.activities).length} nodes`);
  $("start").disabled = false;
});

action("start", async () => {
  await call("POST", `/start_task/${taskId}/${biz}/`, {});
  // Poll as a UI does, until the task is over.
  for (;;) {
    const status = await call("GET", `/get_task_status/${taskId}/${biz}/`);
    show("task-state", status.state);
    if (["FINISHED", "FAILED", "REVOKED"].includes(status.state)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});

// A browser sends a request again once when its connection is reset, so a fault meant to be seen
// must last until it is lifted, not apply to one request.
let dropRule;
action("drop", async () => {
  dropRule = await control("POST", "/rules", { match: { operation: "get_template_list" }, fault: "reset" });
});
action("restore", () => control("DELETE", `/rules/${dropRule.id}`));

action("journal", async () => {
  const { entries } = await control("GET", "/journal?limit=50");
  $("journal-entries").replaceChildren(
    ...entries.map((entry) => {
      const item = document.createElement("li");
      item.textContent = `${entry.method} ${entry.operation ?? entry.path} ${entry.status ?? "unanswered"}`;
      item.dataset.entry = JSON.stringify(entry);
      return item;
    }),
  );
});

action("reset", () => control("POST", "/reset"));

perform("load", loadTemplates);
