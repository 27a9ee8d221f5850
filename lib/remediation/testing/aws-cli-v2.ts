import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

/** Debian's awscli package (v2) in /usr/bin, not whatever an earlier PATH entry (e.g. a pyenv shim for v1) holds. */
export const AWS_CLI_V2_PATH = "/usr/bin:/bin";

/** "aws-cli/2.x.y …" when AWS CLI v2 is installed there, else undefined. */
export function awsCliV2Version(): string | undefined {
  const result = spawnSync("aws", ["--version"], { encoding: "utf8", env: { NODE_ENV: "test", PATH: AWS_CLI_V2_PATH } });
  const version = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
  return result.status === 0 && /^aws-cli\/2\./.test(version) ? version : undefined;
}

/**
 * Runs a generated remediation script with the real AWS CLI v2 against an endpoint (the emulator), with
 * throwaway credentials and no user config. Asynchronously: the emulator answers from this process's event loop.
 */
export async function runFixScript(content: string, endpointUrl: string): Promise<{ stdout: string; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), "preflight-cli-e2e-"));
  const script = join(dir, "fix.sh");
  writeFileSync(script, content, { mode: 0o755 });
  return promisify(execFile)("bash", [script], {
    encoding: "utf8",
    timeout: 240_000,
    env: {
      NODE_ENV: "test",
      PATH: AWS_CLI_V2_PATH,
      HOME: dir,
      ENDPOINT_URL: endpointUrl,
      AWS_ACCESS_KEY_ID: "AKIAEMULATORDEFAULT1",
      AWS_SECRET_ACCESS_KEY: "fake-secret",
      AWS_CONFIG_FILE: join(dir, "none"),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, "none"),
    },
  });
}
