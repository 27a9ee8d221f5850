import "server-only";
import { chmod, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { CliResult } from "@/lib/cli/audit-target";

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
    const why = code === "ENOENT" ? "its folder does not exist" : code === "EACCES" || code === "EPERM" ? "permission denied" : code === "EISDIR" ? "it is a folder" : (error as Error).message;
    return { ok: false, message: `Cannot write ${file}: ${why}.` };
  }
}
