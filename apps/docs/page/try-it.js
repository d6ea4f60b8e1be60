// @ts-check
// The docs page's try-it panel: sends an operation's documented request (edited or not) to the
// server that serves the page, or to a base URL the reader types, and shows the answer. It reads
// everything from the JSON model the build puts in the page, and talks to no other host.
(() => {
  const modelElement = document.getElementById("bksops-try-it-model");
  if (!modelElement) return;
  /** @type {import("../src/try-it-model.js").TryItModel} */
  const model = JSON.parse(modelElement.textContent || "{}");
  if (!model.operations || model.operations.length === 0) return;

  /** @typedef {import("../src/try-it-model.js").TryItOperation} Operation */
  /** @typedef {import("../src/requests.js").ExampleRequest} Example */

  /** Credentials as the reader last typed them (the spec's demo values at first). */
  /** @type {Record<string, string>} */
  const credentials = Object.fromEntries(model.credentials.map((field) => [field.name, field.example]));
  /** @type {{ operation: Operation, example: Example | undefined, bodyKeys: string[], queryKeys: string[], headerFromCredentials: boolean }} */
  const state = {
    operation: /** @type {Operation} */ (model.operations[0]),
    example: undefined,
    bodyKeys: [],
    queryKeys: [],
    headerFromCredentials: true,
  };

  /** @param {string} text */
  const esc = (text) =>
    text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  /** @param {unknown} value */
  const asText = (value) => (typeof value === "string" ? value : JSON.stringify(value));

  const panel = document.createElement("aside");
  panel.id = "bksops-try-it";
  panel.hidden = true;
  panel.setAttribute("aria-label", "Try it");
  panel.innerHTML = `
    <header><h2>Try it</h2><button type="button" class="bksops-close" aria-label="Close">✕</button></header>
    <label>Operation <select id="bksops-operation"></select></label>
    <label>Example <select id="bksops-example"></select></label>
    <p class="bksops-note" id="bksops-example-note"></p>
    <label>Base URL <input id="bksops-base" list="bksops-servers" spellcheck="false" autocomplete="off"></label>
    <datalist id="bksops-servers"></datalist>
    <fieldset id="bksops-credentials"><legend>Credentials</legend></fieldset>
    <fieldset id="bksops-params"><legend>Parameters</legend></fieldset>
    <label id="bksops-auth-label"><span id="bksops-auth-name"></span>
      <textarea id="bksops-auth" rows="2" spellcheck="false"></textarea></label>
    <label id="bksops-body-label">Body (JSON)
      <textarea id="bksops-body" rows="14" spellcheck="false"></textarea></label>
    <button type="button" id="bksops-send">Send</button>
    <section id="bksops-result" hidden>
      <p id="bksops-status"></p>
      <pre id="bksops-headers"></pre>
      <pre id="bksops-response"></pre>
      <details><summary>As curl</summary><pre id="bksops-curl"></pre></details>
    </section>`;
  const launcher = document.createElement("button");
  launcher.type = "button";
  launcher.id = "bksops-try-it-launcher";
  launcher.textContent = "▶ Try it";
  document.body.append(panel, launcher);

  /** @param {string} id */
  const $ = (id) => /** @type {HTMLElement} */ (panel.querySelector(`#${id}`));
  const operationSelect = /** @type {HTMLSelectElement} */ ($("bksops-operation"));
  const exampleSelect = /** @type {HTMLSelectElement} */ ($("bksops-example"));
  const baseInput = /** @type {HTMLInputElement} */ ($("bksops-base"));
  const authInput = /** @type {HTMLTextAreaElement} */ ($("bksops-auth"));
  const bodyInput = /** @type {HTMLTextAreaElement} */ ($("bksops-body"));
  const credentialsBox = $("bksops-credentials");
  const paramsBox = $("bksops-params");

  operationSelect.innerHTML = model.operations
    .map(
      (op) =>
        `<option value="${esc(op.operationId)}">${esc(`${op.summary} — ${op.method} ${op.path}`)}</option>`,
    )
    .join("");
  for (const field of model.credentials) {
    const label = document.createElement("label");
    label.innerHTML = `<span>${esc(field.name)}</span><input data-credential="${esc(field.name)}" spellcheck="false" autocomplete="off">`;
    if (field.description) label.title = field.description;
    const input = /** @type {HTMLInputElement} */ (label.querySelector("input"));
    input.value = credentials[field.name] ?? "";
    input.addEventListener("input", () => {
      credentials[field.name] = input.value;
      applyCredentials();
    });
    credentialsBox.append(label);
  }

  /** The credentials header built from the fields: every field that is not empty. */
  const credentialsJson = () =>
    JSON.stringify(Object.fromEntries(Object.entries(credentials).filter(([, value]) => value !== "")));

  /** Puts the credential fields into the header, and into the query parameters and body keys that carry them. */
  function applyCredentials() {
    if (state.operation.authHeader && state.headerFromCredentials) authInput.value = credentialsJson();
    for (const input of paramsBox.querySelectorAll("input")) {
      const name = input.dataset.name ?? "";
      if (input.dataset.in === "query" && state.queryKeys.includes(name))
        input.value = credentials[name] ?? "";
    }
    if (state.bodyKeys.length === 0) return;
    let body;
    try {
      body = JSON.parse(bodyInput.value);
    } catch {
      return; // the reader is editing the body; leave it alone
    }
    if (!body || typeof body !== "object" || Array.isArray(body)) return;
    for (const key of state.bodyKeys) {
      if (credentials[key]) body[key] = credentials[key];
      else delete body[key];
    }
    bodyInput.value = JSON.stringify(body, null, 2);
  }

  /** @param {string} operationId */
  function selectOperation(operationId) {
    const operation = model.operations.find((op) => op.operationId === operationId) ?? model.operations[0];
    if (!operation) return;
    state.operation = operation;
    operationSelect.value = operation.operationId;
    exampleSelect.innerHTML = operation.examples
      .map(
        (example) =>
          `<option value="${esc(example.name)}">${esc(example.summary ? `${example.name}: ${example.summary}` : example.name)}${
            example.invalid ? " (invalid on purpose)" : ""
          }</option>`,
      )
      .join("");
    const servers = /** @type {HTMLDataListElement} */ ($("bksops-servers"));
    servers.innerHTML = operation.servers
      .map((server) => `<option value="${esc(server.url)}">${esc(server.description ?? "")}</option>`)
      .join("");
    baseInput.value = operation.servers[0]?.url ?? location.origin;
    paramsBox.hidden = operation.parameters.length === 0;
    paramsBox.querySelectorAll("label").forEach((label) => {
      label.remove();
    });
    for (const parameter of operation.parameters) {
      const label = document.createElement("label");
      label.innerHTML = `<span>${esc(parameter.name)} <small>${esc(parameter.in)}${parameter.required ? ", required" : ""}</small></span><input data-in="${esc(parameter.in)}" data-name="${esc(parameter.name)}" spellcheck="false" autocomplete="off">`;
      if (parameter.description) label.title = parameter.description;
      paramsBox.append(label);
    }
    $("bksops-auth-label").hidden = !operation.authHeader;
    $("bksops-auth-name").textContent = operation.authHeader ? `Header ${operation.authHeader}` : "";
    $("bksops-body-label").hidden = !operation.hasBody;
    $("bksops-result").hidden = true;
    const first = operation.examples.find((example) => !example.invalid) ?? operation.examples[0];
    loadExample(first?.name ?? "");
  }

  /** @param {string} name */
  function loadExample(name) {
    const example = state.operation.examples.find((candidate) => candidate.name === name);
    state.example = example;
    exampleSelect.value = name;
    const notes = [];
    for (const input of paramsBox.querySelectorAll("input")) {
      const where = /** @type {"path" | "query" | "headers"} */ (
        input.dataset.in === "header" ? "headers" : input.dataset.in
      );
      const value = example?.[where]?.[input.dataset.name ?? ""];
      input.value = value === undefined ? "" : asText(value);
    }
    if (state.operation.hasBody) bodyInput.value = JSON.stringify(example?.body ?? {}, null, 2);
    const body = example?.body;
    const keep = example?.keep ?? [];
    state.bodyKeys =
      body && typeof body === "object" && !Array.isArray(body)
        ? Object.keys(credentials).filter((key) => key in body && !keep.includes(key))
        : [];
    const query = example?.query ?? {};
    state.queryKeys = Object.keys(credentials).filter((key) => key in query && !keep.includes(key));
    if (keep.length > 0) notes.push(`This example sends ${keep.join(", ")} as written.`);
    state.headerFromCredentials = !example?.authorization;
    if (example?.authorization) {
      authInput.value = JSON.stringify(example.authorization);
      notes.push("This example sends its own credentials header.");
    }
    if (example?.invalid)
      notes.push("The spec marks this request as invalid on purpose: it documents the error.");
    $("bksops-example-note").textContent = notes.join(" ");
    applyCredentials();
  }

  /** The request the panel would send now. */
  function requestNow() {
    const operation = state.operation;
    let path = operation.path;
    const query = new URLSearchParams();
    /** @type {Record<string, string>} */
    const headers = {};
    for (const input of paramsBox.querySelectorAll("input")) {
      const name = input.dataset.name ?? "";
      if (input.dataset.in === "path") path = path.replace(`{${name}}`, encodeURIComponent(input.value));
      else if (input.value !== "" && input.dataset.in === "query") query.append(name, input.value);
      else if (input.value !== "" && input.dataset.in === "header") headers[name] = input.value;
    }
    if (operation.hasBody) headers["Content-Type"] = "application/json";
    if (operation.authHeader && authInput.value.trim() !== "")
      headers[operation.authHeader] = authInput.value.trim();
    const search = query.toString();
    const url = `${baseInput.value.trim().replace(/\/+$/, "")}${path}${search ? `?${search}` : ""}`;
    return { method: operation.method, url, headers, body: operation.hasBody ? bodyInput.value : undefined };
  }

  /** @param {string} text */
  const shellQuote = (text) => `'${text.replace(/'/g, `'\\''`)}'`;

  /** @param {{ method: string, url: string, headers: Record<string, string>, body?: string }} request */
  const curlOf = (request) =>
    [
      `curl -X ${request.method} ${shellQuote(request.url)}`,
      ...Object.entries(request.headers).map(([name, value]) => `-H ${shellQuote(`${name}: ${value}`)}`),
      ...(request.body === undefined ? [] : [`-d ${shellQuote(request.body)}`]),
    ].join(" \\\n  ");

  const SHOWN_HEADERS = [
    "content-type",
    "sops-trace-id",
    "x-bkapi-error-code",
    "x-bkapi-error-message",
    "allow",
  ];

  async function send() {
    const request = requestNow();
    const status = $("bksops-status");
    const responseBox = $("bksops-response");
    const headersBox = $("bksops-headers");
    $("bksops-result").hidden = false;
    $("bksops-result").scrollIntoView({ block: "nearest" });
    $("bksops-curl").textContent = curlOf(request);
    status.textContent = `Sending ${request.method} ${request.url} …`;
    status.dataset.status = "pending";
    headersBox.textContent = "";
    responseBox.textContent = "";
    const started = performance.now();
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
      });
      const text = await response.text();
      const ms = Math.round(performance.now() - started);
      status.textContent = `HTTP ${response.status} ${response.statusText} · ${ms} ms`;
      status.dataset.status = String(response.status);
      headersBox.textContent = SHOWN_HEADERS.filter((name) => response.headers.has(name))
        .map((name) => `${name}: ${response.headers.get(name)}`)
        .join("\n");
      try {
        responseBox.textContent = JSON.stringify(JSON.parse(text), null, 2);
      } catch {
        responseBox.textContent = text;
      }
    } catch (error) {
      status.dataset.status = "error";
      status.textContent = `No answer from ${request.url}`;
      responseBox.textContent =
        `${String(error)}\n\nThe server may be down or unreachable, or it does not allow requests from ` +
        `this page's origin (${location.origin}) (CORS). The reference server allows any origin by default.`;
    }
  }

  /** @param {string} [operationId] */
  function open(operationId) {
    panel.hidden = false;
    launcher.hidden = true;
    selectOperation(operationId ?? currentOperation());
  }
  function close() {
    panel.hidden = true;
    launcher.hidden = false;
  }
  /** The operation the page's address points at (Redoc's routes end with the lower-cased operationId). */
  function currentOperation() {
    const hash = decodeURIComponent(location.hash).toLowerCase();
    const found = model.operations.find((op) => hash.endsWith(`/${op.operationId.toLowerCase()}`));
    return (found ?? state.operation).operationId;
  }

  operationSelect.addEventListener("change", () => selectOperation(operationSelect.value));
  exampleSelect.addEventListener("change", () => loadExample(exampleSelect.value));
  $("bksops-send").addEventListener("click", () => void send());
  /** @type {HTMLElement} */ (panel.querySelector(".bksops-close")).addEventListener("click", close);
  launcher.addEventListener("click", () => open());
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !panel.hidden) close();
  });
  // The buttons in the operations' descriptions are Redoc's to render and re-render: listen on the document.
  document.addEventListener("click", (event) => {
    const target = /** @type {Element | null} */ (event.target);
    const button = target?.closest?.(".bksops-try-it-open[data-operation]");
    if (button instanceof HTMLElement) open(button.dataset.operation);
  });
})();
