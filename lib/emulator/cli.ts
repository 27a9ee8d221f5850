import { parseArgs } from "node:util";
import { startEmulator } from "./index";

/** `npm run emulator -- --port 4599 [--host h] [--no-seed] [--page-size n] [--latency-ms n] [--quotas]` */
function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    console.error(`--${name} must be a non-negative integer, got "${value}"`);
    process.exit(2);
  }
  return parsed;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: "string", default: "4599" },
        host: { type: "string", default: "127.0.0.1" },
        "no-seed": { type: "boolean", default: false },
        "page-size": { type: "string" },
        "latency-ms": { type: "string" },
        quotas: { type: "boolean", default: false },
        region: { type: "string" },
      },
    }));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const emulator = await startEmulator({
    port: integer(values.port, "port"),
    host: values.host,
    seed: !values["no-seed"],
    defaultPageSize: integer(values["page-size"], "page-size"),
    latencyMs: integer(values["latency-ms"], "latency-ms"),
    quotas: values.quotas,
    defaultRegion: values.region,
  });
  console.log(`Preflight API Gateway emulator listening on ${emulator.url}`);
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
