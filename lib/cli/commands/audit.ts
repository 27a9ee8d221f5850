import "server-only";
import { parseArgs } from "node:util";
import { AUDIT_TARGET_OPTIONS, auditFromFlags, auditWithConnection, restApiIdFrom } from "@/lib/cli/audit-target";
import { liveTemplateFor } from "@/lib/cli/live-template";
import { printOrWrite } from "@/lib/cli/output-file";
import { PROBE_OPTIONS, probeFromFlags, strayProbeFlags } from "@/lib/cli/probe-flags";
import { EXIT, type CliCommand } from "@/lib/cli/io";
import { MULTI_REPORT_FORMATS, REPORT_FORMATS } from "@/lib/cli/formats";
import { auditTemplatesFromFlags } from "@/lib/cli/template-target";
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
  summary: "Audit one REST API, or the REST APIs of template files before deploy, and print the report.",
  usage:
    `preflight audit <restApiId> --region R [--profile P | --demo] [--role-arn ARN [--external-id X]] [--stage S] [--format ${Object.keys(REPORT_FORMATS).join("|")}] [--output FILE] [--fail-on ${SEVERITIES.join("|")}|none]\n` +
    `                    [--probe [--probe-repeat N] [--probe-origin O]... [--probe-actual [--probe-identity T]...]]\n` +
    `           preflight audit --template <file|dir> [--template …] [--region R] [--format …] [--output FILE] [--fail-on …]\n` +
    `           preflight audit <restApiId> [connection flags] --template <file|dir> [--format …] [--output FILE] [--fail-on …]  (compares the live API with your working copy)`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        ...AUDIT_TARGET_OPTIONS,
        format: { type: "string", default: "text" },
        output: { type: "string" },
        "fail-on": { type: "string", default: DEFAULT_FAIL_ON },
        template: { type: "string", multiple: true },
        ...PROBE_OPTIONS,
      },
      strict: true,
      allowPositionals: true,
    });
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
    if (values.template && positionals.length > 0) {
      // A live API beside its working copy: the report is the live one, with live-differs-from-template findings.
      const probing = Object.keys(PROBE_OPTIONS).filter((flag) => values[flag as keyof typeof values] !== undefined);
      if (probing.length > 0) {
        io.err(`${probing.map((flag) => `--${flag}`).join(", ")}: probe in an audit without --template.\nUsage: ${this.usage}\n`);
        return EXIT.error;
      }
      const restApiId = restApiIdFrom(positionals, this.usage);
      if (!restApiId.ok) {
        io.err(`${restApiId.message}\n`);
        return EXIT.error;
      }
      const audited = await auditWithConnection(restApiId.value, values, io.env);
      if (!audited.ok) {
        io.err(`${audited.message}\n`);
        return EXIT.error;
      }
      const compared = await liveTemplateFor(audited.value, values.template);
      if (!compared.ok) {
        io.err(`${compared.message}\n`);
        return EXIT.error;
      }
      for (const note of compared.value.notes) io.err(`${note}\n`);
      const report = compared.value.live;
      if (!(await printOrWrite(io, values.output, render(report), `the ${values.format} report`))) return EXIT.error;
      return exitCodeFor(report.counts, failOn as Severity | "none");
    }
    if (values.template) {
      const live = ["profile", "demo", "role-arn", "external-id", "endpoint", "stage", ...Object.keys(PROBE_OPTIONS)].filter(
        (flag) => values[flag as keyof typeof values] !== undefined,
      );
      if (positionals.length > 0 || live.length > 0) {
        io.err(
          `--template audits files, not a live API: drop ${[...positionals, ...live.map((flag) => `--${flag}`)].join(", ")}.\nUsage: ${this.usage}\n`,
        );
        return EXIT.error;
      }
      const audited = await auditTemplatesFromFlags(values.template, values.region);
      if (!audited.ok) {
        io.err(`${audited.message}\n`);
        return EXIT.error;
      }
      for (const note of audited.value.notes) io.err(`${note}\n`);
      const { reports } = audited.value;
      // A template may define several APIs, so its JSON is always an array and its CSV has an `api` column.
      const content = MULTI_REPORT_FORMATS[values.format]!(reports);
      if (!(await printOrWrite(io, values.output, content, `the ${values.format} report`))) return EXIT.error;
      return Math.max(...reports.map((report) => exitCodeFor(report.counts, failOn as Severity | "none")));
    }
    const stray = strayProbeFlags(values);
    if (stray.length > 0) {
      io.err(`${stray.join(", ")} need --probe.\nUsage: ${this.usage}\n`);
      return EXIT.error;
    }
    const restApiId = restApiIdFrom(positionals, this.usage);
    if (!restApiId.ok) {
      io.err(`${restApiId.message}\n`);
      return EXIT.error;
    }
    const audited = await auditFromFlags(restApiId.value, values, io.env);
    if (!audited.ok) {
      io.err(`${audited.message}\n`);
      return EXIT.error;
    }
    let report = audited.value;
    if (values.probe) {
      const probed = await probeFromFlags(report, values, io);
      if (!probed.ok) {
        io.err(`${probed.message}\n`);
        return EXIT.error;
      }
      report = { ...report, probe: probed.value };
    }
    const content = render(report);
    if (!(await printOrWrite(io, values.output, content, `the ${values.format} report`))) return EXIT.error;
    return exitCodeFor(report.counts, failOn as Severity | "none");
  },
};
