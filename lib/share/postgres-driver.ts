import "server-only";
import pg from "pg";
import { AuditStoreError } from "@/lib/share/errors";
import { numberPlaceholders, type SqlDriver, type SqlExecutor, type SqlRow, type SqlValue } from "@/lib/share/sql-driver";

export interface PostgresDriverOptions {
  connectionString: string;
  /** Schema to use (search_path); default "public". Tests use one schema per run. */
  schema?: string;
  /** Pool size; default 10. */
  max?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** host:port/db without user or password, for messages. */
export function describeConnection(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    return `${url.hostname || "localhost"}:${url.port || "5432"}${url.pathname}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

function executorFor(client: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    query: async (sql, params = []) => (await client.query(numberPlaceholders(sql), [...params])).rows as SqlRow[],
    run: async (sql, params = []) => (await client.query(numberPlaceholders(sql), [...params])).rowCount ?? 0,
    exec: async (script) => {
      // No parameters: the simple query protocol runs several statements in one round trip.
      await client.query(script);
    },
  };
}

export class PostgresDriver implements SqlDriver {
  readonly dialect = "postgres" as const;
  private readonly executor: SqlExecutor;

  private constructor(private readonly pool: pg.Pool) {
    this.executor = executorFor(pool);
    // Without a listener an idle client's error would crash the process; the pool replaces the client.
    pool.on("error", (error) => {
      console.error(`Preflight audit store: idle PostgreSQL connection failed: ${error.message}`);
    });
  }

  /** Connects once to fail fast with a clear message (never including the password). */
  static async open(options: PostgresDriverOptions): Promise<PostgresDriver> {
    const schema = options.schema ?? "public";
    if (!SCHEMA_NAME.test(schema)) throw new AuditStoreError("invalid-config", `Invalid PostgreSQL schema name ${JSON.stringify(schema)}.`);
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.max ?? 10,
      options: `-c search_path=${schema}`,
      connectionTimeoutMillis: 10_000,
    });
    const driver = new PostgresDriver(pool);
    try {
      await pool.query("SELECT 1");
    } catch (error) {
      await pool.end().catch(() => undefined);
      const reason = error instanceof Error ? error.message : String(error);
      throw new AuditStoreError(
        "unavailable",
        `Cannot connect to PostgreSQL at ${describeConnection(options.connectionString)}: ${reason}`,
        { cause: error },
      );
    }
    return driver;
  }

  query(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]> {
    return this.executor.query(sql, params);
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.executor.run(sql, params);
  }

  exec(script: string): Promise<void> {
    return this.executor.exec(script);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      const result = await work(executorFor(client));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      try {
        await client.query("ROLLBACK");
      } catch (rollbackError) {
        // The connection is unusable; the pool must discard it rather than hand it out again. The original error wins.
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
