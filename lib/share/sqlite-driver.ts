import "server-only";
import Database from "better-sqlite3";
import type { SqlDriver, SqlExecutor, SqlRow, SqlValue } from "@/lib/share/sql-driver";

/**
 * better-sqlite3 is synchronous and this driver shares one connection, so operations are queued: an
 * async transaction must not interleave with another caller's statements on the same connection.
 */
export class SqliteDriver implements SqlDriver {
  readonly dialect = "sqlite" as const;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly executor: SqlExecutor;

  constructor(private readonly db: Database.Database) {
    this.executor = {
      query: async (sql, params = []) => db.prepare(sql).all(...params) as SqlRow[],
      run: async (sql, params = []) => db.prepare(sql).run(...params).changes,
      exec: async (script) => {
        db.exec(script);
      },
    };
  }

  /** Opens (creating if needed) a database file with WAL journaling. */
  static open(file: string): SqliteDriver {
    const db = new Database(file);
    // WAL: readers never block the writer and a crash mid-transaction is rolled back on next open.
    db.pragma("journal_mode = WAL");
    // Another process (e.g. `next build` workers, a second server) may hold the write lock briefly.
    db.pragma("busy_timeout = 5000");
    // FULL makes a committed share durable across power loss, not just process crashes; shares are rare writes.
    db.pragma("synchronous = FULL");
    return new SqliteDriver(db);
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  query(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]> {
    return this.enqueue(() => this.executor.query(sql, params));
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.enqueue(() => this.executor.run(sql, params));
  }

  exec(script: string): Promise<void> {
    return this.enqueue(() => this.executor.exec(script));
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.enqueue(async () => {
      this.db.exec("BEGIN IMMEDIATE");
      try {
        const result = await work(this.executor);
        this.db.exec("COMMIT");
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec("ROLLBACK");
        throw error;
      }
    });
  }

  close(): Promise<void> {
    return this.enqueue(async () => {
      this.db.close();
    });
  }
}
