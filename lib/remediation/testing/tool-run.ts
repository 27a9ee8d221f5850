import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * A fresh directory under test-output/ (inside the checkout, so generated TypeScript resolves aws-cdk-lib and
 * @types from node_modules): generated files are written and run there, with it as the cwd, so a payload that
 * ran would leave its marker file in it.
 */
export function scratchDir(name: string): string {
  const base = resolve("test-output");
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, `${name}-`));
  created.push(dir);
  return dir;
}

const created: string[] = [];

/** Removes this file's scratch directories, except any holding a file named `keepIfFound` (kept for inspection). */
export function removeScratchDirs(keepIfFound: string): void {
  for (const dir of created.splice(0)) {
    const names = readdirSync(dir, { recursive: true }).map(String);
    if (!names.some((name) => name === keepIfFound || name.endsWith(`/${keepIfFound}`))) rmSync(dir, { recursive: true, force: true });
  }
}

export function writeFiles(dir: string, files: ReadonlyArray<readonly [string, string]>): string[] {
  return files.map(([name, content]) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  });
}

export interface ToolResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a tool to completion (bounded by timeoutMs) without a shell; the environment is the test's plus `env`. */
export function runTool(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string>; input?: string; timeoutMs?: number },
): ToolResult {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    input: options.input,
    encoding: "utf8",
    timeout: options.timeoutMs ?? 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
