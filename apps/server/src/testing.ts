import { createApp } from "./app.js";
import { openDatabase, type SqliteDatabase } from "./db/connection.js";
import { loadDemoData } from "./db/demo.js";
import { createStore, type Store } from "./db/store.js";
import type { Clock } from "./engine/clock.js";
import { Engine } from "./engine/engine.js";
import type { EngineTiming } from "./engine/timing.js";
import { type LoadReport, loadTemplatesDir } from "./templates/load.js";

export { DEMO, DEMO_TEMPLATES_DIR } from "./db/demo.js";
export { FakeClock } from "./engine/clock.js";
export type { EngineTiming } from "./engine/timing.js";
export { startServer } from "./server.js";

export interface TestServerContext {
  db: SqliteDatabase;
  store: Store;
  engine: Engine;
  app: ReturnType<typeof createApp>;
  /** What `templatesDir` loaded and skipped (empty without it). */
  templates: LoadReport;
  /** Stops the engine's timers, then closes the database. */
  close(): void;
}

/** An app (credentials) and its user, for a test server without the demo data. */
export interface TestCredentials {
  app: { code: string; secret: string; trusted?: boolean };
  /** `granted: false`: a user IAM grants nothing (like the demo `guest`). */
  user: { username: string; bkToken: string; granted?: boolean };
}

/**
 * Tests' engine timing: a plugin node runs 100 ms of real time, so a demo task finishes in a few
 * hundred milliseconds, yet a command sent right after a start still finds it running.
 */
export const TEST_TIMING: EngineTiming = { speed: 10, nodeMs: 1000, componentMs: {} };

/**
 * A fresh app on its own database (`:memory:` unless a path is given): with the demo data, or
 * (`demoData: false`) with only the given credentials and the templates of `templatesDir`, as a
 * deployment the suite knows nothing of.
 */
export function createTestContext(
  options: {
    databasePath?: string;
    bkSopsHost?: string;
    clock?: Clock;
    timing?: EngineTiming;
    demoData?: boolean;
    templatesDir?: string;
    credentials?: TestCredentials[];
  } = {},
): TestServerContext {
  const db = openDatabase(options.databasePath ?? ":memory:");
  const store = createStore(db);
  if (options.demoData !== false) loadDemoData(store);
  for (const { app, user } of options.credentials ?? []) {
    store.apps.upsert({
      code: app.code,
      secret: app.secret,
      name: app.code,
      trusted: app.trusted ?? false,
      userVerifyExempt: false,
    });
    store.users.upsert({
      username: user.username,
      bkToken: user.bkToken,
      canCreateTask: user.granted ?? true,
    });
  }
  const templates = options.templatesDir
    ? loadTemplatesDir(store, options.templatesDir, "templates-dir")
    : { loaded: [], skipped: [] };
  const engine = new Engine({ store, clock: options.clock, timing: options.timing ?? TEST_TIMING });
  engine.reload();
  const app = createApp({ store, engine, bkSopsHost: options.bkSopsHost ?? "http://bk_sops_host/" });
  return {
    db,
    store,
    engine,
    app,
    templates,
    close() {
      engine.close();
      if (db.open) db.close();
    },
  };
}
