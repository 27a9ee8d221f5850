import "server-only";
import { parseArgs } from "node:util";
import { AUDIT_TARGET_OPTIONS, auditFromFlags, restApiIdFrom, type AuditTargetFlags } from "@/lib/cli/audit-target";
import { DEFAULT_FAIL_ON } from "@/lib/cli/commands/audit";
import { parseFindingSelector, selectFindings, selectorOf, type FindingSelector } from "@/lib/cli/finding-selector";
import { fixFormatFor, fixFormatNames } from "@/lib/cli/formats/fix-formats";
import { EXIT, type CliCommand } from "@/lib/cli/io";
import { printOrWrite, writeOutputFile } from "@/lib/cli/output-file";
import { createRemediationContext } from "@/lib/remediation/context";
import { buildPlan } from "@/lib/remediation/plan";
import { bundleZip, renderAll, renderFormat } from "@/lib/remediation/render-all";
import { SEVERITIES, type Severity } from "@/lib/rules/types";
import { fixTemplates } from "@/lib/cli/template-fix";
import { fixLiveAsPatch } from "@/lib/cli/live-fix";

export const fixCommand: CliCommand = {
  name: "fix",
  summary: "Audit one REST API and print the fix for its findings in one format.",
  usage: `preflight fix <restApiId> --region R [--profile P | --demo] [--role-arn ARN [--external-id X]] [--stage S] [--finding RULE_ID[:PATH[:VERB]]]... [--min-severity ${SEVERITIES.join("|")}] --format ${fixFormatNames().join("|")} [--output FILE] [--bundle FILE.zip]\n       preflight fix --template <file|dir> [--template …] [--region R] [--finding …]... [--min-severity …] --format patch [--output FILE]\n       preflight fix <restApiId> [connection flags] [--template <file|dir>] [--finding …]... [--min-severity …] --format patch [--output FILE]`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        ...AUDIT_TARGET_OPTIONS,
        format: { type: "string" },
        output: { type: "string" },
        bundle: { type: "string" },
        finding: { type: "string", multiple: true },
        template: { type: "string", multiple: true },
        // Same default as audit's --fail-on: fix has nothing to do exactly when audit exits 0.
        "min-severity": { type: "string", default: DEFAULT_FAIL_ON },
      },
      strict: true,
      allowPositionals: true,
    });
    if (values.template && positionals.length === 0) return runTemplateFix(values, positionals, io, this.usage);
    if (values.format === "patch" || values.template) {
      if (positionals.length === 0) {
        io.err("--format patch edits template files: name them with --template <file|dir>, or give a live API id.\n");
        return EXIT.error;
      }
      return runLivePatch(values, positionals, io, this.usage);
    }
    const restApiId = restApiIdFrom(positionals, this.usage);
    if (!restApiId.ok) {
      io.err(`${restApiId.message}\n`);
      return EXIT.error;
    }
    // --bundle alone writes every format; otherwise one format is printed (or written to --output).
    if (values.format === undefined && values.bundle === undefined) {
      io.err(`--format is required (one of ${fixFormatNames().join(", ")}), unless --bundle writes every format.\nUsage: ${this.usage}\n`);
      return EXIT.error;
    }
    const format = values.format === undefined ? undefined : fixFormatFor(values.format);
    if (values.format !== undefined && !format) {
      io.err(`--format must be one of ${fixFormatNames().join(", ")} (got "${values.format}"; cli = aws-cli, json = sdk-json).\n`);
      return EXIT.error;
    }
    if (values.output !== undefined && values.format === undefined) {
      io.err("--output needs --format (the zip from --bundle holds every format).\n");
      return EXIT.error;
    }
    const selection = selectionFrom(values, io);
    if (!selection) return EXIT.error;
    const { minSeverity, selectors } = selection;

    const audited = await auditFromFlags(restApiId.value, values, io.env);
    if (!audited.ok) {
      io.err(`${audited.message}\n`);
      return EXIT.error;
    }
    const report = audited.value;
    const findings = selectFindings(report.findings, {
      selectors,
      minSeverity: minSeverity as Severity,
      ...(values.stage ? { stage: values.stage } : {}),
    });
    if (findings.length === 0) {
      const scope = selectors.length > 0 ? `matching --finding ${(values.finding ?? []).join(", ")}` : `at or above ${minSeverity}`;
      const others = report.findings.filter((f) => f.fixes.length > 0).map(selectorOf);
      io.err(
        `Nothing to fix: ${report.api.id} has no fixable finding ${scope}${values.stage ? ` on stage ${values.stage}` : ""}${others.length > 0 ? ` (fixable: ${[...new Set(others)].join(", ")})` : ""}.${report.partial ? " PARTIAL read: findings in the parts that could not be read are unknown." : ""}\n`,
      );
      return EXIT.ok;
    }

    // With --stage only that stage is redeployed; otherwise every stage the selected findings name.
    const ctx = createRemediationContext(report.model, findings, values.stage ? { affectedStages: [values.stage] } : {});
    const plan = buildPlan(findings, ctx);
    io.err(
      `Fixing ${findings.length} finding${findings.length === 1 ? "" : "s"} of ${report.api.name} (${report.api.id}) in ${report.api.region}; redeploys ${ctx.affectedStages.join(", ") || "no stage"}:\n`,
    );
    findings.forEach((f, index) => io.err(`  ${index + 1}. [${f.severity}] ${selectorOf(f)}\n`));
    for (const w of report.warnings) io.err(`warning [${w.code}] ${w.message}\n`);
    // One line, not one per clash: the JSON format lists each conflict in its "conflicts".
    if (plan.conflicts.length > 0)
      io.err(
        `warning: ${plan.conflicts.length} change(s) asked for by several findings differ; the earliest finding's is kept (see --format json, "conflicts").\n`,
      );

    if (format) {
      const snippet = renderFormat(format, findings, ctx);
      if (!snippet) {
        io.err(
          `--format ${values.format} has nothing to render: it applies only to fixes that change the Lambda authorizer's code, and none of the selected findings does. Use one of ${fixFormatNames()
            .filter((name) => !name.startsWith("authorizer-"))
            .join(", ")}.\n`,
        );
        return EXIT.error;
      }
      if (!(await printOrWrite(io, values.output, snippet.content, snippet.format))) return EXIT.error;
      io.err(`Needs IAM: ${snippet.iamActions.join(", ") || "no AWS permissions"}.\n`);
    }
    if (values.bundle !== undefined) {
      const written = await writeOutputFile(values.bundle, bundleZip(renderAll(findings, ctx)));
      if (!written.ok) {
        io.err(`${written.message}\n`);
        return EXIT.error;
      }
      io.err(`Wrote every format to ${written.value}.\n`);
    }
    return EXIT.ok;
  },
};

/** The template branch of `fix`: only `--format patch`, only template flags. */
async function runTemplateFix(
  values: {
    format?: string;
    output?: string;
    bundle?: string;
    finding?: string[];
    template?: string[];
    region?: string;
    stage?: string;
    "min-severity": string;
    demo?: boolean;
    profile?: string;
  },
  positionals: readonly string[],
  io: Parameters<CliCommand["run"]>[1],
  usage: string,
): Promise<number> {
  if (positionals.length > 0 || values.bundle !== undefined || values.stage !== undefined || values.demo || values.profile !== undefined) {
    io.err(`--template patches files, not a live API: drop the API id, --bundle, --stage, --demo and --profile.\nUsage: ${usage}\n`);
    return EXIT.error;
  }
  if (values.format !== "patch") {
    io.err(`With --template, --format must be patch (got ${values.format === undefined ? "none" : `"${values.format}"`}).\n`);
    return EXIT.error;
  }
  const selection = selectionFrom(values, io);
  if (!selection) return EXIT.error;
  return fixTemplates(io, {
    templates: values.template ?? [],
    ...(values.region ? { region: values.region } : {}),
    selectors: selection.selectors,
    minSeverity: selection.minSeverity,
    ...(values.output !== undefined ? { output: values.output } : {}),
  });
}

/** `fix <restApiId> --format patch [--template …]`: the patch against the stack's template or a working copy. */
async function runLivePatch(
  values: Parameters<typeof runTemplateFix>[0] & AuditTargetFlags,
  positionals: readonly string[],
  io: Parameters<CliCommand["run"]>[1],
  usage: string,
): Promise<number> {
  if (values.format !== "patch") {
    io.err(`With an API id, --template needs --format patch (got ${values.format === undefined ? "none" : `"${values.format}"`}).\n`);
    return EXIT.error;
  }
  if (values.bundle !== undefined) {
    io.err("--bundle writes the snippet formats; it does not go with --format patch.\n");
    return EXIT.error;
  }
  const restApiId = restApiIdFrom(positionals, usage);
  if (!restApiId.ok) {
    io.err(`${restApiId.message}\n`);
    return EXIT.error;
  }
  const selection = selectionFrom(values, io);
  if (!selection) return EXIT.error;
  return fixLiveAsPatch(io, restApiId.value, {
    flags: values,
    ...(values.template ? { templates: values.template } : {}),
    selectors: selection.selectors,
    minSeverity: selection.minSeverity,
    ...(values.output !== undefined ? { output: values.output } : {}),
  });
}

/** `--min-severity` and `--finding`, checked; undefined after printing the error. */
function selectionFrom(
  values: { finding?: string[]; "min-severity": string },
  io: Parameters<CliCommand["run"]>[1],
): { minSeverity: Severity; selectors: FindingSelector[] } | undefined {
  const minSeverity = values["min-severity"];
  if (!(SEVERITIES as readonly string[]).includes(minSeverity)) {
    io.err(`--min-severity must be one of ${SEVERITIES.join(", ")} (got "${minSeverity}").\n`);
    return undefined;
  }
  const selectors: FindingSelector[] = [];
  for (const text of values.finding ?? []) {
    const parsed = parseFindingSelector(text);
    if (!parsed.ok) {
      io.err(`${parsed.message}\n`);
      return undefined;
    }
    selectors.push(parsed.value);
  }
  return { minSeverity: minSeverity as Severity, selectors };
}
