import type { SqliteDatabase } from "./connection.js";

type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Group commit: writes submitted in the same turn of the event loop share one transaction and
 * so one synced commit (with `synchronous = FULL` the fsync, not the insert, is what a write
 * costs). Each promise settles only after that commit, so nothing is acknowledged before it is
 * on disk. Each write runs in its own savepoint: one that fails is rolled back alone and
 * rejects its own promise; the others are committed.
 */
export class GroupCommit<T, R> {
  private queue: Array<{ item: T; resolve: (value: R) => void; reject: (error: unknown) => void }> = [];
  private readonly commit: (items: T[]) => Outcome<R>[];

  constructor(
    db: SqliteDatabase,
    write: (item: T) => R,
    private readonly maxBatch = 256,
  ) {
    const attempt = db.transaction(write);
    this.commit = db.transaction((items: T[]) =>
      items.map((item): Outcome<R> => {
        try {
          return { ok: true, value: attempt(item) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
  }

  /** Queues a write; resolves with its result once the batch holding it is committed. */
  submit(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.queue.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      let outcomes: Outcome<R>[];
      try {
        outcomes = this.commit(batch.map((entry) => entry.item));
      } catch (error) {
        // The commit itself failed (disk full, I/O error): nothing of the batch was stored.
        for (const entry of batch) entry.reject(error);
        continue;
      }
      batch.forEach((entry, index) => {
        const outcome = outcomes[index] as Outcome<R>;
        if (outcome.ok) entry.resolve(outcome.value);
        else entry.reject(outcome.error);
      });
    }
  }
}
