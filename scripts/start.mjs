#!/usr/bin/env node
// `npm start`: build the app when needed, start the local API Gateway emulator with the demo APIs
// (the built-in Demo connection), then serve the production build on 127.0.0.1:3000.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const host = process.env.HOST ?? "127.0.0.1";
const port = process.env.PORT ?? "3000";
const emulatorPort = process.env.PREFLIGHT_DEMO_PORT ?? "4599";
const emulatorEntry = "lib/emulator/cli.ts";
process.env.NEXT_TELEMETRY_DISABLED = "1";

if (process.env.PREFLIGHT_SKIP_BUILD !== "1" || !existsSync(".next/BUILD_ID")) {
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const children = [];
const env = { ...process.env };
if (existsSync(emulatorEntry)) {
  env.PREFLIGHT_DEMO_ENDPOINT = `http://127.0.0.1:${emulatorPort}`;
  children.push(spawn("npx", ["tsx", emulatorEntry, "--port", emulatorPort], { stdio: "inherit", env }));
}
children.push(spawn("npx", ["next", "start", "--hostname", host, "--port", port], { stdio: "inherit", env }));

function stopAll(code) {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exit(code);
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));
for (const child of children) child.on("exit", (code) => stopAll(code ?? 1));
