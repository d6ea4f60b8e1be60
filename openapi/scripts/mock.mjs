#!/usr/bin/env node
// `pnpm mock`: serves the create_task spec with Prism on 127.0.0.1.
//   node scripts/mock.mjs [--port N] [--host H]     (or MOCK_PORT=N; default 4010)
// Prism's own output is passed through; Ctrl-C (SIGINT) or SIGTERM stops Prism, then this script.
import { parseArgs } from "node:util";
import { PrismStartError, startPrism } from "./prism.mjs";

function fail(message) {
  console.error(`mock: ${message}`);
  process.exit(2);
}

function readOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: "string", short: "p" },
        host: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log("usage: node scripts/mock.mjs [--port N] [--host 127.0.0.1]   (env MOCK_PORT, default 4010)");
    process.exit(0);
  }
  const rawPort = values.port ?? process.env.MOCK_PORT ?? "4010";
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port < 1 || port > 65535) {
    fail(`invalid port ${JSON.stringify(rawPort)} (from ${values.port ? "--port" : "MOCK_PORT"})`);
  }
  return { port, host: values.host ?? "127.0.0.1" };
}

const { port, host } = readOptions();
let prism;
let stopping = false;

async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.error(`mock: ${signal} received, stopping Prism…`);
  await prism?.stop();
  // A stop the user asked for is a clean end, not a failure of the mock.
  process.exit(0);
}
// Registered before Prism starts, so a Ctrl-C during start-up also stops it.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void shutdown(signal));

try {
  prism = await startPrism({
    port,
    host,
    onOutput: (chunk, stream) => (stream === "stdout" ? process.stdout : process.stderr).write(chunk),
  });
} catch (error) {
  if (stopping) process.exit(130);
  const hint =
    error instanceof PrismStartError && /EADDRINUSE/.test(error.output)
      ? ` (port ${port} is in use: pass --port N or set MOCK_PORT)`
      : "";
  // Prism's output was passed through already: print only the first line of the error.
  const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
  console.error(`mock: Prism failed to start${hint}: ${reason}`);
  process.exit(1);
}

console.log(
  `mock: ready — create_task mock at ${prism.url} ` +
    `(POST ${prism.url}/create_task/{template_id}/{bk_biz_id}/ and ${prism.url}/api/c/compapi/v2/sops/create_task/; ` +
    `pick an example with "Prefer: example=NAME")`,
);

const { code, signal } = await prism.exited;
if (!stopping) {
  console.error(`mock: Prism exited unexpectedly (${signal ?? `code ${code}`})`);
  process.exit(code || 1);
}
