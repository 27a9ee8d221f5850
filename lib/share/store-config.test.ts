import { describe, expect, it } from "vitest";
import { AuditStoreError } from "@/lib/share/errors";
import { isReadOnly, resolveStoreConfig } from "@/lib/share/store-config";

describe("resolveStoreConfig", () => {
  it("defaults to SQLite under <cwd>/.data", () => {
    expect(resolveStoreConfig({}, "/srv/preflight")).toEqual({
      ok: true,
      config: { backend: "sqlite", dataDir: "/srv/preflight/.data", file: "/srv/preflight/.data/audits.sqlite", readOnly: false },
    });
  });

  it("honours PREFLIGHT_DATA_DIR, relative to cwd or absolute", () => {
    expect(resolveStoreConfig({ PREFLIGHT_DATA_DIR: "var/data" }, "/srv/p")).toMatchObject({
      config: { file: "/srv/p/var/data/audits.sqlite" },
    });
    expect(resolveStoreConfig({ PREFLIGHT_DATA_DIR: "/data" }, "/srv/p")).toMatchObject({ config: { file: "/data/audits.sqlite" } });
  });

  it("picks PostgreSQL for postgres:// and postgresql:// URLs", () => {
    for (const url of ["postgres://u:p@db:5432/preflight", "postgresql://db/preflight"]) {
      expect(resolveStoreConfig({ DATABASE_URL: url, PREFLIGHT_READ_ONLY: "1" })).toEqual({
        ok: true,
        config: { backend: "postgres", connectionString: url, readOnly: true },
      });
    }
    expect(resolveStoreConfig({ DATABASE_URL: "  " }, "/x")).toMatchObject({ config: { backend: "sqlite" } });
  });

  it("rejects other database URLs instead of silently using SQLite", () => {
    expect(resolveStoreConfig({ DATABASE_URL: "mysql://db/preflight" })).toEqual({
      ok: false,
      error: expect.stringContaining("DATABASE_URL must be a postgres:// or postgresql:// URL"),
    });
  });

  it("rejects an unrecognised PREFLIGHT_READ_ONLY", () => {
    expect(resolveStoreConfig({ PREFLIGHT_READ_ONLY: "maybe" })).toEqual({ ok: false, error: expect.stringContaining('not "maybe"') });
  });
});

describe("isReadOnly", () => {
  it("reads PREFLIGHT_READ_ONLY", () => {
    for (const on of ["1", "true", "YES", " on "]) expect(isReadOnly({ PREFLIGHT_READ_ONLY: on })).toBe(true);
    for (const off of [undefined, "", "0", "false", "No", "off"]) expect(isReadOnly({ PREFLIGHT_READ_ONLY: off })).toBe(false);
    expect(() => isReadOnly({ PREFLIGHT_READ_ONLY: "2" })).toThrow(AuditStoreError);
  });
});
