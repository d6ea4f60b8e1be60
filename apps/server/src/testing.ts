import { createApp } from "./app.js";
import { DEFAULT_JOURNAL_SIZE } from "./config.js";
import { type Controls, createControls } from "./control/index.js";
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
export { type RunningServer, startServer } from "./server.js";

export interface TestServerContext {
  db: SqliteDatabase;
  store: Store;
  engine: Engine;
  app: ReturnType<typeof createApp>;
  /** What `templatesDir` loaded and skipped (empty without it). */
  templates: LoadReport;
  /** Scenario control, when asked for. */
  controls?: Controls;
  /** Stops the engine's timers and scenario control, then closes the database. */
  close(): void;
}

/** An app (credentials) and its user, for a test server without the demo data. */
export interface TestCredentials {
  app: { code: string; secret: string; trusted?: boolean };
  /** `granted: false`: a user IAM grants nothing (like the demo `guest`). */
  user: { username: string; bkToken: string; granted?: boolean };
}

export interface TestContextOptions {
  databasePath?: string;
  bkSopsHost?: string;
  clock?: Clock;
  timing?: EngineTiming;
  /** Serve scenario control (`Prefer`, rules, journal, `/_bksops`) as a loopback server does. */
  controls?: boolean | { journalSize?: number };
  corsOrigins?: string[];
  /** The built docs site to serve at /docs/. */
  docsDir?: string;
  /** `false`: no demo data (the deployment the suite knows nothing of). */
  demoData?: boolean;
  /** Template files loaded as `TEMPLATES_DIR` loads them. */
  templatesDir?: string;
  /** Apps and users besides (or, without the demo data, instead of) the demo's. */
  credentials?: TestCredentials[];
}

/**
 * Tests' engine timing: a plugin node runs 100 ms of real time, so a demo task finishes in a few
 * hundred milliseconds, yet a command sent right after a start still finds it running.
 */
export const TEST_TIMING: EngineTiming = { speed: 10, nodeMs: 1000, componentMs: {} };

/**
 * A fresh app on its own database (`:memory:` unless a path is given): with the demo data, or
 * (`demoData: false`) with only the given credentials and the templates of `templatesDir`, as a
 * deployment the suite knows nothing of. A reset of scenario control seeds the same again.
 */
export function createTestContext(options: TestContextOptions = {}): TestServerContext {
  const databasePath = options.databasePath ?? ":memory:";
  const db = openDatabase(databasePath);
  const store = createStore(db);
  const seed = (): LoadReport => {
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
    return options.templatesDir
      ? loadTemplatesDir(store, options.templatesDir, "templates-dir")
      : { loaded: [], skipped: [] };
  };
  const templates = seed();
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
    ...(options.docsDir ? { docsDir: options.docsDir } : {}),
  });
  return {
    db,
    store,
    engine,
    app,
    templates,
    controls,
    close() {
      engine.close();
      controls?.close();
      if (db.open) db.close();
    },
  };
}
