import { describe, expect, it } from "vitest";
import { MAX_SNAPSHOT_BYTES, SNAPSHOT_VERSION, decodeSnapshot, encodeSnapshot, sha256Hex, type AuditSnapshot } from "@/lib/share/snapshot";
import { sampleReport } from "@/lib/share/testing/sample-report";

function snapshot(): AuditSnapshot {
  return { snapshotVersion: SNAPSHOT_VERSION, preflightVersion: "0.1.0", storedAt: "2026-03-01T12:00:00.000Z", report: sampleReport() };
}

describe("snapshots", () => {
  it("documents an 8 MiB limit", () => {
    expect(MAX_SNAPSHOT_BYTES).toBe(8 * 1024 * 1024);
  });

  it("encode and decode round trip with a checksum", () => {
    const encoded = encodeSnapshot(snapshot());
    if (!encoded.ok) throw new Error("sample snapshot too large");
    expect(encoded.encoded.bytes).toBe(Buffer.byteLength(encoded.encoded.json));
    expect(decodeSnapshot(encoded.encoded.json, encoded.encoded.sha256)).toEqual({ ok: true, snapshot: snapshot() });
  });

  it("measure the limit in UTF-8 bytes, inclusive", () => {
    const value = snapshot();
    value.report.api.name = "é".repeat(100);
    const json = JSON.stringify(value);
    const bytes = Buffer.byteLength(json);
    expect(bytes).toBeGreaterThan(json.length);
    expect(encodeSnapshot(value, bytes).ok).toBe(true);
    expect(encodeSnapshot(value, bytes - 1)).toEqual({ ok: false, reason: "too-large", bytes });
  });

  it("decode rejects what is not a supported snapshot, with a reason", () => {
    const valid = JSON.stringify(snapshot());
    expect(decodeSnapshot(valid, sha256Hex("other"))).toEqual({ ok: false, reason: "its checksum does not match its content" });
    expect(decodeSnapshot("{")).toEqual({ ok: false, reason: "it is not valid JSON" });
    expect(decodeSnapshot("[1]")).toEqual({ ok: false, reason: "it has no snapshotVersion" });
    expect(decodeSnapshot('{"snapshotVersion":2}')).toEqual({
      ok: false,
      reason: "it is snapshot version 2, written by a newer Preflight (this build reads up to version 1)",
    });
    expect(decodeSnapshot('{"snapshotVersion":0}')).toEqual({ ok: false, reason: "snapshot version 0 is not supported" });
    const wrongModel = { ...snapshot(), report: { ...sampleReport(), model: { ...sampleReport().model, schemaVersion: 7 } } };
    const decoded = decodeSnapshot(JSON.stringify(wrongModel));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.reason).toMatch(/^it does not match snapshot version 1 at report\.model\.schemaVersion/);
  });
});
