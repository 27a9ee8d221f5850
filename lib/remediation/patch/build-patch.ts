/**
 * `fix --template … --format patch`: the selected findings' fix intents as minimal edits of the user's own
 * template files, printed as one unified diff. What cannot be changed in a template (a Lambda authorizer's
 * policy code, a cache flush) is listed in the header, which `git apply` and `patch` skip as leading text.
 */
import { parseDocument, isMap, type YAMLMap } from "yaml";
import type { AuditReport } from "@/lib/audit/types";
import type { Finding } from "@/lib/rules/types";
import { parseTemplateDocument } from "@/lib/templates/document";
import { indexKeys, valueAt } from "@/lib/remediation/patch/locate";
import { mergeSpecs } from "@/lib/remediation/patch/spec";
import { templateChangesFor, type FixContext } from "@/lib/remediation/patch/template-fixes";
import { applyEdits, EditRefused, TemplateEditor, type MergeSpec, type TextEdit } from "@/lib/remediation/patch/yaml-edits";
import { terraformChangeFor } from "@/lib/remediation/patch/terraform-fixes";
import type { FixIntent } from "@/lib/remediation/intents";
import { unifiedDiff } from "@/lib/remediation/patch/unified-diff";
import { buildPlan } from "@/lib/remediation/plan";
import { commentText } from "@/lib/remediation/formats/literals/comment";
import { createRemediationContext } from "@/lib/remediation/context";

export interface PatchInput {
  report: AuditReport;
  findings: readonly Finding[];
}

export interface TemplatePatch {
  /** Header (comment lines) followed by the unified diff; the diff part alone is `diff`. */
  text: string;
  diff: string;
  /** Files changed → their patched text (what `git apply` produces). */
  patched: Map<string, string>;
  /** One line per change not made in the template, and why. */
  notes: string[];
  /** Findings whose every template change was made. */
  fixed: Finding[];
}

interface ParsedFile {
  text: string;
  value: unknown;
  root: YAMLMap;
  locate: ReturnType<typeof indexKeys>;
}

/** `readFile` gives a file's current text (the audit's own read), or undefined when it cannot. */
export function buildTemplatePatch(inputs: readonly PatchInput[], readFile: (path: string) => string | undefined): TemplatePatch {
  const parsed = new Map<string, ParsedFile | null>();
  const fileOf = (path: string): ParsedFile | undefined => {
    if (!parsed.has(path)) {
      const text = readText(path);
      const plain = text === undefined ? undefined : parseTemplateDocument(path, text);
      // Parsed afresh: the parse cache's Document is shared and must not be edited or trusted for ranges of another text.
      const yaml = text === undefined ? undefined : parseDocument(text, { version: "1.1", uniqueKeys: false, prettyErrors: false });
      parsed.set(
        path,
        text !== undefined && plain?.ok && yaml && isMap(yaml.contents)
          ? { text, value: plain.document.value, root: yaml.contents as YAMLMap, locate: indexKeys(yaml, text) }
          : null,
      );
    }
    return parsed.get(path) ?? undefined;
  };

  const specs = new Map<string, MergeSpec>();
  const textEdits = new Map<string, TextEdit[]>();
  const takenNames = new Set<string>();
  const notes: string[] = [];
  const fixed: Finding[] = [];
  const texts = new Map<string, string | undefined>();
  const readText = (path: string) => {
    if (!texts.has(path)) texts.set(path, readFile(path));
    return texts.get(path);
  };
  // A finding is fixed by the patch when each of its intents that a template holds was changed.
  const markFixed = (apiName: string, findings: readonly Finding[], planIntents: FixIntent[], patchedIntents: Set<unknown>) => {
    for (const finding of findings) {
      const needed = finding.fixes.filter((intent) => !["redeploy-stage", "flush-authorizer-cache"].includes(intent.kind));
      if (needed.length > 0 && needed.every((intent) => planIntents.some((p) => patchedIntents.has(p) && samePlace(p, intent))))
        fixed.push(finding);
      else if (needed.length > 0)
        notes.push(
          `${apiName}: finding ${finding.ruleId}${finding.target.path ? ` ${finding.target.path}` : ""}${finding.target.httpMethod ? ` ${finding.target.httpMethod}` : ""} is not fully fixed by this patch: ${finding.message}`,
        );
    }
  };
  for (const { report, findings } of inputs) {
    const source = report.source;
    if (source.kind !== "template" || source.format === "terraform-plan") {
      notes.push(
        `${report.api.name}: ${source.kind === "template" ? "a Terraform plan is not the configuration; patch the .tf files (audit their directory)" : "not read from a template"}; use the snippet formats`,
      );
      continue;
    }
    if (source.format === "terraform") {
      const plan = buildPlan(findings, createRemediationContext(report.model, [...findings]));
      const patchedIntents = new Set<unknown>();
      for (const step of plan.steps) {
        const outcome = terraformChangeFor(source, step.intent, readText, takenNames);
        if (outcome.note) notes.push(`${source.apiName}: ${outcome.note}`);
        for (const { file, edit } of outcome.edits) textEdits.set(file, [...(textEdits.get(file) ?? []), edit]);
        if (outcome.edits.length > 0 || (!outcome.note && outcome.edits.length === 0)) patchedIntents.add(step.intent);
      }
      markFixed(
        source.apiName,
        findings,
        plan.steps.map((step) => step.intent),
        patchedIntents,
      );
      continue;
    }
    const entryFile = source.files[0] as string;
    // A SAM template may define its API as a plain AWS::ApiGateway::RestApi, which SAM passes through untouched.
    const apiType = valueAt(fileOf(entryFile)?.value, ["Resources", source.apiName, "Type"]);
    const ctx: FixContext = {
      format: source.format === "sam" && apiType === "AWS::ApiGateway::RestApi" ? "cloudformation" : source.format,
      apiName: source.apiName,
      entryFile,
      valueOf: (file) => fileOf(file)?.value,
      locations: source.locations,
      locate: (position) => fileOf(position.file)?.locate(position),
    };
    const plan = buildPlan(findings, createRemediationContext(report.model, [...findings]));
    const outcomes = templateChangesFor(
      ctx,
      plan.steps.map((step) => step.intent),
    );
    const patchedIntents = new Set<unknown>();
    for (const { intent, outcome } of outcomes) {
      if (outcome.note) notes.push(`${source.apiName}: ${outcome.note}`);
      if (ctx.format === "cdk") notes.push(...cdkNotes(ctx, source.constructPath, intent, outcome.changes ?? []));
      for (const change of outcome.changes ?? []) {
        if (!fileOf(change.file)) {
          notes.push(`${source.apiName}: ${change.file} cannot be edited (not a YAML or JSON mapping)`);
          continue;
        }
        specs.set(change.file, mergeSpecs(specs.get(change.file) ?? {}, change.spec));
        patchedIntents.add(intent);
      }
    }
    markFixed(
      source.apiName,
      findings,
      plan.steps.map((step) => step.intent),
      patchedIntents,
    );
  }

  const patched = new Map<string, string>();
  let diff = "";
  for (const [file, spec] of [...specs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const entry = fileOf(file) as ParsedFile;
    const editor = new TemplateEditor(entry.text);
    try {
      editor.merge(entry.root, spec);
      const after = applyEdits(entry.text, editor.result());
      patched.set(file, after);
      diff += unifiedDiff(file, entry.text, after);
    } catch (error) {
      if (!(error instanceof EditRefused)) throw error;
      notes.push(`${file}: not patched (${error.message}); use the snippet formats`);
    }
  }
  for (const [file, edits] of [...textEdits].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const text = readText(file) as string;
    const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
    if (sorted.some((edit, index) => index > 0 && edit.start < (sorted[index - 1] as TextEdit).end)) {
      notes.push(`${file}: not patched (two changes overlap in the same block); use --format terraform`);
      continue;
    }
    const after = applyEdits(text, sorted);
    patched.set(file, after);
    diff += unifiedDiff(file, text, after);
  }
  const header = [
    "# Preflight: fixes for the selected findings as a patch to your template(s).",
    "# Apply with `git apply` (or `patch -p1`) from this directory, review, then deploy as usual.",
    ...notes.map((note) => `# - ${commentText(note)}`),
  ];
  return { text: `${header.join("\n")}\n${diff}`, diff, patched, notes, fixed };
}

/** The same change (the plan merges intents of several findings into one step). */
function samePlace(a: unknown, b: unknown): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return (
    x.kind === y.kind &&
    x.resourceId === y.resourceId &&
    x.httpMethod === y.httpMethod &&
    x.responseType === y.responseType &&
    x.authorizerId === y.authorizerId &&
    x.stage === y.stage
  );
}

/**
 * A synthesised CDK template is rebuilt by every `cdk synth`, so the patch to it is a preview: the lasting change is
 * in the app's source, at the construct the template's `aws:cdk:path` metadata names.
 * https://docs.aws.amazon.com/cdk/v2/guide/identifiers.html#identifiers_paths
 */
function cdkNotes(
  ctx: FixContext,
  apiPath: string | undefined,
  intent: FixIntent,
  changes: ReadonlyArray<{ file: string; spec: MergeSpec }>,
): string[] {
  const lines: string[] = [];
  for (const change of changes) {
    const resources = Object.hasOwn(change.spec, "Resources") ? (change.spec.Resources as MergeSpec) : {};
    for (const id of Object.keys(resources)) {
      const path = valueAt(ctx.valueOf(change.file), ["Resources", id, "Metadata", "aws:cdk:path"]);
      const where = typeof path === "string" ? `construct ${path}` : `a new construct under ${apiPath ?? ctx.apiName}`;
      lines.push(
        `CDK source: ${CDK_CHANGE[intent.kind] ?? intent.kind} at ${where} (logical id ${id}); cdk synth overwrites the patched template`,
      );
    }
  }
  return lines;
}

const CDK_CHANGE: Partial<Record<FixIntent["kind"], string>> = {
  "set-method-authorization":
    "authorizationType: apigateway.AuthorizationType.NONE and no authorizer on the OPTIONS method (or addCorsPreflight, whose OPTIONS has none)",
  "set-method-api-key-required": "apiKeyRequired: false on the OPTIONS method",
  "set-preflight-headers": "defaultCorsPreflightOptions / addCorsPreflight with these allowOrigins, allowMethods and allowHeaders",
  "add-cors-preflight": "resource.addCorsPreflight({ allowOrigins, allowMethods, allowHeaders })",
  "add-gateway-response-cors": "api.addGatewayResponse(id, { type: apigateway.ResponseType.<TYPE>, responseHeaders })",
  "set-authorizer-ttl": "resultsCacheTtl on the authorizer",
};
