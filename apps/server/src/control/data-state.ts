import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Snapshot } from "@bksops/api-types/control";
import { forgetCached, type Store } from "../db/store.js";
import type { Logger } from "../logger.js";
import { ScenarioError } from "./scenario-error.js";

/** What happened to the data; engines and caches that read the database reload on it. */
export type ResetEvent = { kind: "reset" } | { kind: "restore"; snapshot: string };
export type ResetListener = (event: ResetEvent) => void;

export const SNAPSHOT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Thrown when a snapshot named in a request does not exist. */
export class SnapshotNotFound extends Error {
  override name = "SnapshotNotFound";
}

export interface DataStateOptions {
  store: Store;
  /** Loads what the server holds at start (demo data, `TEMPLATES_DIR`). */
  seed: () => void;
  /** The database file (`:memory:` keeps snapshots in a temporary folder). */
  databasePath: string;
  logger: Logger;
}

// Tables the data state never copies or clears: the migration record, SQLite's own.
const isDataTable = (name: string) => name !== "schema_migrations" && !name.startsWith("sqlite_");

/**
 * The database's content as a whole: reset to the seeded state, named snapshots and restores.
 * Ids of AUTOINCREMENT tables (tasks) keep increasing through all of them: rows are deleted and
 * inserted, and `sqlite_sequence`, SQLite's counter, is only ever raised.
 */
export class DataState {
  private readonly listeners = new Set<ResetListener>();
  private readonly store: Store;
  private dir: string | undefined;
  private readonly temporary: boolean;

  constructor(private readonly options: DataStateOptions) {
    this.store = options.store;
    this.temporary = options.databasePath === ":memory:";
    if (!this.temporary) this.dir = `${options.databasePath}-snapshots`;
  }

  /** Calls `listener` after every reset and restore (once committed); returns its removal. */
  onReset(listener: ResetListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The id the next task will get. */
  nextTaskId(): number {
    const row = this.store.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'tasks'").get() as
      | { seq: number }
      | undefined;
    return (row?.seq ?? 0) + 1;
  }

  /** Replaces every row with the seeded state, in one transaction. */
  reset(): void {
    const db = this.store.db;
    db.transaction(() => {
      db.pragma("defer_foreign_keys = ON");
      for (const table of this.tables("main")) db.exec(`DELETE FROM main."${table}"`);
      this.options.seed();
    })();
    this.changed({ kind: "reset" });
  }

  /** Saves the database as snapshot `name` (replacing one of that name). */
  save(name: string): Snapshot {
    const path = this.pathOf(name, true);
    const partial = `${path}.partial`;
    rmSync(partial, { force: true });
    // VACUUM INTO writes a consistent copy; written aside and renamed, a crash leaves no half file.
    this.store.db.prepare("VACUUM INTO ?").run(partial);
    renameSync(partial, path);
    return describe(name, path);
  }

  list(): Snapshot[] {
    if (!this.dir) return [];
    let files: string[];
    try {
      files = readdirSync(this.dir);
    } catch {
      return [];
    }
    return files
      .filter((file) => file.endsWith(".sqlite") && SNAPSHOT_NAME.test(file.slice(0, -7)))
      .sort()
      .map((file) => describe(file.slice(0, -7), join(this.dir as string, file)));
  }

  delete(name: string): Snapshot {
    const path = this.existing(name);
    const snapshot = describe(name, path);
    rmSync(path);
    return snapshot;
  }

  /** Replaces every row with the snapshot's, in one transaction. */
  restore(name: string): Snapshot {
    const path = this.existing(name);
    const db = this.store.db;
    db.prepare("ATTACH DATABASE ? AS snapshot").run(path);
    try {
      const mine = this.migrations("main");
      const theirs = this.migrations("snapshot");
      if (mine !== theirs) {
        throw new ScenarioError(
          `snapshot ${name} was saved with migrations ${theirs || "none"}, this server has ${mine}: it cannot be restored`,
        );
      }
      const tables = this.tables("main");
      db.transaction(() => {
        db.pragma("defer_foreign_keys = ON");
        for (const table of tables) db.exec(`DELETE FROM main."${table}"`);
        for (const table of tables) {
          const columns = (db.prepare(`PRAGMA main.table_info("${table}")`).all() as Array<{ name: string }>)
            .map((column) => `"${column.name}"`)
            .join(", ");
          db.exec(`INSERT INTO main."${table}" (${columns}) SELECT ${columns} FROM snapshot."${table}"`);
        }
        // Inserting rows never lowers the counter; a snapshot whose counter is higher raises it.
        db.exec(`INSERT INTO main.sqlite_sequence (name, seq)
          SELECT s.name, s.seq FROM snapshot.sqlite_sequence s
          WHERE NOT EXISTS (SELECT 1 FROM main.sqlite_sequence m WHERE m.name = s.name)`);
        db.exec(`UPDATE main.sqlite_sequence SET seq = max(seq, coalesce(
          (SELECT s.seq FROM snapshot.sqlite_sequence s WHERE s.name = main.sqlite_sequence.name), 0))`);
      })();
    } finally {
      db.exec("DETACH DATABASE snapshot");
    }
    this.changed({ kind: "restore", snapshot: name });
    return describe(name, path);
  }

  /** Removes a temporary snapshot folder (`:memory:` databases). */
  close(): void {
    if (this.temporary && this.dir) rmSync(this.dir, { recursive: true, force: true });
  }

  private changed(event: ResetEvent): void {
    forgetCached(this.store);
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.options.logger.error(`a ${event.kind} listener failed: ${(error as Error).stack ?? error}`);
      }
    }
  }

  private tables(schema: "main" | "snapshot"): string[] {
    return (
      this.store.db.prepare(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table'`).all() as Array<{
        name: string;
      }>
    )
      .map((row) => row.name)
      .filter(isDataTable);
  }

  private migrations(schema: "main" | "snapshot"): string {
    try {
      return (
        this.store.db
          .prepare(`SELECT version FROM ${schema}.schema_migrations ORDER BY version`)
          .all() as Array<{
          version: number;
        }>
      )
        .map((row) => row.version)
        .join(",");
    } catch {
      return "";
    }
  }

  private pathOf(name: string, create: boolean): string {
    if (!SNAPSHOT_NAME.test(name)) {
      throw new ScenarioError(
        `snapshot names are letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64; got ${JSON.stringify(name)}`,
      );
    }
    if (create) {
      if (!this.dir) this.dir = mkdtempSync(join(tmpdir(), "bksops-snapshots-"));
      mkdirSync(this.dir, { recursive: true });
    }
    return join(this.dir ?? "", `${name}.sqlite`);
  }

  private existing(name: string): string {
    const path = this.pathOf(name, false);
    if (!this.dir || !isFile(path)) throw new SnapshotNotFound(`there is no snapshot ${name}`);
    return path;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function describe(name: string, path: string): Snapshot {
  const stats = statSync(path);
  return { name, saved_at: stats.mtime.toISOString(), bytes: stats.size };
}
