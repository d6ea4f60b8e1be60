import { createApp } from "./app.js";
import { DEFAULT_JOURNAL_SIZE } from "./config.js";
import { type Controls, createControls } from "./control/index.js";
import { openDatabase, type SqliteDatabase } from "./db/connection.js";
import { loadDemoData } from "./db/demo.js";
import { createStore, type Store } from "./db/store.js";

export { DEMO } from "./db/demo.js";
export { startServer } from "./server.js";

export interface TestServerContext {
  db: SqliteDatabase;
  store: Store;
  app: ReturnType<typeof createApp>;
  /** Scenario control, when asked for. */
  controls?: Controls;
}

export interface TestContextOptions {
  databasePath?: string;
  bkSopsHost?: string;
  /** Serve scenario control (`Prefer`, rules, journal, `/_bksops`) as a loopback server does. */
  controls?: boolean | { journalSize?: number };
  corsOrigins?: string[];
}

/** A fresh app with the demo data on its own database (`:memory:` unless a path is given). */
export function createTestContext(options: TestContextOptions = {}): TestServerContext {
  const databasePath = options.databasePath ?? ":memory:";
  const db = openDatabase(databasePath);
  const store = createStore(db);
  const seed = () => loadDemoData(store);
  seed();
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
  const app = createApp({
    store,
    bkSopsHost: options.bkSopsHost ?? "http://bk_sops_host/",
    controls,
    corsOrigins: options.corsOrigins,
  });
  return { db, store, app, controls };
}
