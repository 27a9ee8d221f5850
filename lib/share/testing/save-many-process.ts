/**
 * Child process for the multi-process SQLite test: saves `count` audits to `file` concurrently and prints
 * one JSON line [{ id, marker }]. Run with: tsx --conditions react-server save-many-process.ts <file> <count> <tag>
 */
import { openSqliteAuditStore } from "@/lib/share/sqlite-audit-store";
import { sampleFinding, sampleReport } from "@/lib/share/testing/sample-report";

const [file, countArg, tag] = process.argv.slice(2);
const count = Number(countArg);
if (!file || !tag || !Number.isInteger(count) || count < 1) {
  console.error("usage: save-many-process.ts <file> <count> <tag>");
  process.exit(2);
}

const store = await openSqliteAuditStore({ file });
const markers = Array.from({ length: count }, (_, i) => `${tag}-${i}`);
const saved = await Promise.all(
  markers.map((marker) =>
    store.save(sampleReport({ findings: [sampleFinding("rule", "low", { path: `/${marker}` }, { message: marker })] })),
  ),
);
await store.close();
console.log(JSON.stringify(saved.map((ref, i) => ({ id: ref.id, marker: markers[i] }))));
