#!/usr/bin/env node
// `npm run mock`: serves the spec with Prism, behind the front of scripts/mock-server.mjs, on 127.0.0.1.
//   node scripts/mock.mjs [--port N] [--host H]     (or MOCK_PORT=N; default 4010)
// Prism's own output is passed through, with a `mock:` line for what the front does itself;
// Ctrl-C (SIGINT) or SIGTERM stops the front and Prism, then this script.
import { parseArgs } from "node:util";
import { MockStartError, startMock } from "./mock-server.mjs";

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
let mock;
let stopping = false;

async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.error(`mock: ${signal} received, stopping…`);
  await mock?.stop();
  // A stop the user asked for is a clean end, not a failure of the mock.
  process.exit(0);
}
// Registered before Prism starts, so a Ctrl-C during start-up also stops it.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void shutdown(signal));

try {
  mock = await startMock({
    port,
    host,
    onEvent: (message) => console.error(`mock: ${message}`),
    prism: {
      onOutput: (chunk, stream) => (stream === "stdout" ? process.stdout : process.stderr).write(chunk),
    },
  });
} catch (error) {
  if (stopping) process.exit(130);
  const hint =
    error instanceof MockStartError && error.code === "EADDRINUSE" ? " (pass --port N or set MOCK_PORT)" : "";
  // Prism's output was passed through already: print only the first line of the error.
  const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
  console.error(`mock: cannot start: ${reason}${hint}`);
  process.exit(1);
}

console.log(
  `mock: ready — bk-sops mock at ${mock.url} (Prism behind a front that answers oversized, ` +
    `unreadable and too deeply nested bodies itself, and restarts Prism if it dies). ` +
    `E.g. POST ${mock.url}/create_task/{template_id}/{bk_biz_id}/ or ${mock.url}/api/c/compapi/v2/sops/create_task/; ` +
    `pick an example with "Prefer: example=NAME"`,
);

const error = await mock.gaveUp;
if (!stopping) {
  console.error(`mock: stopping, Prism cannot be restarted: ${error.message.split("\n")[0]}`);
  await mock.stop();
  process.exit(1);
}
