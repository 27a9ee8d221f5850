import "server-only";
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Connection } from "@/lib/aws/connections/connection";
import { sweepAccounts, type SweepAccount, type SweepEvent } from "@/lib/aws/audit/sweep";
import { COMMERCIAL_REGIONS } from "@/lib/aws/regions/commercial-regions";
import { connectionFromFlags } from "@/lib/cli/connection-flags";
import { EXIT, type CliCommand } from "@/lib/cli/io";
import { writeOutputFile } from "@/lib/cli/output-file";
import { renderJsonReport } from "@/lib/report";
import { SEVERITIES, type Severity } from "@/lib/rules/types";
import { exitCodeFor } from "./audit";

interface SummaryApi {
  connection: string;
  accountId?: string;
  region: string;
  apiId: string;
  name?: string;
  ok: boolean;
  counts?: Record<Severity, number>;
  partial?: boolean;
  report?: string;
  error?: { code: string; message: string };
}

/** "123456789012-us-east-1-abc123" style file names: ids are [A-Za-z0-9] already; anything else becomes "_". */
function safeSegment(value: string): string {
  return value.replace(/[^A-Za-z0-9-]/g, "_").slice(0, 128) || "_";
}

export const sweepCommand: CliCommand = {
  name: "sweep",
  summary: "Audit every REST API of one or more accounts (profiles or roles) in some or all regions: one report per API and a summary.",
  usage:
    "preflight sweep --out DIR [--demo] [--profile P …] [--role-arn ARN … [--external-id X]] [--region R … | --all-regions] [--fail-on " +
    `${SEVERITIES.join("|")}|none]`,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        demo: { type: "boolean" },
        profile: { type: "string", multiple: true },
        "role-arn": { type: "string", multiple: true },
        "external-id": { type: "string" },
        endpoint: { type: "string" },
        region: { type: "string", multiple: true },
        "all-regions": { type: "boolean" },
        out: { type: "string" },
        "fail-on": { type: "string", default: "medium" },
      },
      strict: true,
      allowPositionals: false,
    });
    if (!values.out) {
      io.err(`--out DIR is required (one JSON report per API and summary.json go there).\nUsage: ${this.usage}\n`);
      return EXIT.error;
    }
    const failOn = values["fail-on"];
    if (failOn !== "none" && !(SEVERITIES as readonly string[]).includes(failOn)) {
      io.err(`--fail-on must be one of ${SEVERITIES.join(", ")} or none (got "${failOn}").\n`);
      return EXIT.error;
    }
    if (values.region && values["all-regions"]) {
      io.err("Use --region or --all-regions, not both.\n");
      return EXIT.error;
    }
    // Accounts: the demo and each profile; each role is assumed from the first of those (or the default chain).
    const bases: { demo?: boolean; profile?: string }[] = [
      ...(values.demo ? [{ demo: true }] : []),
      ...(values.profile ?? []).map((profile) => ({ profile })),
    ];
    const flagSets = [
      ...(bases.length > 0 ? bases : values["role-arn"] ? [] : [{}]),
      ...(values["role-arn"] ?? []).map((roleArn) => ({
        ...(bases[0] ?? {}),
        "role-arn": roleArn,
        ...(values["external-id"] ? { "external-id": values["external-id"] } : {}),
      })),
    ];
    const connections: Connection[] = [];
    for (const flags of flagSets) {
      const opened = await connectionFromFlags({ ...flags, ...(values.endpoint ? { endpoint: values.endpoint } : {}) }, io.env);
      if (!opened.ok) {
        io.err(`${opened.message}\n`);
        return EXIT.error;
      }
      connections.push(opened.connection);
    }
    const accounts: SweepAccount[] = connections.map((connection) => {
      const regions = values["all-regions"]
        ? COMMERCIAL_REGIONS.map((r) => r.code)
        : (values.region ?? (connection.defaultRegion ? [connection.defaultRegion] : []));
      return { connection, regions };
    });
    const noRegion = accounts.find((account) => account.regions.length === 0);
    if (noRegion) {
      io.err(`No region for ${noRegion.connection.label}: pass --region R (or --all-regions), or set one in the profile / AWS_REGION.\n`);
      return EXIT.error;
    }
    const outDir = resolve(values.out);
    try {
      await mkdir(outDir, { recursive: true });
    } catch (error) {
      io.err(`Cannot create ${values.out}: ${(error as Error).message}\n`);
      return EXIT.error;
    }

    const startedAt = performance.now();
    const apis: SummaryApi[] = [];
    const regions: Extract<SweepEvent, { kind: "region" }>[] = [];
    for await (const event of sweepAccounts(accounts)) {
      if (event.kind === "region") {
        regions.push(event);
        io.err(
          event.ok
            ? `${event.connection} ${event.region}: ${event.apis} REST API${event.apis === 1 ? "" : "s"}\n`
            : `${event.connection} ${event.region}: ERROR ${event.code}: ${event.message}\n`,
        );
        continue;
      }
      if (!event.ok) {
        apis.push({
          connection: event.connection,
          region: event.region,
          apiId: event.apiId,
          ok: false,
          error: { code: event.code, message: event.message },
        });
        io.err(`  ${event.region} ${event.apiId}: ERROR ${event.code}: ${event.message}\n`);
        continue;
      }
      const { report } = event;
      const file = `${safeSegment(report.api.accountId ?? "unknown")}-${safeSegment(event.region)}-${safeSegment(event.apiId)}.json`;
      const written = await writeOutputFile(join(outDir, file), renderJsonReport(report).content);
      if (!written.ok) {
        io.err(`${written.message}\n`);
        return EXIT.error;
      }
      apis.push({
        connection: event.connection,
        ...(report.api.accountId ? { accountId: report.api.accountId } : {}),
        region: event.region,
        apiId: event.apiId,
        name: report.api.name,
        ok: true,
        counts: report.counts,
        partial: report.partial,
        report: file,
      });
      io.err(`  ${event.region} ${event.apiId} ${report.api.name}: ${report.findings.length} finding(s)\n`);
    }
    const order = (api: SummaryApi) => `${api.accountId ?? ""}|${api.region}|${api.apiId}`;
    apis.sort((a, b) => order(a).localeCompare(order(b)));
    const summary = {
      accounts: connections.map((connection) => connection.id),
      wallTimeMs: Math.round(performance.now() - startedAt),
      regions: regions.map((event) =>
        event.ok
          ? { connection: event.connection, region: event.region, ok: true, apis: event.apis }
          : { connection: event.connection, region: event.region, ok: false, code: event.code, message: event.message },
      ),
      apis,
    };
    const written = await writeOutputFile(join(outDir, "summary.json"), `${JSON.stringify(summary, null, 2)}\n`);
    if (!written.ok) {
      io.err(`${written.message}\n`);
      return EXIT.error;
    }
    io.out(`${apis.filter((api) => api.ok).length} of ${apis.length} APIs audited; summary: ${written.value}\n`);
    if (apis.length > 0 && apis.every((api) => !api.ok)) return EXIT.error;
    return Math.max(EXIT.ok, ...apis.flatMap((api) => (api.counts ? [exitCodeFor(api.counts, failOn as Severity | "none")] : [])));
  },
};
