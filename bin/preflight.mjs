#!/usr/bin/env node
// Runs the TypeScript CLI through tsx. "react-server" is the export condition under which the
// "server-only" guard on AWS-touching modules resolves to its no-op (it throws otherwise). Audits run with the node
// settings they are benchmarked with (lib/runtime/node-flags.mjs).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { nodeFlags } from "../lib/runtime/node-flags.mjs";

const require = createRequire(import.meta.url);
const entry = fileURLToPath(new URL("../lib/cli/run.ts", import.meta.url));
const tsx = require.resolve("tsx");
const child = spawn(
  process.execPath,
  [...nodeFlags(), "--conditions=react-server", "--no-warnings=ExperimentalWarning", "--import", tsx, entry, ...process.argv.slice(2)],
  {
    stdio: "inherit",
    cwd: process.cwd(),
  },
);
child.on("exit", (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  process.exit(code ?? 2);
});
