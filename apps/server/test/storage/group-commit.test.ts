import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/connection.js";
import { GroupCommit } from "../../src/db/group-commit.js";

describe("group commit", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const fileDatabase = () => {
    const dir = mkdtempSync(join(tmpdir(), "bksops-group-"));
    dirs.push(dir);
    const path = join(dir, "db.sqlite");
    const db = openDatabase(path);
    db.exec(
      "CREATE TABLE items (id INTEGER PRIMARY KEY AUTOINCREMENT, value TEXT NOT NULL CHECK (value != 'bad'))",
    );
    return { db, path };
  };

  it("settles each write only once it is visible to another connection (committed)", async () => {
    const { db, path } = fileDatabase();
    const insert = db.prepare("INSERT INTO items (value) VALUES (?)");
    const group = new GroupCommit(db, (value: string) => Number(insert.run(value).lastInsertRowid));
    const reader = new Database(path, { readonly: true });
    const seen = await Promise.all(
      ["a", "b", "c"].map((value) =>
        group.submit(value).then((id) => reader.prepare("SELECT value FROM items WHERE id = ?").get(id)),
      ),
    );
    expect(seen).toEqual([{ value: "a" }, { value: "b" }, { value: "c" }]);
    reader.close();
    db.close();
  });

  it("rolls back a failing write alone; the rest of its batch is committed, in order", async () => {
    const { db } = fileDatabase();
    const insert = db.prepare("INSERT INTO items (value) VALUES (?)");
    const group = new GroupCommit(db, (value: string) => Number(insert.run(value).lastInsertRowid));
    const results = await Promise.allSettled(["x", "bad", "y"].map((value) => group.submit(value)));
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(db.prepare("SELECT value FROM items ORDER BY id").all()).toEqual([{ value: "x" }, { value: "y" }]);
    const [first, , third] = results as Array<PromiseFulfilledResult<number>>;
    expect(third?.value).toBeGreaterThan(first?.value ?? Number.POSITIVE_INFINITY);
    db.close();
  });

  it("shares one commit among the writes of one event-loop turn", async () => {
    const { db } = fileDatabase();
    const insert = db.prepare("INSERT INTO items (value) VALUES (?)");
    const group = new GroupCommit(db, (value: string) => Number(insert.run(value).lastInsertRowid));
    // Each commit appends at least one frame to the WAL; count the frames 50 writes leave.
    const walFrames = () => (db.pragma("wal_checkpoint(PASSIVE)") as Array<{ log: number }>)[0]?.log ?? 0;
    db.pragma("wal_checkpoint(TRUNCATE)");
    await Promise.all(Array.from({ length: 50 }, (_, index) => group.submit(`v${index}`)));
    const grouped = walFrames();
    db.pragma("wal_checkpoint(TRUNCATE)");
    for (let index = 0; index < 50; index += 1) await group.submit(`w${index}`);
    const oneByOne = walFrames();
    expect(grouped).toBeLessThan(5);
    expect(oneByOne).toBeGreaterThanOrEqual(50);
    expect((db.prepare("SELECT count(*) AS n FROM items").get() as { n: number }).n).toBe(100);
    db.close();
  });
});
