#!/usr/bin/env node
// `npm start`: build the app when needed, start the local API Gateway emulator with the demo APIs
// (the built-in Demo connection), then serve the production build on 127.0.0.1:3000.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { exposureRefusal } from "../lib/auth/deployment-env.mjs";
import { nodeFlags } from "../lib/runtime/node-flags.mjs";

const host = process.env.HOST ?? "127.0.0.1";
const port = process.env.PORT ?? "3000";
const emulatorPort = process.env.PREFLIGHT_DEMO_PORT ?? "4599";
// Off loopback the app would lend this server's AWS credentials to every visitor: refuse before building anything.
const refusal = exposureRefusal(process.env, host);
if (refusal) {
  console.error(refusal);
  process.exit(1);
}
const bin = (name) => `node_modules/.bin/${name}`;
// No outside network here: Next's anonymous telemetry would only time out.
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PREFLIGHT_DEMO_ENDPOINT: `http://127.0.0.1:${emulatorPort}` };

if (process.env.PREFLIGHT_SKIP_BUILD !== "1" || !existsSync(".next/BUILD_ID")) {
  const build = spawnSync(bin("next"), ["build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Each child leads its own process group so stopping kills what it spawned too.
const children = [
  spawn(bin("tsx"), ["lib/emulator/cli.ts", "--port", emulatorPort], { stdio: "inherit", env, detached: true }),
  // Node itself runs Next's CLI, with the node settings audits are benchmarked with (lib/runtime/node-flags.mjs).
  spawn(process.execPath, [...nodeFlags(), "node_modules/next/dist/bin/next", "start", "--hostname", host, "--port", port], {
    stdio: "inherit",
    env,
    detached: true,
  }),
];

let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  }
  process.exit(code);
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));
// If either server dies (say its port is taken), stop the other rather than serve half a demo.
for (const child of children) child.on("exit", (code) => stopAll(code ?? 1));
