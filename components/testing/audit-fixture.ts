// Findings for unit tests of the views; models come from the shared builder (lib/rules/testing/model-builder),
// so the views are tested on models shaped by the real normaliser (the e2e suite covers the real pipeline).
import type { Finding, Severity } from "@/lib/rules/types";

export function finding(ruleId: string, severity: Severity, target: Finding["target"], overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId,
    severity,
    confidence: "certain",
    messageId: "default",
    message: `${ruleId} on ${target.path ?? target.authorizerId ?? target.responseType ?? "api"}`,
    symptom: "The browser reports a CORS error.",
    target,
    stages: ["prod"],
    draftOnly: false,
    evidence: {},
    fixes: [],
    ...overrides,
  };
}
