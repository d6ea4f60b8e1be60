import { createApp } from "./app.js";
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
  /** Stops the engine's timers, then closes the database. */
  close(): void;
}

/**
 * Tests' engine timing: a plugin node runs 100 ms of real time, so a demo task finishes in a few
 * hundred milliseconds, yet a command sent right after a start still finds it running.
 */
export const TEST_TIMING: EngineTiming = { speed: 10, nodeMs: 1000, componentMs: {} };

/** A fresh app with the demo data on its own database (`:memory:` unless a path is given). */
export function createTestContext(
  options: { databasePath?: string; bkSopsHost?: string; clock?: Clock; timing?: EngineTiming } = {},
): TestServerContext {
  const db = openDatabase(options.databasePath ?? ":memory:");
  const store = createStore(db);
  loadDemoData(store);
  const engine = new Engine({ store, clock: options.clock, timing: options.timing ?? TEST_TIMING });
  engine.reload();
  const app = createApp({ store, engine, bkSopsHost: options.bkSopsHost ?? "http://bk_sops_host/" });
  return {
    db,
    store,
    engine,
    app,
    close() {
      engine.close();
      if (db.open) db.close();
    },
  };
}
