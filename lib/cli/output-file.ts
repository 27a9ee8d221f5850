import "server-only";
import { chmod, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { CliResult } from "@/lib/cli/audit-target";
import type { CliIo } from "@/lib/cli/io";

/**
 * Write a command's output to FILE (relative to the working directory). Shell scripts get the executable
 * bit, so `preflight fix … --output fix.sh && ./fix.sh` works. A missing folder or a denied write is a value.
 */
export async function writeOutputFile(file: string, content: string | Uint8Array): Promise<CliResult<string>> {
  const path = resolve(file);
  try {
    await writeFile(path, content);
    // writeFile's mode applies only when it creates the file; chmod also covers overwriting an existing one.
    if (path.endsWith(".sh")) await chmod(path, 0o755);
    return { ok: true, value: path };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "its folder does not exist"
        : code === "EACCES" || code === "EPERM"
          ? "permission denied"
          : code === "EISDIR"
            ? "it is a folder"
            : (error as Error).message;
    return { ok: false, message: `Cannot write ${file}: ${why}.` };
  }
}

/**
 * A command's main output: written to --output when given (saying "Wrote <what> to <path>." on stderr), printed
 * otherwise. False when the write failed; the reason is already on stderr.
 */
export async function printOrWrite(io: CliIo, output: string | undefined, content: string, what: string): Promise<boolean> {
  if (output === undefined) {
    io.out(content);
    return true;
  }
  const written = await writeOutputFile(output, content);
  if (!written.ok) {
    io.err(`${written.message}\n`);
    return false;
  }
  io.err(`Wrote ${what} to ${written.value}.\n`);
  return true;
}
