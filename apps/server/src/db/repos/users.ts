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

/**
 * Users and their login tokens (`bk_token`). A token names the same user until `upsert` or a reset
 * of the whole data (`forget`), so the users found by token are kept. The users returned are
 * shared: treat them as read-only.
 */
export class UserRepository {
  private readonly tokenCache = new Map<string, User>();
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
    const cached = this.tokenCache.get(token);
    if (cached) return cached;
    const user = toUser(this.byToken.get(token));
    // Tokens are the callers' own input: only those that name a user are kept.
    if (user) this.tokenCache.set(token, user);
    return user;
  }

  /** Forgets the users found so far: the rows were replaced behind the repository (reset, restore). */
  forget(): void {
    this.tokenCache.clear();
  }

  /** bk-sops get_or_creates the user named by the gateway; so does this. */
  getOrCreate(username: string): User {
    const found = toUser(this.byName.get(username));
    if (found) return found;
    this.insertIfMissing.run(username, new Date().toISOString());
    return toUser(this.byName.get(username)) as User;
  }

  upsert(user: User): void {
    // The user's old token, if it changed, must stop naming them.
    this.tokenCache.clear();
    this.upsertStatement.run({
      ...user,
      canCreateTask: user.canCreateTask ? 1 : 0,
      createdAt: new Date().toISOString(),
    });
  }
}
