import type { CheckResult, SuiteResult } from "../types.js";
import { closingLine, formatHeader } from "./console.js";
import { diffText, requestsOf } from "./details.js";

const esc = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#222}h1{font-size:1.4rem}
table.sum td,table.sum th{padding:.2rem .8rem;text-align:right}details{border:1px solid #ddd;border-radius:6px;margin:.4rem 0;padding:.3rem .6rem}
summary{cursor:pointer}.passed .st{color:#17803d}.failed .st{color:#c62828}.skipped .st{color:#a66b00}.failed{border-color:#e8a0a0}
pre{background:#f6f8fa;padding:.6rem;overflow:auto;white-space:pre-wrap;word-break:break-all}.del{color:#c62828}.add{color:#17803d}
.meta{color:#666}.st{font-weight:600;display:inline-block;width:4.5rem}code{font-size:13px}`;

// Colours the `- expected` / `+ actual` lines of a diff.
function diffHtml(text: string): string {
  return text
    .split("\n")
    .map((line) =>
      line.startsWith("- ")
        ? `<span class="del">${esc(line)}</span>`
        : line.startsWith("+ ")
          ? `<span class="add">${esc(line)}</span>`
          : esc(line),
    )
    .join("\n");
}

function checkHtml(check: CheckResult): string {
  const parts = [
    `<p class="meta">${esc(check.title)}<br>verifies: ${esc(check.verifies)} · operation ${esc(check.operationId)} · schema ${check.schema} · ${Math.round(check.ms)} ms</p>`,
  ];
  if (check.reason)
    parts.push(`<p><b>${check.status === "failed" ? "Failure" : "Skipped"}:</b> ${esc(check.reason)}</p>`);
  if (check.differences.length > 0)
    parts.push(`<h4>Expected (-) / actual (+)</h4><pre>${diffHtml(diffText(check))}</pre>`);
  for (const [index, request] of requestsOf(check).entries()) {
    const answer = request.error
      ? `no answer: ${request.error}`
      : `HTTP ${request.status} ${request.contentType ?? ""} · ${request.ms} ms`;
    parts.push(
      `<h4>Request ${index + 1}: ${esc(request.operationId)} (${esc(answer)})</h4><pre><code>${esc(request.curl)}</code></pre>`,
    );
    if (request.response)
      parts.push(`<details><summary>answer</summary><pre>${esc(request.response)}</pre></details>`);
  }
  const open = check.status === "failed" ? " open" : "";
  return `<details class="${check.status}"${open}><summary><span class="st">${check.status}</span> <code>${esc(check.id)}</code>${check.reason ? ` — ${esc(check.reason.slice(0, 140))}` : ""}</summary>${parts.join("\n")}</details>`;
}

function latencyHtml(result: SuiteResult): string {
  const rows = Object.entries(result.latency)
    .map(
      ([family, l]) =>
        `<tr><td>${esc(family)}</td><td>${l.requests}</td><td>${l.p50}</td><td>${l.p95}</td><td>${l.max}</td></tr>`,
    )
    .join("");
  return `<h2>Latency (ms)</h2><table class="sum"><tr><th>family</th><th>requests</th><th>p50</th><th>p95</th><th>max</th></tr>${rows}</table>`;
}

function tasksHtml(result: SuiteResult): string {
  if (result.createdTasks.length === 0) return "<h2>Tasks created</h2><p>none</p>";
  const rows = result.createdTasks
    .map(
      (t) =>
        `<tr><td>${t.taskId}</td><td>${t.taskUrl ? `<a href="${esc(t.taskUrl)}">${esc(t.taskUrl)}</a>` : ""}</td><td>${esc(t.name ?? "")}</td><td>${esc(t.by)}</td><td>${esc(t.cleanup ? `started, ${t.cleanup}` : "never started")}</td></tr>`,
    )
    .join("");
  return `<h2>Tasks created (bk-sops' API cannot delete them; those the run started are revoked unless settled)</h2><table class="sum"><tr><th>id</th><th>url</th><th>name</th><th>created by</th><th>started</th></tr>${rows}</table>`;
}

/** A self-contained HTML page: summary, then every check with its diff and a curl per request. */
export function htmlReport(result: SuiteResult): string {
  const { passed, failed, skipped } = result.summary;
  const ordered = [...result.checks].sort(
    (a, b) => Number(b.status === "failed") - Number(a.status === "failed"),
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bk-sops-contract: ${esc(result.target)}</title><style>${STYLE}</style></head>
<body><h1>bk-sops create_task conformance</h1>
<p class="meta">${esc(formatHeader(result))} · ${esc(result.startedAt)}</p>
<p><b>${esc(closingLine(result))}</b></p>
<table class="sum"><tr><th>passed</th><th>failed</th><th>skipped</th><th>schema checked</th><th>schema failed</th></tr><tr><td class="passed">${passed}</td><td class="failed">${failed}</td><td class="skipped">${skipped}</td><td>${result.schema.checked}</td><td>${result.schema.failed}</td></tr></table>
${latencyHtml(result)}
${tasksHtml(result)}
${ordered.map(checkHtml).join("\n")}
</body></html>
`;
}
