#!/usr/bin/env node
// Entry point of the reference server: configuration, database, demo data, HTTP, clean stop.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createApp } from "./app.js";
import { ConfigError, isLoopbackHost, loadConfig } from "./config.js";
import { CONTROL_PREFIX, createControls } from "./control/index.js";
import { openDatabase } from "./db/connection.js";
import { DEMO } from "./db/demo.js";
import { seedDatabase } from "./db/seed.js";
import { createStore } from "./db/store.js";
import { Engine } from "./engine/engine.js";
import { tuneHeapGrowth } from "./heap-growth.js";
import { createLogger } from "./logger.js";
import { PortInUseError, startServer } from "./server.js";

/** Where `npm run docs` writes the site (apps/docs/dist/site), unless DOCS_DIR says otherwise. */
const DEFAULT_DOCS_DIR = fileURLToPath(new URL("../../docs/dist/site/", import.meta.url));

async function main(): Promise<void> {
  tuneHeapGrowth();
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const db = openDatabase(config.databasePath);
  const store = createStore(db);
  const seed = () => seedDatabase(store, config, logger);
  seed();
  const controls = config.controls
    ? createControls({
        store,
        seed,
        databasePath: config.databasePath,
        journalSize: config.journalSize,
        logger,
      })
    : undefined;
  // Tasks that were running when the server stopped go on where they were (see the README).
  const engine = new Engine({ store, timing: config.engineTiming, logger });
  engine.reload();
  // After a reset or a restore the runs in the database are others: the engine re-arms from them.
  controls?.onReset(() => engine.reload());
  const docsDir = resolve(config.docsDir ?? DEFAULT_DOCS_DIR);
  const docsBuilt = existsSync(join(docsDir, "index.html"));
  const app = createApp({
    store,
    engine,
    bkSopsHost: config.bkSopsHost,
    corsOrigins: config.corsOrigins,
    logger,
    docsDir,
    controls,
  });
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer(app.fetch, { port: config.port, host: config.host });
  } catch (error) {
    if (!(error instanceof PortInUseError)) throw error;
    // One line and out: nothing else is wrong, and the fix is a variable.
    console.error(`cannot start: ${error.message}`);
    db.close();
    controls?.close();
    process.exit(1);
  }

  const databaseLabel = config.databasePath === ":memory:" ? ":memory:" : resolve(config.databasePath);
  console.log(`bk-sops create_task reference server listening on ${running.url}`);
  console.log(`  database:  ${databaseLabel} (${store.tasks.total()} tasks)`);
  console.log(`  gateway:   POST ${running.url}/api/bk-sops/prod/create_task/{template_id}/{bk_biz_id}/`);
  console.log(`  ESB:       POST ${running.url}/api/c/compapi/v2/sops/create_task/`);
  console.log(
    `  docs:      ${running.url}/docs/${docsBuilt ? "" : ` (not built in ${docsDir}: run npm run docs)`}`,
  );
  const live = store.runs.live().length;
  console.log(
    `  engine:    plugin nodes run ${config.engineTiming.nodeMs} ms at speed ${config.engineTiming.speed}` +
      (live > 0 ? `; ${live} task(s) picked up where they were` : ""),
  );
  if (controls) {
    console.log(
      `  controls:  ${running.url}${CONTROL_PREFIX}/ (rules, journal, reset, snapshots, uploads; spec at ${CONTROL_PREFIX}/openapi.json)`,
    );
    if (!isLoopbackHost(config.host)) {
      logger.warn(
        `CONTROL_API=on on ${config.host}: anyone who reaches this address can change answers and erase data`,
      );
    }
  } else {
    console.log(
      config.controlApi === "off"
        ? "  controls:  off (CONTROL_API=off)"
        : `  controls:  off (${config.host} is not a loopback address; CONTROL_API=on serves them there)`,
    );
  }
  if (config.demoData) {
    console.log(
      `  demo:      bk_app_code=esb_test bk_app_secret=xxx bk_token=xxx, business ${DEMO.project.bkBizId} ` +
        `(project ${DEMO.project.id}), templates 1-4, common template 100`,
    );
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: no longer accepting; finishing requests in flight`);
    engine.close();
    const force = setTimeout(() => {
      logger.warn("requests still in flight after 10 s; closing anyway");
      db.close();
      process.exit(1);
    }, 10_000);
    force.unref();
    // Delayed and deliberately unanswered requests (scenario control) end now.
    controls?.close();
    void running.close().then(() => {
      db.close();
      logger.info("stopped cleanly");
      process.exit(0);
    });
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(`cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
