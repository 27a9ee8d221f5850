import "server-only";
import { parseArgs } from "node:util";
import { CONNECTION_OPTIONS, connectionFromFlags } from "@/lib/cli/connection-flags";
import { EXIT, type CliCommand } from "@/lib/cli/io";
import { REPORT_FORMATS } from "@/lib/cli/formats";
import { runAudit } from "@/lib/audit/run-audit";
import { SEVERITIES, type Severity } from "@/lib/rules/types";

export const DEFAULT_FAIL_ON: Severity = "medium";

/** Exit 1 when a finding is at or above `failOn` ("none" never fails). */
export function exitCodeFor(counts: Record<Severity, number>, failOn: Severity | "none"): number {
  if (failOn === "none") return EXIT.ok;
  const threshold = SEVERITIES.indexOf(failOn);
  return SEVERITIES.some((s, i) => i <= threshold && counts[s] > 0) ? EXIT.findings : EXIT.ok;
}

export const auditCommand: CliCommand = {
  name: "audit",
  summary: "Audit one REST API and print the report.",
  usage: `preflight audit <restApiId> --region R [--profile P | --demo] [--role-arn ARN [--external-id X]] [--stage S] [--format ${Object.keys(REPORT_FORMATS).join("|")}] [--fail-on ${SEVERITIES.join("|")}|none]`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        ...CONNECTION_OPTIONS,
        region: { type: "string" },
        stage: { type: "string" },
        format: { type: "string", default: "text" },
        "fail-on": { type: "string", default: DEFAULT_FAIL_ON },
      },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length !== 1) {
      io.err(`Expected exactly one REST API id.\nUsage: ${this.usage}\n`);
      return EXIT.error;
    }
    const restApiId = positionals[0] as string;
    // REST API ids are 10 lowercase alphanumerics on AWS; accept any short [A-Za-z0-9] id (emulators differ).
    if (!/^[A-Za-z0-9]{1,64}$/.test(restApiId)) {
      io.err(`"${restApiId}" is not a REST API id (letters and digits, e.g. a1b2c3d4e5).\n`);
      return EXIT.error;
    }
    const render = REPORT_FORMATS[values.format];
    if (!render) {
      io.err(`--format must be one of ${Object.keys(REPORT_FORMATS).join(", ")} (got "${values.format}").\n`);
      return EXIT.error;
    }
    const failOn = values["fail-on"];
    if (failOn !== "none" && !(SEVERITIES as readonly string[]).includes(failOn)) {
      io.err(`--fail-on must be one of ${SEVERITIES.join(", ")} or none (got "${failOn}").\n`);
      return EXIT.error;
    }
    const opened = await connectionFromFlags(values, io.env);
    if (!opened.ok) {
      io.err(`${opened.message}\n`);
      return EXIT.error;
    }
    const region = values.region ?? opened.connection.defaultRegion;
    if (!region) {
      io.err("No region: pass --region R, or set one in the profile / AWS_REGION.\n");
      return EXIT.error;
    }
    const result = await runAudit({ connection: opened.connection, region, restApiId, ...(values.stage ? { stage: values.stage } : {}), env: io.env });
    if (!result.ok) {
      const f = result.failure;
      if (f.kind === "aws") io.err(`Error [${f.error.code}] ${f.error.message}\n${f.error.hint}\n`);
      else io.err(`${f.message}\n`);
      return EXIT.error;
    }
    io.out(render(result.report));
    return exitCodeFor(result.report.counts, failOn as Severity | "none");
  },
};
