import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The layer rules of eslint.config.mjs, proven on real files: each probe is a temporary file planted in the
 * tree with one import, linted by ESLint's Node API with the project's own config. A forbidden import must be
 * reported with its layer's message; an allowed one beside it must not, so an over-broad rule fails too.
 */
const ROOT = fileURLToPath(new URL("../", import.meta.url));
const TAG = `layer-probe-${process.pid}`;

interface Probe {
  name: string;
  /** Folder (relative to the root) the probe file is planted in. */
  folder: string;
  /** File name suffix: "ts", "tsx" or "test.ts". */
  ext?: string;
  imports: string;
  /** A fragment of the layer's message; undefined when the import is allowed. */
  reported?: string;
}

const PROBES: Probe[] = [
  { name: "lib/** never imports app/", folder: "lib/report", imports: "@/app/actions/paths", reported: "lib/ is below app/" },
  { name: "lib/** never imports components/", folder: "lib/share", imports: "@/components/ui/cx", reported: "lib/ is below app/" },
  {
    name: "lib/** never imports e2e/",
    folder: "lib/remediation",
    ext: "test.ts",
    imports: "@/e2e/support/servers",
    reported: "lib/ is below app/",
  },
  {
    name: "imports across folders use the @/ alias",
    folder: "lib/rules/support",
    imports: "../../model/types",
    reported: "through the @/ alias",
  },
  {
    name: "lib/model imports no other lib/ folder",
    folder: "lib/model",
    imports: "@/lib/rules/types",
    reported: "lib/model is the pure model",
  },
  { name: "lib/model may import lib/model", folder: "lib/model", imports: "@/lib/model/types" },
  { name: "lib/model may import lib/routing", folder: "lib/model", imports: "@/lib/routing/match" },
  {
    name: "the AWS SDK stays in lib/aws (lib)",
    folder: "lib/remediation/formats",
    imports: "@aws-sdk/client-api-gateway",
    reported: "Only lib/aws imports the AWS SDK",
  },
  {
    name: "the AWS SDK stays in lib/aws (smithy)",
    folder: "lib/cli",
    imports: "@smithy/core",
    reported: "Only lib/aws imports the AWS SDK",
  },
  {
    name: "the AWS SDK stays in lib/aws (components)",
    folder: "components/connect",
    ext: "tsx",
    imports: "@aws-sdk/client-sts",
    reported: "Only lib/aws imports the AWS SDK",
  },
  {
    name: "the AWS SDK stays in lib/aws (emulator code)",
    folder: "lib/emulator/server",
    imports: "@aws-sdk/client-api-gateway",
    reported: "Only lib/aws imports the AWS SDK",
  },
  { name: "lib/aws imports the AWS SDK", folder: "lib/aws/client", imports: "@aws-sdk/client-api-gateway" },
  {
    name: "emulator tests drive it through the real SDK",
    folder: "lib/emulator/server",
    ext: "test.ts",
    imports: "@aws-sdk/client-api-gateway",
  },
  {
    name: "lib/audit does not import lib/aws",
    folder: "lib/audit",
    imports: "@/lib/aws/reader/read-api",
    reported: "lib/audit is the pure core",
  },
  {
    name: "lib/audit's tests do not import lib/aws either",
    folder: "lib/audit",
    ext: "test.ts",
    imports: "@/lib/aws/testing/emulator-connection",
    reported: "lib/audit is the pure core",
  },
  { name: "lib/audit may import lib/model and lib/rules", folder: "lib/audit", imports: "@/lib/rules/types" },
  { name: "the live loader in lib/aws calls the audit core", folder: "lib/aws/audit", imports: "@/lib/audit/audit-model" },
  {
    name: "lib/templates does not import lib/aws",
    folder: "lib/templates",
    imports: "@/lib/aws/reader/read-api",
    reported: "lib/templates reads files",
  },
  { name: "lib/templates may import lib/model", folder: "lib/templates", imports: "@/lib/model/raw-snapshot" },
  {
    name: "the emulator imports nothing from the product",
    folder: "lib/emulator",
    imports: "@/lib/model/types",
    reported: "lib/emulator is the stand-in for AWS",
  },
  {
    name: "the emulator's tests import nothing from the product",
    folder: "lib/emulator/data-plane",
    ext: "test.ts",
    imports: "@/lib/aws/testing/emulator-connection",
    reported: "lib/emulator is the stand-in for AWS",
  },
  {
    name: "the emulator does not climb out of its folder",
    folder: "lib/emulator/server",
    imports: "../../model/types",
    reported: "lib/emulator is the stand-in for AWS",
  },
  { name: "the emulator may use ../ inside itself", folder: "lib/emulator/server", imports: "../state" },
  { name: "the emulator may import lib/routing", folder: "lib/emulator/data-plane", imports: "@/lib/routing/match" },
  {
    name: "components import app/ only through app/actions",
    folder: "components/share",
    ext: "tsx",
    imports: "@/app/_server/share",
    reported: "only app/actions",
  },
  { name: "components may import app/actions", folder: "components/share", ext: "tsx", imports: "@/app/actions/share" },
  {
    name: "server code does not import components/",
    folder: "app/_server",
    imports: "@/components/share/expiry",
    reported: "does not depend on components/",
  },
  {
    name: "server actions do not import components/",
    folder: "app/actions",
    imports: "@/components/share/expiry",
    reported: "does not depend on components/",
  },
  { name: "pages render components", folder: "app/audits", ext: "tsx", imports: "@/components/share/recent-audits" },
];

const planted = PROBES.map((probe, index) => path.join(ROOT, probe.folder, `${TAG}-${index}.${probe.ext ?? "ts"}`));
let results: Map<string, string[]>;

beforeAll(async () => {
  try {
    PROBES.forEach((probe, index) => {
      mkdirSync(path.dirname(planted[index]!), { recursive: true });
      writeFileSync(planted[index]!, `import "${probe.imports}";\n`);
    });
    const eslint = new ESLint({ cwd: ROOT });
    const linted = await eslint.lintFiles(planted);
    results = new Map(
      linted.map((result) => [result.filePath, result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message)]),
    );
  } finally {
    for (const file of planted) rmSync(file, { force: true });
  }
}, 120_000);

afterAll(() => {
  for (const file of planted) rmSync(file, { force: true });
});

describe("layer lint (eslint.config.mjs)", () => {
  it.each(PROBES.map((probe, index) => [probe.name, probe, index] as const))("%s", (_name, probe, index) => {
    const messages = results.get(planted[index]!);
    expect(messages, "ESLint linted the planted file").toBeDefined();
    if (probe.reported) {
      expect(messages).toHaveLength(1);
      expect(messages![0]).toContain(probe.reported);
    } else {
      expect(messages).toEqual([]);
    }
  });
});
