/**
 * Where an audited model came from. The audit core never reads a source; it only carries this
 * description so every view can say what was audited (a live API through a connection, or template
 * files before deploy) and, for templates, where each element was written.
 */

export const TEMPLATE_FORMATS = ["sam", "cloudformation", "cdk", "openapi", "terraform", "terraform-plan"] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];

export const TEMPLATE_FORMAT_LABELS: Record<TemplateFormat, string> = {
  sam: "SAM",
  cloudformation: "CloudFormation",
  cdk: "CDK (synthesised)",
  openapi: "OpenAPI",
  terraform: "Terraform",
  "terraform-plan": "Terraform plan",
};

/** 1-based line and column, as editors and SARIF count them. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** A live read (AWS or any API Gateway-compatible endpoint such as the demo emulator). */
export interface LiveSource {
  kind: "live";
  /** Connection id as shown to the user, e.g. "demo", "profile:prod", "env". Never a secret. */
  connection: string;
  /** True when the endpoint is not AWS's own (the demo emulator or an override). */
  customEndpoint: boolean;
}

/** Template file(s) read before deploy. */
export interface TemplateSource {
  kind: "template";
  format: TemplateFormat;
  /** Every file that contributed, as the user named them (relative paths). */
  files: string[];
  /** Logical id (CloudFormation, SAM, CDK), resource address (Terraform) or document title (OpenAPI). */
  apiName: string;
  /** CDK construct path from `aws:cdk:path` metadata, where present. */
  constructPath?: string;
  /** Where each element was written, keyed by `elementKey` (lib/audit/element-key.ts). */
  locations: Record<string, SourcePosition>;
}

export type AuditSource = LiveSource | TemplateSource;

/** One line naming the source, for headers, banners, Markdown and the CLI's text output. */
export function describeSource(source: AuditSource): string {
  switch (source.kind) {
    case "live":
      return `the ${source.connection} connection${source.customEndpoint ? " (custom endpoint)" : ""}`;
    case "template": {
      const files =
        source.files.length > 3 ? `${source.files.slice(0, 3).join(", ")} and ${source.files.length - 3} more` : source.files.join(", ");
      return `${TEMPLATE_FORMAT_LABELS[source.format]} ${files} (${source.apiName}${source.constructPath ? `, ${source.constructPath}` : ""})`;
    }
  }
}
