import type { SqliteDatabase } from "../connection.js";

export interface App {
  code: string;
  secret: string;
  name: string;
  /** In bk-sops' APP_WHITELIST: skips the IAM permission check. */
  trusted: boolean;
  /** On the login-exempt whitelist: may name the user with `bk_username`. */
  userVerifyExempt: boolean;
}

interface Row {
  code: string;
  secret: string;
  name: string;
  trusted: number;
  user_verify_exempt: number;
}

/**
 * Registered apps (the ESB / gateway app registry). Every request looks its app up, and apps
 * change only through `upsert` or a reset of the whole data (`forget`), so found apps are kept.
 * The apps returned are shared: treat them as read-only.
 */
export class AppRepository {
  private readonly cache = new Map<string, App>();
  private readonly byCode;
  private readonly upsertStatement;

  constructor(db: SqliteDatabase) {
    this.byCode = db.prepare<[string], Row>("SELECT * FROM apps WHERE code = ?");
    this.upsertStatement = db.prepare(
      `INSERT INTO apps (code, secret, name, trusted, user_verify_exempt)
       VALUES (@code, @secret, @name, @trusted, @userVerifyExempt)
       ON CONFLICT (code) DO UPDATE SET secret = excluded.secret, name = excluded.name,
         trusted = excluded.trusted, user_verify_exempt = excluded.user_verify_exempt`,
    );
  }

  find(code: string): App | undefined {
    const cached = this.cache.get(code);
    if (cached) return cached;
    const row = this.byCode.get(code);
    if (!row) return undefined;
    const app: App = {
      code: row.code,
      secret: row.secret,
      name: row.name,
      trusted: row.trusted === 1,
      userVerifyExempt: row.user_verify_exempt === 1,
    };
    this.cache.set(code, app);
    return app;
  }

  /** Forgets the apps found so far: the rows were replaced behind the repository (reset, restore). */
  forget(): void {
    this.cache.clear();
  }

  upsert(app: App): void {
    this.cache.delete(app.code);
    this.upsertStatement.run({
      ...app,
      trusted: app.trusted ? 1 : 0,
      userVerifyExempt: app.userVerifyExempt ? 1 : 0,
    });
  }
}
