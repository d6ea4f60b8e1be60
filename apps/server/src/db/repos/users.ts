import type { SqliteDatabase } from "../connection.js";

export interface User {
  username: string;
  bkToken: string | null;
  /** Whether IAM grants the user permission to create tasks. */
  canCreateTask: boolean;
}

interface Row {
  username: string;
  bk_token: string | null;
  can_create_task: number;
}

const toUser = (row: Row | undefined): User | undefined =>
  row && { username: row.username, bkToken: row.bk_token, canCreateTask: row.can_create_task === 1 };

/** Users and their login tokens (`bk_token`). */
export class UserRepository {
  private readonly byToken;
  private readonly byName;
  private readonly insertIfMissing;
  private readonly upsertStatement;

  constructor(db: SqliteDatabase) {
    this.byToken = db.prepare<[string], Row>("SELECT * FROM users WHERE bk_token = ?");
    this.byName = db.prepare<[string], Row>("SELECT * FROM users WHERE username = ?");
    this.insertIfMissing = db.prepare(
      "INSERT INTO users (username, created_at) VALUES (?, ?) ON CONFLICT (username) DO NOTHING",
    );
    this.upsertStatement = db.prepare(
      `INSERT INTO users (username, bk_token, can_create_task, created_at)
       VALUES (@username, @bkToken, @canCreateTask, @createdAt)
       ON CONFLICT (username) DO UPDATE SET bk_token = excluded.bk_token,
         can_create_task = excluded.can_create_task`,
    );
  }

  findByToken(token: string): User | undefined {
    return toUser(this.byToken.get(token));
  }

  /** bk-sops get_or_creates the user named by the gateway; so does this. */
  getOrCreate(username: string): User {
    const found = toUser(this.byName.get(username));
    if (found) return found;
    this.insertIfMissing.run(username, new Date().toISOString());
    return toUser(this.byName.get(username)) as User;
  }

  upsert(user: User): void {
    this.upsertStatement.run({
      ...user,
      canCreateTask: user.canCreateTask ? 1 : 0,
      createdAt: new Date().toISOString(),
    });
  }
}
