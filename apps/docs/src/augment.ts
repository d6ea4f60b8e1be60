import type { OpenApiDocument } from "@bksops/api-types";
import type { TargetReport } from "./conformance.js";
import { conformanceMatrix, operationConformanceTable } from "./conformance-tables.js";
import { errorTable, operationErrorTable } from "./error-tables.js";
import { errorRows } from "./errors.js";
import { esc } from "./html.js";
import { listOperations } from "./operations.js";
import { defaultCredentials, exampleRequests, sampleRequest } from "./requests.js";
import { type CodeSample, codeSamples } from "./samples.js";

/** The spec the page renders, and the samples it shows per operation. */
export interface AugmentedSpec {
  spec: OpenApiDocument;
  samples: Record<string, CodeSample[]>;
}

const ERRORS_INTRO = `Every error the spec documents, from its responses and their examples. **Answered by** says
which layer builds the envelope: the API \`gateway\`, the 2019 \`ESB\`, or bk-sops' \`view\` (through the ESB
its code becomes 1306000). In message patterns, \`{field}\` stands for the value the request sent in that
field; \`…\` ends a message whose first line alone is stable. Codes marked *no example* are listed by an
envelope's schema without an example of their own.`;

const CONFORMANCE_INTRO = `Results of the conformance suite (\`bk-sops-contract\`) per operation and target: the
reference server and the Prism mock at every build, and any deployment whose \`report.json\` was given to
\`npm run docs -- --reports DIR\`. An operation fails on a target when one of its checks failed, and is
*skipped* when every check of it was skipped there (with the reason in the report).`;

/** A "Try it" button for the page's panel; the panel listens for clicks on it. */
const tryItButton = (operationId: string) =>
  `<button type="button" class="bksops-try-it-open" data-operation="${esc(operationId)}">▶ Try it</button>`;

/**
 * The spec as the page shows it: each operation gains its code samples (`x-codeSamples`), a try-it
 * button, its error table and its conformance; `info.description` gains the API's error-code table
 * and the conformance matrix. The spec itself is not changed.
 */
export function augmentSpec(
  source: OpenApiDocument,
  reports: TargetReport[],
  warnings: string[] = [],
): AugmentedSpec {
  const spec = structuredClone(source);
  const operations = listOperations(spec);
  const rows = errorRows(spec);
  const credentials = defaultCredentials(spec);
  const samples: Record<string, CodeSample[]> = {};
  for (const operation of operations) {
    const request = sampleRequest(exampleRequests(spec, operation));
    const own = codeSamples({ operation, request, baseUrl: operation.servers[0]?.url ?? "", credentials });
    samples[operation.operationId] = own;
    operation.node["x-codeSamples"] = own;
    const parts = [tryItButton(operation.operationId)];
    if (typeof operation.node.description === "string") parts.push(operation.node.description.trim());
    const errors = operationErrorTable(rows, operation.operationId);
    if (errors) parts.push("### Errors", errors);
    const conformance = operationConformanceTable(reports, operation.operationId);
    if (conformance) parts.push("### Conformance", conformance);
    operation.node.description = `${parts.join("\n\n")}\n`;
  }
  const info = spec.info as { description?: string };
  info.description = [
    (info.description ?? "").trim(),
    "# Error codes",
    ERRORS_INTRO,
    errorTable(rows),
    "# Conformance",
    CONFORMANCE_INTRO,
    conformanceMatrix(reports, operations, warnings),
  ].join("\n\n");
  return { spec, samples };
}
