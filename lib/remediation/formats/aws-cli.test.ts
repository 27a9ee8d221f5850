import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderAwsCli } from "@/lib/remediation/formats/aws-cli";
import { fixturePlan } from "@/lib/remediation/testing/render-fixture";

function writeScript(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), "preflight-cli-"));
  const file = join(dir, "fix.sh");
  writeFileSync(file, content);
  chmodSync(file, 0o755);
  return file;
}

const hasShellcheck = spawnSync("shellcheck", ["--version"]).status === 0;

describe("renderAwsCli", () => {
  const { plan } = fixturePlan();
  const snippet = renderAwsCli(plan);
  const script = snippet.content;

  it("has the header, strict mode and overridable settings", () => {
    expect(script.startsWith("#!/usr/bin/env bash\n")).toBe(true);
    expect(script).toContain("set -euo pipefail");
    expect(script).toContain('REGION="${REGION:-eu-west-1}"');
    expect(script).toContain('PROFILE="${PROFILE:-}"');
    expect(script).toContain('API_ID="${API_ID:-a1b2c3d4e5}"');
    expect(script).toContain(
      "#   apigateway:PATCH on arn:aws:apigateway:eu-west-1::/restapis/a1b2c3d4e5/resources/ordid001/methods/OPTIONS",
    );
    expect(snippet.iamActions).toEqual(["apigateway:DELETE", "apigateway:GET", "apigateway:PATCH", "apigateway:POST", "apigateway:PUT"]);
  });

  it("passes bash -n", () => {
    expect(() => execFileSync("bash", ["-n", writeScript(script)])).not.toThrow();
  });

  // CI installs shellcheck (.ci/run), so there it must run; elsewhere it is optional.
  it.skipIf(!hasShellcheck && !process.env.CI)("passes shellcheck", () => {
    const result = spawnSync("shellcheck", [writeScript(script)], { encoding: "utf8" });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("in a dry run prints every command without calling AWS, in plan order", () => {
    // An empty PATH beyond bash's own directory: a real `aws` call would fail with "command not found".
    const output = execFileSync("bash", [writeScript(script), "--dry-run"], {
      encoding: "utf8",
      env: { NODE_ENV: "test", PATH: "/usr/bin:/bin", HOME: tmpdir() },
    });
    const commands = output.split("\n").filter((line) => line.startsWith("+ aws"));
    const operations = commands.map((line) => /apigateway ([a-z-]+)/.exec(line)?.[1]);
    expect(operations.slice(0, 3)).toEqual(["update-method", "update-method", "put-integration"]);
    expect(operations.filter((operation) => operation === "create-deployment")).toHaveLength(1);
    expect(operations.at(-1)).toBe("flush-stage-authorizers-cache");
    expect(operations.indexOf("put-gateway-response")).toBeGreaterThan(operations.lastIndexOf("update-integration"));
    expect(operations.indexOf("update-stage")).toBeGreaterThan(operations.lastIndexOf("put-gateway-response"));
    // The method-setting update-stage calls come before the deployment; the canary's removal right after it.
    expect(operations.slice(-3)).toEqual(["create-deployment", "update-stage", "flush-stage-authorizers-cache"]);
    expect(operations.indexOf("create-deployment")).toBeGreaterThan(operations.lastIndexOf("update-stage", -3));
    expect(commands.at(-2)).toMatch(
      /update-stage --rest-api-id a1b2c3d4e5 --stage-name prod --patch-operations .*remove.*\/canarySettings/,
    );
    expect(output).toContain("--region eu-west-1");
    expect(output).toContain("/~1orders~1\\{id\\}/GET/caching/enabled");
    expect(output).toContain("MANUAL STEP");
  });

  it("DRY_RUN=1 and env overrides reach the commands", () => {
    const output = execFileSync("bash", [writeScript(script)], {
      encoding: "utf8",
      env: {
        NODE_ENV: "test",
        PATH: "/usr/bin:/bin",
        DRY_RUN: "1",
        REGION: "us-west-2",
        API_ID: "zzz999",
        PROFILE: "ops",
        ENDPOINT_URL: "http://127.0.0.1:1",
      },
    });
    expect(output).toContain("--region us-west-2");
    expect(output).toContain("--profile ops");
    expect(output).toContain("--endpoint-url http://127.0.0.1:1");
    expect(output).toContain("--rest-api-id zzz999");
    expect(output).not.toContain("a1b2c3d4e5 ");
  });

  it("rejects unknown arguments", () => {
    const result = spawnSync("bash", [writeScript(script), "--force"], { encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Unknown argument");
  });

  it("guards put-method with get-method so re-running is safe", () => {
    expect(script).toMatch(
      /if exists "\$\{AWS\[@\]\}" apigateway get-method \\\n\s+--rest-api-id "\$API_ID" \\\n\s+--resource-id prod0001/,
    );
  });
});
