import { createApp } from "./app.js";
import { openDatabase, type SqliteDatabase } from "./db/connection.js";
import { loadDemoData } from "./db/demo.js";
import { createStore, type Store } from "./db/store.js";

export { DEMO } from "./db/demo.js";
export { type RunningServer, startServer } from "./server.js";

export interface TestServerContext {
  db: SqliteDatabase;
  store: Store;
  app: ReturnType<typeof createApp>;
}

/** A fresh app with the demo data on its own database (`:memory:` unless a path is given). */
export function createTestContext(
  options: { databasePath?: string; bkSopsHost?: string; docsDir?: string } = {},
): TestServerContext {
  const db = openDatabase(options.databasePath ?? ":memory:");
  const store = createStore(db);
  loadDemoData(store);
  const app = createApp({
    store,
    bkSopsHost: options.bkSopsHost ?? "http://bk_sops_host/",
    ...(options.docsDir ? { docsDir: options.docsDir } : {}),
  });
  return { db, store, app };
}
