#!/usr/bin/env node
// `pnpm bench`: throughput and latency of create_task on the reference server, side by side with
// the Prism mock, a bare node:http server (Node's ceiling) and a minimal Hono + SQLite handler
// (the storage ceiling), all in one run with the same request and load; then the read calls a
// frontend polls (get_template_info, get_template_list, get_task_status); then cost growth with
// the template's size and with 1,000,000 stored tasks. Prints PASS/MISS per target; exits 0
// unless something crashed. Needs the server built (`npm run bench` at the root builds it).
//
//   node bench/run.mjs            full mode (~6 min)
//   node bench/run.mjs --short    quick check (~80 s): shorter cases, 100,000 stored tasks
//   options: --seconds N (per measured case)  --rounds N  --no-prism  --only throughput,reads,growth,volume
//            --volume-tasks N  --json FILE (write every figure as JSON)
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fillTasks } from "./lib/fill.mjs";
import { load } from "./lib/load.mjs";
import { documentedRequest, gatewayRead } from "./lib/request.mjs";
import { sequential, summary } from "./lib/sequential.mjs";
import {
  BARE_ENTRY,
  CEILING_ENTRY,
  cpuMsOf,
  cpuOf,
  memoryOf,
  SERVER_ENTRY,
  sampleRss,
  startNode,
} from "./lib/servers.mjs";
import { fmt, table } from "./lib/table.mjs";
import { writeChainTemplates } from "./lib/templates.mjs";

const { values: args } = parseArgs({
  options: {
    short: { type: "boolean", default: false },
    seconds: { type: "string" },
    rounds: { type: "string" },
    "no-prism": { type: "boolean", default: false },
    only: { type: "string" },
    "volume-tasks": { type: "string" },
    json: { type: "string" },
  },
});

const MODE = args.short
  ? {
      name: "short",
      seconds: 3,
      warmup: 1,
      rounds: 1,
      growthSeconds: 2,
      volumeTasks: 100_000,
      volumeSeconds: 3,
    }
  : {
      name: "full",
      seconds: 8,
      warmup: 3,
      rounds: 2,
      growthSeconds: 5,
      volumeTasks: 1_000_000,
      volumeSeconds: 8,
    };
if (args.seconds) MODE.seconds = MODE.volumeSeconds = Number(args.seconds);
if (args.rounds) MODE.rounds = Number(args.rounds);
if (args["volume-tasks"]) MODE.volumeTasks = Number(args["volume-tasks"]);
const SECTIONS = new Set((args.only ?? "throughput,reads,growth,volume").split(","));
const CONNECTIONS = [10, 100];
const GROWTH_SIZES = [10, 100, 1000];
const TARGETS = {
  ceilingShare: 0.75,
  prismFactor: 2,
  p99At10Ms: 20,
  rssMB: 150,
  volumeDrop: 0.1,
  templateInfoAt10Rps: 10_000,
};

if (!existsSync(SERVER_ENTRY)) {
  console.error(
    `${SERVER_ENTRY} is missing: build the server first (cd apps/server && npx tsc -p tsconfig.build.json)`,
  );
  process.exit(2);
}

const work = mkdtempSync(join(os.tmpdir(), "bksops-bench-"));
const results = { mode: MODE.name, machine: machine(), targets: [], started: new Date().toISOString() };
const verdicts = [];
/** Records a target's outcome; printed again together at the end. */
function verdict(name, met, detail) {
  verdicts.push({ name, met, detail });
  console.log(`  ${met ? "PASS" : "MISS"}  ${name}: ${detail}`);
}
const request = documentedRequest();
const cleanups = [];
process.on("SIGINT", () => process.exit(130));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));

try {
  console.log(
    `bench (${MODE.name} mode): ${results.machine.cpus} × ${results.machine.cpu}, Node ${process.version}`,
  );
  console.log(`load average at start: ${results.machine.loadAverage.join(" ")}; work dir ${work}\n`);
  const answerFile = join(work, "answer.json");
  if (SECTIONS.has("throughput")) await throughput(answerFile);
  if (SECTIONS.has("reads")) await reads();
  if (SECTIONS.has("growth")) await growth();
  if (SECTIONS.has("volume")) await volume();
  results.loadAverageAtEnd = os.loadavg().map((n) => n.toFixed(2));
  results.targets = verdicts;
  console.log(`\n== targets (${MODE.name} mode) ==`);
  for (const v of verdicts) console.log(`  ${v.met ? "PASS" : "MISS"}  ${v.name}: ${v.detail}`);
  console.log(`\nload average at end: ${results.loadAverageAtEnd.join(" ")}`);
  if (args.json) writeFileSync(args.json, `${JSON.stringify(results, null, 2)}\n`);
} catch (error) {
  console.error(
    `\nbench crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exitCode = 1;
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
}

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpu: cpus[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg().map((n) => n.toFixed(2)),
  };
}

/** Starts a server and registers its stop for the end of the run, whatever happens. */
async function started(promise) {
  const server = await promise;
  cleanups.push(() => server.stop());
  return server;
}

async function tasksStored(url) {
  const response = await fetch(`${url}/healthz`);
  return (await response.json()).tasks;
}

/** One measured case: load for `seconds` while sampling the server's RSS. */
async function measure(server, connections, seconds, req = request) {
  const rss = sampleRss(server.pid);
  const before = cpuOf(server.pid);
  const result = await load(server.url, req, { connections, seconds });
  const after = cpuOf(server.pid);
  const cpuUserUs = (1000 * (after.userMs - before.userMs)) / result.total;
  const cpuSysUs = (1000 * (after.sysMs - before.sysMs)) / result.total;
  return { ...result, rssMB: rss.stop(), cpuUserUs, cpuSysUs, cpuUsPerRequest: cpuUserUs + cpuSysUs };
}

async function throughput(answerFile) {
  console.log("== throughput and latency: the documented request (ESB form) ==");
  const reference = await started(
    startNode(SERVER_ENTRY, { DATABASE_PATH: join(work, "reference.sqlite") }, { label: "reference server" }),
  );
  // The reference server's documented answer: its size is what (b) and (c) answer.
  const first = await fetch(reference.url + request.path, {
    method: "POST",
    headers: request.headers,
    body: request.body,
  });
  const answer = await first.text();
  if (!JSON.parse(answer).result) throw new Error(`the documented request failed: ${answer.slice(0, 300)}`);
  writeFileSync(answerFile, answer);
  const env = { BENCH_ANSWER_FILE: answerFile };
  const servers = [
    { key: "reference", label: "reference server (file DB)", server: reference },
    {
      key: "ceiling",
      label: "(c) Hono + SQLite ceiling",
      server: await started(
        startNode(CEILING_ENTRY, { ...env, DATABASE_PATH: join(work, "ceiling.sqlite") }),
      ),
    },
    {
      key: "ceiling-grouped",
      label: "(c') ceiling, group commit",
      server: await started(
        startNode(CEILING_ENTRY, {
          ...env,
          BENCH_GROUP_COMMIT: "1",
          DATABASE_PATH: join(work, "ceiling-grouped.sqlite"),
        }),
      ),
    },
    { key: "bare", label: "(b) bare node:http", server: await started(startNode(BARE_ENTRY, env)) },
  ];
  if (!args["no-prism"]) {
    const { startPrism } = await import("../../../openapi/scripts/prism.mjs");
    const prism = await startPrism({ host: "127.0.0.1" });
    cleanups.push(() => prism.stop());
    servers.push({ key: "prism", label: "(a) Prism mock", server: prism });
  }
  for (const s of servers) {
    const probe = await fetch(s.server.url + request.path, {
      method: "POST",
      headers: request.headers,
      body: request.body,
    });
    s.answerBytes = (await probe.arrayBuffer()).byteLength;
    s.status = probe.status;
    if (probe.status !== 200) console.log(`  warning: ${s.label} answered HTTP ${probe.status} to the probe`);
    // Warm-up: JIT, caches, SQLite pages, connection pools.
    await load(s.server.url, request, { connections: 10, seconds: MODE.warmup });
  }

  const runs = new Map(); // key -> connections -> [result per round]
  for (let round = 1; round <= MODE.rounds; round += 1) {
    for (const connections of CONNECTIONS) {
      for (const s of servers) {
        const before = s.key === "reference" ? await tasksStored(s.server.url) : 0;
        const result = await measure(s.server, connections, MODE.seconds);
        if (s.key === "reference") {
          // Every 2xx answer must be a stored task (an ESB refusal would be a 200 too).
          result.stored = (await tasksStored(s.server.url)) - before;
        }
        const perServer = runs.get(s.key) ?? new Map();
        runs.set(s.key, perServer);
        perServer.set(connections, [...(perServer.get(connections) ?? []), result]);
        // Until round 1 has gone past 10 connections, every request so far came 10 at a time:
        // the peak now is the peak of a 10-connection load (the issue's memory target).
        if (round === 1 && connections === 10)
          s.peakAt10MB = Math.max(memoryOf(s.server.pid).hwmMB, result.rssMB);
        console.log(
          `  round ${round}  c=${String(connections).padStart(3)}  ${s.label.padEnd(28)} ${fmt(result.rpsTotal, 0).padStart(6)} req/s` +
            `  p50 ${result.p50} ms  p99 ${result.p99} ms  CPU ${fmt(result.cpuUsPerRequest, 0)} µs/req` +
            (result.errors + result.timeouts + result.non2xx > 0
              ? `  errors ${result.errors} timeouts ${result.timeouts} non-2xx ${result.non2xx}`
              : "") +
            (result.stored !== undefined ? `  stored ${result.stored}/${result.total}` : ""),
        );
      }
    }
  }
  for (const s of servers)
    s.peakRssMB = Math.max(
      memoryOf(s.server.pid).hwmMB,
      ...[...runs.get(s.key).values()].flat().map((r) => r.rssMB),
    );

  // Best round per server and connection count (the one least disturbed by anything else).
  const best = (key, connections) =>
    runs
      .get(key)
      ?.get(connections)
      ?.reduce((a, b) => (b.rpsTotal > a.rpsTotal ? b : a));
  const rows = [];
  for (const connections of CONNECTIONS) {
    for (const s of servers) {
      const r = best(s.key, connections);
      const ref = best("reference", connections);
      rows.push([
        String(connections),
        s.label,
        fmt(r.rpsTotal, 0),
        fmt(r.p50, 0),
        fmt(r.p99, 0),
        fmt(connections === 10 ? s.peakAt10MB : s.peakRssMB, 0),
        `${fmt(r.cpuUserUs, 0)} + ${fmt(r.cpuSysUs, 0)}`,
        String(s.answerBytes),
        s.key === "reference" ? "1.00" : fmt(ref.rpsTotal / r.rpsTotal, 2),
      ]);
    }
  }
  console.log(
    `\nbest of ${MODE.rounds} round(s) of ${MODE.seconds} s per case (after ${MODE.warmup} s warm-up):`,
  );
  table(
    [
      "conns",
      "server",
      "req/s",
      "p50 ms",
      "p99 ms",
      "peak RSS MB",
      "CPU µs/req user + sys",
      "answer B",
      "reference ÷ this",
    ],
    rows,
  );
  console.log(
    "  (peak RSS: on the 10-connection rows, the VmHWM once warm-up and round 1 at 10 connections are done;" +
      "\n   on the 100-connection rows, over the whole section)",
  );
  results.throughput = {
    secondsPerCase: MODE.seconds,
    rounds: MODE.rounds,
    servers: servers.map((s) => ({
      key: s.key,
      label: s.label,
      answerBytes: s.answerBytes,
      peakRssMB: s.peakRssMB,
      peakRssAt10MB: s.peakAt10MB,
      runs: Object.fromEntries([...runs.get(s.key)].map(([c, list]) => [c, list])),
    })),
  };

  console.log("");
  for (const connections of CONNECTIONS) {
    const ref = best("reference", connections);
    const ceiling = best("ceiling", connections);
    const share = ref.rpsTotal / ceiling.rpsTotal;
    verdict(
      `c=${connections}: ≥ 75% of the storage ceiling (c)`,
      share >= TARGETS.ceilingShare,
      `${fmt(100 * share, 0)}% (${fmt(ref.rpsTotal, 0)} vs ${fmt(ceiling.rpsTotal, 0)} req/s)`,
    );
    const grouped = best("ceiling-grouped", connections);
    if (grouped) {
      const groupedShare = ref.rpsTotal / grouped.rpsTotal;
      verdict(
        `c=${connections}: ≥ 75% of the group-commit ceiling (c')`,
        groupedShare >= TARGETS.ceilingShare,
        `${fmt(100 * groupedShare, 0)}% (${fmt(ref.rpsTotal, 0)} vs ${fmt(grouped.rpsTotal, 0)} req/s)`,
      );
    }
    const prism = best("prism", connections);
    if (prism) {
      const factor = ref.rpsTotal / prism.rpsTotal;
      verdict(
        `c=${connections}: ≥ 2× Prism`,
        factor >= TARGETS.prismFactor,
        `${fmt(factor, 2)}× (${fmt(ref.rpsTotal, 0)} vs ${fmt(prism.rpsTotal, 0)} req/s)`,
      );
    }
    const faults = runs
      .get("reference")
      .get(connections)
      .reduce((n, r) => n + r.errors + r.timeouts + r.non2xx + (r.total - Math.min(r.total, r.stored)), 0);
    verdict(
      `c=${connections}: every answer a stored task, no errors`,
      faults === 0,
      `${faults} errors, timeouts, non-2xx or unstored answers`,
    );
  }
  const p99 = best("reference", 10).p99;
  verdict("p99 < 20 ms at 10 connections", p99 < TARGETS.p99At10Ms, `${p99} ms`);
  const referenceServer = servers.find((s) => s.key === "reference");
  verdict(
    "peak RSS < 150 MB at 10 connections",
    referenceServer.peakAt10MB < TARGETS.rssMB,
    `${fmt(referenceServer.peakAt10MB, 0)} MB (VmHWM after warm-up and round 1 at 10 connections; ` +
      `${fmt(referenceServer.peakRssMB, 0)} MB over the whole section, 100 connections included)`,
  );
  for (const s of servers.splice(1)) await s.server.stop();
  await reference.stop();
  console.log("");
}

/** The read calls of a create-a-task frontend, on the gateway form, one server, c=10 and c=100. */
async function reads() {
  console.log("== read calls a frontend polls (gateway form, demo data) ==");
  const server = await started(
    startNode(
      SERVER_ENTRY,
      { DATABASE_PATH: join(work, "reads.sqlite") },
      { label: "reference server (reads)" },
    ),
  );
  // A finished task to poll: created and started, then left to the engine.
  const created = await (
    await fetch(server.url + request.path, { method: "POST", headers: request.headers, body: request.body })
  ).json();
  const taskId = created.data.task_id;
  await fetch(`${server.url}${gatewayRead(`/start_task/${taskId}/2/`).path}`, {
    method: "POST",
    headers: gatewayRead("").headers,
  });
  const calls = [
    {
      key: "get_template_info",
      label: "get_template_info (template 1)",
      req: gatewayRead("/get_template_info/1/2/"),
    },
    {
      key: "get_template_list",
      label: "get_template_list (business 2)",
      req: gatewayRead("/get_template_list/2/"),
    },
    {
      key: "get_task_status",
      label: "get_task_status (one task)",
      req: gatewayRead(`/get_task_status/${taskId}/2/`),
    },
  ];
  const rows = [];
  const figures = {};
  for (const call of calls) {
    const probe = await fetch(server.url + call.req.path, { headers: call.req.headers });
    const body = await probe.json();
    if (probe.status !== 200 || body.result !== true)
      throw new Error(`${call.key} failed: ${JSON.stringify(body).slice(0, 300)}`);
    await load(server.url, call.req, { connections: 10, seconds: MODE.warmup });
    for (const connections of CONNECTIONS) {
      let best;
      for (let round = 1; round <= MODE.rounds; round += 1) {
        const result = await measure(server, connections, MODE.seconds, call.req);
        if (!best || result.rpsTotal > best.rpsTotal) best = result;
      }
      figures[`${call.key}@${connections}`] = best;
      rows.push([
        String(connections),
        call.label,
        fmt(best.rpsTotal, 0),
        fmt(best.p50, 0),
        fmt(best.p99, 0),
        fmt(best.rssMB, 0),
        `${fmt(best.cpuUserUs, 0)} + ${fmt(best.cpuSysUs, 0)}`,
        fmt(best.bytesPerResponse, 0),
        String(best.errors + best.timeouts + best.non2xx),
      ]);
    }
  }
  console.log(
    `\nbest of ${MODE.rounds} round(s) of ${MODE.seconds} s per case (after ${MODE.warmup} s warm-up):`,
  );
  table(
    ["conns", "call", "req/s", "p50 ms", "p99 ms", "RSS MB", "CPU µs/req user + sys", "answer B", "errors"],
    rows,
  );
  results.reads = figures;
  const info = figures["get_template_info@10"];
  verdict(
    "get_template_info ≥ 10,000 req/s at 10 connections",
    info.rpsTotal >= TARGETS.templateInfoAt10Rps,
    `${fmt(info.rpsTotal, 0)} req/s (p99 ${info.p99} ms)`,
  );
  const faults = Object.values(figures).reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0);
  verdict("reads: no errors", faults === 0, `${faults} errors, timeouts or non-2xx answers`);
  await server.stop();
  console.log("");
}

async function growth() {
  console.log("== cost growth: templates of 10, 100 and 1,000 activities (chains), one request at a time ==");
  const dir = join(work, "templates");
  const generated = writeChainTemplates(dir, GROWTH_SIZES);
  const server = await started(
    startNode(
      SERVER_ENTRY,
      { DATABASE_PATH: join(work, "growth.sqlite"), TEMPLATES_DIR: dir },
      { label: "reference server" },
    ),
  );
  const figures = [];
  for (const { size, templateId } of generated) {
    const req = documentedRequest({ template_id: String(templateId) });
    const probe = await fetch(server.url + req.path, {
      method: "POST",
      headers: req.headers,
      body: req.body,
    });
    const answer = await probe.json();
    if (!answer.result)
      throw new Error(`template of ${size} activities: ${JSON.stringify(answer).slice(0, 300)}`);
    const activities = Object.keys(answer.data.pipeline_tree.activities).length;
    if (activities !== size) throw new Error(`template of ${size} activities answered ${activities}`);
    await sequential(server.url, req, { seconds: MODE.warmup });
    const cpuBefore = cpuMsOf(server.pid);
    const { latencies, bytes } = await sequential(server.url, req, { seconds: MODE.growthSeconds });
    const cpuUs = (1000 * (cpuMsOf(server.pid) - cpuBefore)) / latencies.length;
    figures.push({ size, ...summary(latencies), cpuUs, bytes });
  }
  const rows = figures.map((f, i) => {
    const prev = figures[i - 1];
    return [
      String(f.size),
      fmt(f.bytes / 1024, 0),
      String(f.n),
      fmt(f.mean, 2),
      fmt(f.p50, 2),
      fmt(f.p99, 2),
      fmt(f.cpuUs / 1000, 2),
      fmt((1000 * f.mean) / f.size, 1),
      prev ? fmt((1000 * (f.mean - prev.mean)) / (f.size - prev.size), 1) : "",
      prev ? `×${fmt(f.mean / prev.mean, 1)} for ×${f.size / prev.size}` : "",
    ];
  });
  table(
    [
      "activities",
      "answer KiB",
      "requests",
      "mean ms",
      "p50 ms",
      "p99 ms",
      "server CPU ms",
      "µs/activity",
      "marginal µs/activity",
      "growth",
    ],
    rows,
  );
  console.log(
    "  (wall time per request, one keep-alive connection; server CPU = its user+sys time per request;",
  );
  console.log("   marginal = extra mean time per extra activity)");
  results.growth = figures.map(({ size, n, mean, p50, p99, cpuUs, bytes }) => ({
    size,
    n,
    mean,
    p50,
    p99,
    cpuUs,
    bytes,
  }));
  const [small, middle, large] = figures;
  const marginalA = (middle.mean - small.mean) / (middle.size - small.size);
  const marginalB = (large.mean - middle.mean) / (large.size - middle.size);
  // Linear: 10× the activities costs at most 10× the time, and an activity costs no more at
  // 1,000 than at 100 (25% allowance for noise).
  const linear =
    middle.mean / small.mean <= middle.size / small.size &&
    large.mean / middle.mean <= large.size / middle.size &&
    marginalB <= 1.25 * marginalA;
  verdict(
    "latency grows no worse than linearly with the activities",
    linear,
    `×${fmt(middle.mean / small.mean, 1)} for 10→100, ×${fmt(large.mean / middle.mean, 1)} for 100→1,000; ` +
      `marginal ${fmt(1000 * marginalA, 1)} then ${fmt(1000 * marginalB, 1)} µs/activity`,
  );
  await server.stop();
  console.log("");
}

async function volume() {
  const count = MODE.volumeTasks;
  console.log(
    `== stored volume: create_task on an empty database vs ${count.toLocaleString("en")} stored tasks ==`,
  );
  const empty = join(work, "empty.sqlite");
  const full = join(work, "full.sqlite");
  // The same start: demo data only. Stop cleanly so the WAL is checkpointed before copying.
  const seed = await startNode(SERVER_ENTRY, { DATABASE_PATH: empty }, { label: "reference server" });
  const probe = await fetch(seed.url + request.path, {
    method: "POST",
    headers: request.headers,
    body: request.body,
  });
  const treeJson = JSON.stringify((await probe.json()).data.pipeline_tree);
  await seed.stop();
  copyFileSync(empty, full);
  const filled = fillTasks(full, count, treeJson);
  console.log(`  filled ${filled.total.toLocaleString("en")} tasks in ${fmt(filled.seconds, 1)} s`);
  const rows = [];
  const figures = {};
  for (const [label, path] of [
    ["empty", empty],
    [`${count.toLocaleString("en")} tasks`, full],
  ]) {
    const server = await started(
      startNode(SERVER_ENTRY, { DATABASE_PATH: path }, { label: "reference server" }),
    );
    const stored = await tasksStored(server.url);
    await load(server.url, request, { connections: 10, seconds: MODE.warmup });
    const byConnections = {};
    for (const connections of CONNECTIONS) {
      const r = await measure(server, connections, MODE.volumeSeconds);
      byConnections[connections] = r;
      rows.push([
        label,
        String(stored),
        fmt(fileMB(path), 0),
        String(connections),
        fmt(r.rpsTotal, 0),
        fmt(r.p50, 0),
        fmt(r.p99, 0),
        fmt(r.rssMB, 0),
      ]);
    }
    figures[label === "empty" ? "empty" : "full"] = byConnections;
    await server.stop();
  }
  table(["database", "tasks at start", "file MB", "conns", "req/s", "p50 ms", "p99 ms", "peak RSS MB"], rows);
  results.volume = { tasks: count, fillSeconds: filled.seconds, ...figures };
  for (const connections of CONNECTIONS) {
    const ratio = figures.full[connections].rpsTotal / figures.empty[connections].rpsTotal;
    verdict(
      `c=${connections}: throughput with ${count.toLocaleString("en")} tasks within 10% of empty`,
      ratio >= 1 - TARGETS.volumeDrop,
      `${fmt(100 * ratio, 0)}% of the empty database's${MODE.name === "short" ? " (short mode: 100,000 tasks)" : ""}`,
    );
  }
  console.log("");
}

/** Size of a database file with its WAL, in MB. */
function fileMB(path) {
  const size = (file) => (existsSync(file) ? statSync(file).size : 0);
  return (size(path) + size(`${path}-wal`)) / 2 ** 20;
}
