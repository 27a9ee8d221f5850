// The e2e emulator: the default seeds (storefront, healthy, proxy in us-east-1) plus two large APIs in
// eu-west-1 for the matrix benchmark, kept out of us-east-1 so the seeded region lists only the seeds.
import { parseArgs } from "node:util";
import { startEmulator } from "@/lib/emulator/index";
import { generateLargeApi } from "@/lib/emulator/seeds/index";

export const BENCH_REGION = "eu-west-1";
// PREFLIGHT_BENCH_10K=1 adds a 10,000-resource API (AWS allows raising the 300-resource quota).
export const BENCH_SIZES = process.env.PREFLIGHT_BENCH_10K === "1" ? ([300, 1000, 10_000] as const) : ([300, 1000] as const);

const { values } = parseArgs({ options: { port: { type: "string", default: "4610" } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port <= 0) throw new Error(`--port must be a positive integer, got "${values.port}"`);

const emulator = await startEmulator({ port });
for (const resources of BENCH_SIZES) {
  generateLargeApi(emulator.store, { resources, name: `bench-${resources}`, region: BENCH_REGION, stages: ["prod"] });
}
console.log(`e2e emulator listening on ${emulator.url}`);
const stop = () => void emulator.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
