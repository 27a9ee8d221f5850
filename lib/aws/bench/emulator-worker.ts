/**
 * Runs the emulator in its own thread for the benchmark, so building large responses does not
 * share the reader's event loop (against AWS the service runs elsewhere). Messages:
 *   in  { type: "generate", id, resources, count?, name? }  → out { id, apiIds }
 *   in  { type: "throttled", id }                           → out { id, count }  (429s so far)
 *   in  { type: "calls", id, region }                       → out { id, byAccount }  (calls per account and operation in region)
 *   in  { type: "close", id }                               → out { id }
 */
import { parentPort, workerData } from "node:worker_threads";
import { generateLargeApi, seedManyApis, startEmulator } from "@/lib/emulator";

interface Request {
  type: "generate" | "throttled" | "calls" | "close";
  id: number;
  resources?: number;
  count?: number;
  name?: string;
  accountId?: string;
  region?: string;
}

const port = parentPort;
if (!port) throw new Error("emulator-worker must run as a worker thread");
const options = workerData as { latencyMs: number; quotas: boolean };
const emu = await startEmulator({ port: 0, seed: false, latencyMs: options.latencyMs, quotas: options.quotas });
port.postMessage({ type: "ready", url: emu.url });

port.on("message", async (message: Request) => {
  if (message.type === "generate") {
    const resources = message.resources ?? 1;
    const apiIds = message.count
      ? seedManyApis(emu.store, {
          count: message.count,
          resourcesPerApi: resources,
          stages: ["prod"],
          ...(message.accountId ? { accountId: message.accountId } : {}),
          ...(message.region ? { region: message.region } : {}),
        })
      : [generateLargeApi(emu.store, { resources, stages: ["prod"], name: message.name ?? `bench-${resources}` })];
    port.postMessage({ id: message.id, apiIds });
  } else if (message.type === "throttled") {
    const throttled = emu.requestLog.entries().filter((e) => e.status === 429);
    port.postMessage({ id: message.id, count: throttled.length, operations: throttled.map((e) => e.operation) });
  } else if (message.type === "calls") {
    const byAccount: Record<string, Record<string, number>> = {};
    for (const entry of emu.requestLog.entries()) {
      if (entry.region !== message.region) continue;
      const calls = (byAccount[entry.accountId] ??= {});
      calls[entry.operation] = (calls[entry.operation] ?? 0) + 1;
    }
    port.postMessage({ id: message.id, byAccount });
  } else {
    await emu.close();
    port.postMessage({ id: message.id });
    port.close();
  }
});
