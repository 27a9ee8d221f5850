/**
 * The little SQL surface both backends provide, so one store implementation (and one set of SQL
 * statements) serves SQLite and PostgreSQL. Statements use `?` placeholders; the PostgreSQL driver
 * numbers them ($1, $2, ...).
 */
export type SqlValue = string | number | null;
export type SqlRow = Record<string, unknown>;
export type SqlDialect = "sqlite" | "postgres";

export interface SqlExecutor {
  query(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]>;
  /** Returns the number of rows changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface SqlDriver extends SqlExecutor {
  readonly dialect: SqlDialect;
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws, so a crash
   * mid-write leaves nothing half-written. SQLite takes the write lock at BEGIN (IMMEDIATE).
   */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `?` → `$n` for PostgreSQL. Our statements never contain `?` inside string literals. */
export function numberPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}
