#!/usr/bin/env node
// `pnpm test:crash`: the reference server never loses a task it acknowledged. Runs the built
// server on one file database under concurrent create_task load, SIGKILLs it at a random moment
// (min-ms to max-ms after its first acknowledged task), restarts it, N times; then restarts once more and checks through the database file that every
// task answered with `result: true` is there with its name and full pipeline_tree, that no task
// id was ever answered twice or reused, and that `PRAGMA integrity_check` is ok.
// Prints `kills: N, acknowledged: N, lost: N`; exits 1 if anything is lost or wrong.
//
//   node bench/crash.mjs [--rounds 5] [--clients 20] [--min-ms 300] [--max-ms 2000] [--keep]
//   --inject-loss deletes one acknowledged task before the checks: they must then report it lost
//   (a check of the checker).
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { documentedRequest } from "./lib/request.mjs";
import { SERVER_ENTRY, startNode } from "./lib/servers.mjs";

const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: "5" },
    clients: { type: "string", default: "20" },
    "min-ms": { type: "string", default: "300" },
    "max-ms": { type: "string", default: "2000" },
    keep: { type: "boolean", default: false },
    "inject-loss": { type: "boolean", default: false },
  },
});
const ROUNDS = Number(args.rounds);
const CLIENTS = Number(args.clients);
const MIN_MS = Number(args["min-ms"]);
const MAX_MS = Number(args["max-ms"]);
// The documented template 1 of business 2: a task has exactly these two activities.
const EXPECTED_ACTIVITIES = ["node880ded556c6c3c269be3cedc64b6", "node9b5ae13799d63e179f0ce3088b62"];

const work = mkdtempSync(join(os.tmpdir(), "bksops-crash-"));
const databasePath = join(work, "tasks.sqlite");
const runId = Date.now().toString(36);
const sha1 = (text) => createHash("sha1").update(text).digest("hex");

/** Every acknowledged task: id → { name, treeHash, round }. */
const acknowledged = new Map();
const problems = [];
let kills = 0;

try {
  console.log(
    `crash test: ${ROUNDS} rounds, ${CLIENTS} concurrent clients, SIGKILL ${MIN_MS}-${MAX_MS} ms into the load`,
  );
  console.log(`database: ${databasePath}`);
  for (let round = 1; round <= ROUNDS; round += 1) await crashRound(round);
  await finalChecks();
} catch (error) {
  problems.push(`crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  if (!args.keep) rmSync(work, { recursive: true, force: true });
}

const lost = [...acknowledged.values()].filter((task) => task.lost).length;
for (const problem of problems.slice(0, 20)) console.log(`  problem: ${problem}`);
if (problems.length > 20) console.log(`  … and ${problems.length - 20} more problems`);
console.log(`kills: ${kills}, acknowledged: ${acknowledged.size}, lost: ${lost}`);
console.log(problems.length === 0 && lost === 0 ? "PASS" : "FAIL");
process.exitCode = problems.length === 0 && lost === 0 ? 0 : 1;

/** One round: start, load with CLIENTS clients, SIGKILL at a random moment, wait for the exit. */
async function crashRound(round) {
  const server = await startNode(
    SERVER_ENTRY,
    { DATABASE_PATH: databasePath, LOG_LEVEL: "warn" },
    { label: "server" },
  );
  const killAfter = MIN_MS + Math.random() * (MAX_MS - MIN_MS);
  let stopped = false;
  let sent = 0;
  let failed = 0;
  let ackedThisRound = 0;
  let firstAck;
  const acked = new Promise((resolve) => {
    firstAck = resolve;
  });
  const client = async (index) => {
    for (let seq = 0; !stopped; seq += 1) {
      const name = `crash ${runId} r${round} c${index} #${seq}`;
      const request = documentedRequest({ name });
      sent += 1;
      let answer;
      try {
        const response = await fetch(server.url + request.path, {
          method: request.method,
          headers: request.headers,
          body: request.body,
        });
        answer = JSON.parse(await response.text());
      } catch {
        failed += 1; // killed mid-request: not acknowledged, so nothing is owed
        continue;
      }
      if (answer?.result !== true) {
        problems.push(`round ${round}: a refused request: ${JSON.stringify(answer).slice(0, 200)}`);
        continue;
      }
      const id = answer.data.task_id;
      if (acknowledged.has(id)) {
        problems.push(`task id ${id} answered twice: "${acknowledged.get(id).name}" and "${name}"`);
        continue;
      }
      acknowledged.set(id, { name, round, treeHash: sha1(JSON.stringify(answer.data.pipeline_tree)) });
      ackedThisRound += 1;
      firstAck();
    }
  };
  const clients = Array.from({ length: CLIENTS }, (_, index) => client(index));
  // The countdown starts at the first acknowledged task: on a busy machine a server can take longer
  // than the countdown to answer at all, and a round without one checks nothing.
  let giveUp;
  await Promise.race([acked, new Promise((resolve) => (giveUp = setTimeout(resolve, 30_000)))]);
  clearTimeout(giveUp);
  await new Promise((resolve) => setTimeout(resolve, killAfter));
  const exit = await server.kill();
  kills += 1;
  stopped = true;
  await Promise.all(clients);
  console.log(
    `  round ${round}: SIGKILL ${Math.round(killAfter)} ms after the first acknowledgement (${exit.signal}); ` +
      `${sent} sent, ${ackedThisRound} acknowledged, ${failed} cut off`,
  );
}

/** Restart once more, then check every acknowledged task through the database file. */
async function finalChecks() {
  const server = await startNode(
    SERVER_ENTRY,
    { DATABASE_PATH: databasePath, LOG_LEVEL: "warn" },
    { label: "server" },
  );
  // A task created after all the crashes gets a fresh id, above every one ever answered.
  const request = documentedRequest({ name: `crash ${runId} after restart` });
  const response = await fetch(server.url + request.path, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  });
  const answer = await response.json();
  const maxAcknowledged = Math.max(0, ...acknowledged.keys());
  if (answer.result !== true) problems.push(`the restarted server refused a task: ${JSON.stringify(answer)}`);
  else if (answer.data.task_id <= maxAcknowledged) {
    problems.push(
      `after the restart, task id ${answer.data.task_id} is not above ${maxAcknowledged}: an id was reused`,
    );
  }
  const stop = await server.stop();
  if (stop.code !== 0)
    problems.push(`the server did not stop cleanly after the checks: ${JSON.stringify(stop)}`);

  if (args["inject-loss"] && acknowledged.size > 0) {
    const victim = [...acknowledged.keys()][Math.floor(Math.random() * acknowledged.size)];
    const writer = new Database(databasePath);
    writer.prepare("DELETE FROM tasks WHERE id = ?").run(victim);
    writer.close();
    console.log(`  --inject-loss: deleted acknowledged task ${victim}`);
  }

  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") problems.push(`PRAGMA integrity_check: ${integrity}`);
    const byId = db.prepare("SELECT id, name, pipeline_tree FROM tasks WHERE id = ?");
    for (const [id, task] of acknowledged) {
      const row = byId.get(id);
      if (!row) {
        task.lost = true;
        problems.push(`task ${id} ("${task.name}", round ${task.round}) was acknowledged and is missing`);
        continue;
      }
      if (row.name !== task.name) {
        task.lost = true;
        problems.push(`task ${id} is "${row.name}", but "${task.name}" was acknowledged under that id`);
        continue;
      }
      let tree;
      try {
        tree = JSON.parse(row.pipeline_tree);
      } catch {
        task.lost = true;
        problems.push(`task ${id}: its pipeline_tree is not JSON`);
        continue;
      }
      const activities = Object.values(tree.activities ?? {})
        .map((act) => act.template_node_id)
        .sort();
      if (sha1(JSON.stringify(tree)) !== task.treeHash || activities.join() !== EXPECTED_ACTIVITIES.join()) {
        task.lost = true;
        problems.push(`task ${id}: the stored pipeline_tree is not the one answered`);
      }
    }
    // Ids come from AUTOINCREMENT: unique, and the sequence is at or above every id ever stored.
    const { n, uniq, top } = db
      .prepare("SELECT count(*) AS n, count(DISTINCT id) AS uniq, max(id) AS top FROM tasks")
      .get();
    if (n !== uniq) problems.push(`${n - uniq} duplicate task ids`);
    const sequence = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'tasks'").get()?.seq ?? 0;
    if (sequence < top) problems.push(`sqlite_sequence (${sequence}) is below the largest id (${top})`);
    console.log(`  after ${kills} kills: ${n} tasks stored, ids up to ${top}, integrity_check: ${integrity}`);
  } finally {
    db.close();
  }
}
