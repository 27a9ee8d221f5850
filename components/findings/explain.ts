import type { Finding, RuleMeta } from "@/lib/rules/types";
import type { FindingSnippets } from "@/components/remediation/finding-snippets";

/** What the views need to explain a finding: its rule's meta and, rendered on demand, its fix in every format. */
export interface Explainer {
  rules: Record<string, RuleMeta>;
  remediationOf: (finding: Finding) => FindingSnippets;
  /** Authorizer id → name, to label findings that target an authorizer. */
  authorizerNames: Record<string, string>;
}
