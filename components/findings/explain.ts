import type { Finding, RuleMeta } from "@/lib/rules/types";
import type { RemediationSnippet } from "@/components/remediation/types";

/** What the views need to explain a finding: its rule's meta and, when rendered, its remediation snippets. */
export interface Explainer {
  rules: Record<string, RuleMeta>;
  snippetsFor: (finding: Finding) => RemediationSnippet[] | undefined;
  /** Why a finding's snippets are missing, when rendering them failed. */
  snippetErrorFor: (finding: Finding) => string | undefined;
  /** Authorizer id → name, to label findings that target an authorizer. */
  authorizerNames: Record<string, string>;
}
