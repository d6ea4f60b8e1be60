import { createApp } from "./app.js";
import { DEFAULT_JOURNAL_SIZE } from "./config.js";
import { type Controls, createControls } from "./control/index.js";
import { openDatabase, type SqliteDatabase } from "./db/connection.js";
import { loadDemoData } from "./db/demo.js";
import { createStore, type Store } from "./db/store.js";
import type { Clock } from "./engine/clock.js";
import { Engine } from "./engine/engine.js";
import type { EngineTiming } from "./engine/timing.js";

export { DEMO } from "./db/demo.js";
export { FakeClock } from "./engine/clock.js";
export type { EngineTiming } from "./engine/timing.js";
export { startServer } from "./server.js";

export interface TestServerContext {
  db: SqliteDatabase;
  store: Store;
  engine: Engine;
  app: ReturnType<typeof createApp>;
  /** Scenario control, when asked for. */
  controls?: Controls;
  /** Stops the engine's timers and scenario control, then closes the database. */
  close(): void;
}

export interface TestContextOptions {
  databasePath?: string;
  bkSopsHost?: string;
  clock?: Clock;
  timing?: EngineTiming;
  /** Serve scenario control (`Prefer`, rules, journal, `/_bksops`) as a loopback server does. */
  controls?: boolean | { journalSize?: number };
  corsOrigins?: string[];
}

/**
 * Tests' engine timing: a plugin node runs 100 ms of real time, so a demo task finishes in a few
 * hundred milliseconds, yet a command sent right after a start still finds it running.
 */
export const TEST_TIMING: EngineTiming = { speed: 10, nodeMs: 1000, componentMs: {} };

/** A fresh app with the demo data on its own database (`:memory:` unless a path is given). */
export function createTestContext(options: TestContextOptions = {}): TestServerContext {
  const databasePath = options.databasePath ?? ":memory:";
  const db = openDatabase(databasePath);
  const store = createStore(db);
  const seed = () => loadDemoData(store);
  seed();
  const engine = new Engine({ store, clock: options.clock, timing: options.timing ?? TEST_TIMING });
  engine.reload();
  const controls = options.controls
    ? createControls({
        store,
        seed,
        databasePath,
        journalSize:
          (typeof options.controls === "object" ? options.controls.journalSize : undefined) ??
          DEFAULT_JOURNAL_SIZE,
      })
    : undefined;
  controls?.onReset(() => engine.reload());
  const app = createApp({
    store,
    engine,
    bkSopsHost: options.bkSopsHost ?? "http://bk_sops_host/",
    controls,
    corsOrigins: options.corsOrigins,
  });
  return {
    db,
    store,
    engine,
    app,
    controls,
    close() {
      engine.close();
      controls?.close();
      if (db.open) db.close();
    },
  };
}
