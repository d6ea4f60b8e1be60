import type { ErrorRow } from "./errors.js";
import { code, esc, inlineMarkdown } from "./html.js";

const statusCell = (row: ErrorRow) => (row.status === undefined ? "—" : String(row.status));
const messageCell = (row: ErrorRow) => (row.message === undefined ? "<i>no example</i>" : code(row.message));
const codeCell = (row: ErrorRow) =>
  `${code(String(row.code))}${row.codeName ? `<br><small>${esc(row.codeName)}</small>` : ""}`;

/** The error table of one operation (code, HTTP status, who answers, message pattern, when). */
export function operationErrorTable(rows: ErrorRow[], operationId: string): string {
  const own = rows.filter((row) => row.operationId === operationId);
  if (own.length === 0) return "";
  const body = own
    .map(
      (row) =>
        `<tr data-code="${row.code}"><td>${codeCell(row)}</td><td>${statusCell(row)}</td><td>${esc(row.source)}</td>` +
        `<td>${messageCell(row)}</td><td>${inlineMarkdown(row.when)}</td></tr>`,
    )
    .join("\n");
  return `<table class="bksops-errors" data-operation="${esc(operationId)}">
<thead><tr><th>Code</th><th>HTTP</th><th>Answered by</th><th>Message pattern</th><th>When</th></tr></thead>
<tbody>
${body}
</tbody></table>`;
}

/**
 * Every documented error of the API, one row per code, status, source and message; the
 * operations that document it in the last column.
 */
export function errorTable(rows: ErrorRow[]): string {
  const merged = new Map<string, { row: ErrorRow; when: Set<string>; operations: Set<string> }>();
  for (const row of rows) {
    const key = JSON.stringify([row.code, row.status, row.source, row.message]);
    const entry = merged.get(key) ?? { row, when: new Set<string>(), operations: new Set<string>() };
    if (row.when) entry.when.add(row.when);
    entry.operations.add(row.operationId);
    merged.set(key, entry);
  }
  const sorted = [...merged.values()].sort(
    (a, b) => a.row.code - b.row.code || (a.row.status ?? 0) - (b.row.status ?? 0),
  );
  const body = sorted
    .map(
      ({ row, when, operations }) =>
        `<tr data-code="${row.code}"><td>${codeCell(row)}</td><td>${statusCell(row)}</td><td>${esc(row.source)}</td>` +
        `<td>${messageCell(row)}</td><td>${[...when].map(inlineMarkdown).join("<br>")}</td>` +
        `<td>${[...operations].map(code).join(" ")}</td></tr>`,
    )
    .join("\n");
  return `<table class="bksops-errors" data-operation="*">
<thead><tr><th>Code</th><th>HTTP</th><th>Answered by</th><th>Message pattern</th><th>When</th><th>Operations</th></tr></thead>
<tbody>
${body}
</tbody></table>`;
}
