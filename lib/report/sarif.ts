import type { AuditReport } from "@/lib/audit/types";
import { positionOf } from "@/lib/audit/element-key";
import type { Finding, RuleMeta, Severity } from "@/lib/rules/types";
import { reportStem, type ReportExport } from "@/lib/report/json";
import { targetLabel } from "@/lib/report/locations";
import { jsonDocument } from "@/lib/remediation/formats/literals/js";

/**
 * SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html): rule metadata as
 * tool.driver.rules, findings as results with logical locations ("/orders/{id} OPTIONS"), rules that could
 * not run and read warnings as tool execution notifications.
 */
export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

type SarifLevel = "error" | "warning" | "note";

/** SARIF has three levels; critical and high break a build, medium warns, the rest inform. */
export function sarifLevel(severity: Severity): SarifLevel {
  if (severity === "critical" || severity === "high") return "error";
  if (severity === "medium") return "warning";
  return "note";
}

/** GitHub code scanning reads a 0–10 "security-severity" to rank results. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0", info: "0.0" };

export interface SarifLog {
  $schema: string;
  version: "2.1.0";
  runs: SarifRun[];
}

interface SarifRun {
  tool: { driver: Record<string, unknown> };
  invocations: Array<Record<string, unknown>>;
  automationDetails: { id: string };
  results: Array<Record<string, unknown>>;
  properties: Record<string, unknown>;
}

function ruleDescriptor(meta: RuleMeta): Record<string, unknown> {
  const help = [
    `Browser sends: ${meta.browserSends}`,
    `API Gateway answers: ${meta.gatewayAnswers}`,
    `Why: ${meta.why}`,
    ...meta.docs.map((doc) => `${doc.title}: ${doc.url}`),
  ].join("\n");
  return {
    id: meta.id,
    name: meta.id.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.why },
    ...(meta.docs[0] ? { helpUri: meta.docs[0].url } : {}),
    help: {
      text: help,
      markdown: help
        .split("\n")
        .map((line) => `- ${line}`)
        .join("\n"),
    },
    defaultConfiguration: { level: sarifLevel(meta.severity) },
    properties: {
      category: meta.category,
      confidence: meta.confidence,
      severity: meta.severity,
      "security-severity": SECURITY_SEVERITY[meta.severity],
      fixable: meta.fixable,
      tags: ["api-gateway", "cors", meta.category, ...meta.peers.map((peer) => `${peer.tool}:${peer.id}`)],
    },
  };
}

/** Template findings land on the file and line that wrote the element, so code scanning annotates it. */
function physicalLocation(report: AuditReport, finding: Finding): Record<string, unknown> {
  const position = positionOf(report.source, finding.target);
  if (!position) return {};
  return {
    physicalLocation: {
      artifactLocation: { uri: position.file.split(/[\\/]/).map(encodeURIComponent).join("/") },
      region: { startLine: position.line, startColumn: position.column },
    },
  };
}

function result(finding: Finding, ruleIndex: number, report: AuditReport): Record<string, unknown> {
  const label = targetLabel(finding.target);
  const fullyQualifiedName = label === "API" ? report.api.id : `${report.api.id} ${label}`;
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: sarifLevel(finding.severity),
    message: { text: `${finding.message} ${finding.symptom}`.trim() },
    locations: [
      {
        ...physicalLocation(report, finding),
        logicalLocations: [
          {
            name: label,
            fullyQualifiedName,
            kind: finding.target.path ? "member" : "resource",
          },
        ],
      },
    ],
    partialFingerprints: {
      // Stable across runs of the same API: rule plus what it points at.
      "preflightTarget/v1": `${finding.ruleId}|${report.api.id}|${label}`,
    },
    properties: {
      severity: finding.severity,
      confidence: finding.confidence,
      stages: finding.stages,
      draftOnly: finding.draftOnly,
      evidence: finding.evidence,
      fixKinds: finding.fixes.map((fix) => fix.kind),
      "security-severity": SECURITY_SEVERITY[finding.severity],
    },
  };
}

export function buildSarif(report: AuditReport, rules: readonly RuleMeta[]): SarifLog {
  const missing = [...new Set(report.findings.map((finding) => finding.ruleId))].filter((id) => !rules.some((rule) => rule.id === id));
  if (missing.length > 0) throw new Error(`SARIF export needs the metadata of rule(s) ${missing.join(", ")}.`);
  const notifications = [
    ...report.notEvaluated.map((rule) => ({
      level: "warning",
      message: { text: `Rule ${rule.ruleId} was not evaluated: ${rule.missing.join(", ")} could not be read.` },
      associatedRule: { id: rule.ruleId },
    })),
    ...report.warnings.map((warning) => ({ level: "warning", message: { text: `${warning.code}: ${warning.message}` } })),
  ];
  return {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "Preflight",
            semanticVersion: report.preflightVersion,
            version: report.preflightVersion,
            informationUri: "https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html",
            rules: rules.map(ruleDescriptor),
          },
        },
        invocations: [
          {
            executionSuccessful: !report.partial,
            endTimeUtc: report.readAt,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        automationDetails: { id: `preflight/${report.api.region}/${report.api.id}/` },
        results: report.findings.map((finding) =>
          result(
            finding,
            rules.findIndex((rule) => rule.id === finding.ruleId),
            report,
          ),
        ),
        properties: {
          api: report.api,
          source: report.source,
          counts: report.counts,
          partial: report.partial,
        },
      },
    ],
  };
}

/**
 * Several reports (the REST APIs of one template audit) as ONE run: GitHub code scanning rejects uploads with
 * several runs of the same tool and category, and one run keeps every result on its own file and line.
 */
export function buildSarifForReports(reports: readonly AuditReport[], rules: readonly RuleMeta[]): SarifLog {
  const [first, ...rest] = reports;
  if (!first) throw new Error("SARIF export needs at least one report.");
  const log = buildSarif(first, rules);
  const run = log.runs[0]!;
  const invocation = run.invocations[0]!;
  const notifications: unknown[] = [...((invocation.toolExecutionNotifications as unknown[] | undefined) ?? [])];
  for (const report of rest) {
    const other = buildSarif(report, rules).runs[0]!;
    run.results.push(...other.results);
    const otherInvocation = other.invocations[0]!;
    notifications.push(...((otherInvocation.toolExecutionNotifications as unknown[] | undefined) ?? []));
    invocation.executionSuccessful = invocation.executionSuccessful === true && otherInvocation.executionSuccessful === true;
  }
  if (rest.length > 0) {
    if (notifications.length > 0) invocation.toolExecutionNotifications = notifications;
    run.automationDetails = { id: "preflight/templates/" };
    run.properties = {
      apis: reports.map((report) => ({ api: report.api, source: report.source, counts: report.counts, partial: report.partial })),
    };
  }
  return log;
}

export function renderSarif(report: AuditReport, rules: readonly RuleMeta[]): ReportExport {
  return {
    filename: `${reportStem(report)}.sarif`,
    mimeType: "application/sarif+json",
    content: `${jsonDocument(buildSarif(report, rules))}\n`,
  };
}
