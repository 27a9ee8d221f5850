import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll } from "vitest";
import { startEmulator, type Emulator } from "@/lib/emulator";
import { main } from "@/lib/cli/main";

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

const BIN = fileURLToPath(new URL("../../../bin/preflight.mjs", import.meta.url));

/**
 * Registers an emulator for the calling test file (reset after each test) and returns two ways to drive the
 * CLI against it: `cli` calls main() in-process with captured streams, `bin` runs bin/preflight.mjs as a process.
 */
export function cliAgainstEmulator(): {
  cli: (...argv: string[]) => Promise<CliRun>;
  bin: (...argv: string[]) => Promise<CliRun>;
  emulator: () => Emulator;
} {
  let emu: Emulator | undefined;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0 });
  });
  afterAll(async () => emu?.close());
  afterEach(() => emu?.reset());
  const emulator = () => {
    if (!emu) throw new Error("The emulator is started in beforeAll; call cli()/bin() from a test.");
    return emu;
  };
  const env = () => ({ ...process.env, PREFLIGHT_DEMO_ENDPOINT: emulator().url });
  return {
    emulator,
    async cli(...argv) {
      let out = "";
      let err = "";
      const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), env: env() });
      return { code, out, err };
    },
    bin(...argv) {
      return new Promise((resolve) => {
        execFile(process.execPath, [BIN, ...argv], { env: env(), maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
          const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
          resolve({ code, out: stdout, err: stderr });
        });
      });
    },
  };
}
