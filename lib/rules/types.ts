import type { ApiModel, HttpVerb, ModelPart } from "@/lib/model/types";
import type { FixIntent } from "@/lib/remediation/intents";

export type Severity = "critical" | "high" | "medium" | "low" | "info";
export const SEVERITIES: readonly Severity[] = ["critical", "high", "medium", "low", "info"];

export type Confidence = "certain" | "likely" | "heuristic";

export type RuleCategory = "preflight" | "authorizer-cache" | "error-responses" | "stage-cache" | "deployment" | "exposure";

export interface DocReference {
  title: string;
  url: string;
}

export interface PeerCheck {
  tool: "Checkov" | "cfn_nag" | "Prowler" | "Security Hub" | "cfn-lint" | "serverless-rules";
  id: string;
}

/** Declarative part of a rule, first (as ESLint's `meta`). */
export interface RuleMeta {
  /** Stable id, equal to the rule's folder name. */
  id: string;
  title: string;
  severity: Severity;
  category: RuleCategory;
  confidence: Confidence;
  /** What the browser sends, in one or two sentences. */
  browserSends: string;
  /** What API Gateway answers: exact status and message. */
  gatewayAnswers: string;
  /** Why it happens, plainly. */
  why: string;
  docs: DocReference[];
  peers: PeerCheck[];
  /** Message templates with {{placeholders}}, referenced by findings' messageId. */
  messages: Record<string, string>;
  fixable: boolean;
  /** Model parts the check needs; when one is missing the rule is reported "not evaluated". */
  requires: ModelPart[];
}

export interface FindingTarget {
  resourceId?: string;
  path?: string;
  httpMethod?: HttpVerb;
  authorizerId?: string;
  stage?: string;
  responseType?: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  confidence: Confidence;
  messageId: string;
  /** Rendered from the rule's message template and data. */
  message: string;
  /** One sentence, as a user would see the symptom. */
  symptom: string;
  target: FindingTarget;
  /** Stages whose deployment has the problem; empty with draftOnly=true when only the draft has it. */
  stages: string[];
  draftOnly: boolean;
  /** The configuration values that triggered it. */
  evidence: Record<string, string | number | boolean | string[] | null>;
  fixes: FixIntent[];
}

/** What a check reports; the runner fills severity, confidence, message and ruleId from the meta. */
export interface FindingDraft {
  messageId: string;
  data?: Record<string, string | number>;
  symptom: string;
  target: FindingTarget;
  stages: string[];
  draftOnly: boolean;
  evidence: Finding["evidence"];
  fixes: FixIntent[];
  /** Override the rule's default severity where the case is worse or milder. */
  severity?: Severity;
  /** Lower the rule's default confidence where the evidence for this case is thinner. */
  confidence?: Confidence;
}

export interface RuleContext {
  model: ApiModel;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): FindingDraft[];
}
