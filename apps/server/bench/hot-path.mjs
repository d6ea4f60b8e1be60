#!/usr/bin/env node
// What scenario control costs create_task when nobody uses it: CPU microseconds per request over
// in-process requests (app.request, no sockets), 10 in flight at a time, on a :memory: database.
// Modes: `off` (no controls), `on` (controls and journal, no Prefer, no rule: a loopback server's
// default), `rule` (one rule that matches no create_task, so every request looks it up).
// `--base DIR` adds mode `base`: another build of the server (e.g. main's, before scenario control)
// loaded into the same process. Rounds alternate the modes so that a busy machine slows them
// alike; the median of the rounds and the mean over all requests are printed.
//
//   node --expose-gc bench/hot-path.mjs [--requests 1000] [--rounds 10] [--base DIR] [--modes off,on,rule]
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { documentedBody } from "./lib/request.mjs";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "1000" },
    rounds: { type: "string", default: "10" },
    base: { type: "string" },
    modes: { type: "string", default: "off,on,rule" },
  },
});
const requests = Number(values.requests);
const rounds = Number(values.rounds);
const modes = [...(values.base ? ["base"] : []), ...values.modes.split(",")];
const load = async (dist) =>
  (await import(pathToFileURL(resolve(dist, "testing.js")).href)).createTestContext;
const current = await load(fileURLToPath(new URL("../dist/", import.meta.url)));
const base = values.base ? await load(values.base) : undefined;

const body = JSON.stringify(documentedBody());
const init = { method: "POST", headers: { "content-type": "application/json" }, body };

function contextFor(mode) {
  if (mode === "base") return base({});
  const context = current({ controls: mode !== "off" });
  if (mode === "rule")
    context.controls.rules.add({ match: { operation: "no_such_operation" }, fault: "reset" });
  return context;
}

/** CPU µs per request for `count` create_tasks, `inFlight` at a time. */
async function measure(context, count, inFlight = 10) {
  const send = async () => {
    const response = await context.app.request("/api/c/compapi/v2/sops/create_task/", init);
    const text = await response.text();
    if (!text.startsWith('{"result":true')) throw new Error(`unexpected answer: ${text.slice(0, 200)}`);
  };
  const before = process.cpuUsage();
  for (let sent = 0; sent < count; sent += inFlight) {
    await Promise.all(Array.from({ length: Math.min(inFlight, count - sent) }, send));
  }
  const used = process.cpuUsage(before);
  return (used.user + used.system) / count;
}

const results = Object.fromEntries(modes.map((mode) => [mode, []]));
const contexts = Object.fromEntries(modes.map((mode) => [mode, contextFor(mode)]));
for (const mode of modes) await measure(contexts[mode], 2000); // warm-up: JIT, caches
for (let round = 0; round < rounds; round += 1) {
  for (const mode of modes) {
    global.gc?.();
    results[mode].push(await measure(contexts[mode], requests));
  }
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const mean = (list) => list.reduce((sum, value) => sum + value, 0) / list.length;
console.log(`${rounds} rounds of ${requests} create_task per mode; CPU µs per request`);
for (const mode of modes) {
  const list = results[mode];
  console.log(
    `  ${mode.padEnd(5)} median ${median(list).toFixed(1)}  mean ${mean(list).toFixed(1)}  (${list.map((v) => v.toFixed(0)).join(" ")})`,
  );
}
