/**
 * Which store to open, from the environment. Pure, so it is tested without touching disk or network.
 *   DATABASE_URL=postgres://... or postgresql://...  → PostgreSQL (team deployments)
 *   otherwise → SQLite file PREFLIGHT_DATA_DIR/audits.sqlite (default <cwd>/.data, gitignored)
 *   PREFLIGHT_READ_ONLY=1 → team-viewer mode: reads only, no migrations
 */
import path from "node:path";
import { AuditStoreError } from "@/lib/share/errors";

export const SQLITE_FILE_NAME = "audits.sqlite";

export type StoreConfig =
  | { backend: "sqlite"; file: string; dataDir: string; readOnly: boolean }
  | { backend: "postgres"; connectionString: string; readOnly: boolean };

export type StoreConfigResult = { ok: true; config: StoreConfig } | { ok: false; error: string };

type Env = Readonly<Record<string, string | undefined>>;

const TRUE_VALUES = new Set(["1", "true", "yes", "on"]);
const FALSE_VALUES = new Set(["", "0", "false", "no", "off"]);

export type ReadOnlyFlag = { ok: true; readOnly: boolean } | { ok: false; error: string };

export function parseReadOnlyFlag(env: Env): ReadOnlyFlag {
  const raw = (env.PREFLIGHT_READ_ONLY ?? "").trim().toLowerCase();
  if (TRUE_VALUES.has(raw)) return { ok: true, readOnly: true };
  if (FALSE_VALUES.has(raw)) return { ok: true, readOnly: false };
  return {
    ok: false,
    error: `PREFLIGHT_READ_ONLY must be 1/true/yes/on or 0/false/no/off, not ${JSON.stringify(env.PREFLIGHT_READ_ONLY)}.`,
  };
}

/**
 * Team-viewer mode: stored audits can be opened but not created or deleted (the UI hides Share/Delete;
 * the store refuses writes regardless). Throws on an unrecognised value rather than guessing.
 */
export function isReadOnly(env: Env = process.env): boolean {
  const flag = parseReadOnlyFlag(env);
  if (!flag.ok) throw new AuditStoreError("invalid-config", flag.error);
  return flag.readOnly;
}

export function resolveStoreConfig(env: Env, cwd: string = process.cwd()): StoreConfigResult {
  const flag = parseReadOnlyFlag(env);
  if (!flag.ok) return flag;
  const databaseUrl = (env.DATABASE_URL ?? "").trim();
  if (databaseUrl !== "") {
    if (!/^postgres(ql)?:\/\//i.test(databaseUrl)) {
      // Silently falling back to SQLite would leave a team deployment writing to a local file.
      return {
        ok: false,
        error: "DATABASE_URL must be a postgres:// or postgresql:// URL; unset it to use the embedded SQLite store in PREFLIGHT_DATA_DIR.",
      };
    }
    return { ok: true, config: { backend: "postgres", connectionString: databaseUrl, readOnly: flag.readOnly } };
  }
  const dataDir = path.resolve(cwd, (env.PREFLIGHT_DATA_DIR ?? "").trim() || ".data");
  return { ok: true, config: { backend: "sqlite", dataDir, file: path.join(dataDir, SQLITE_FILE_NAME), readOnly: flag.readOnly } };
}
