import type { Finding, FindingDraft, RuleMeta } from "./types";
import { renderMessage } from "./support/render-message";
import { peersSentence } from "./support/disagreeing-peers";

/** A check's draft completed from its rule's meta: id, severity, confidence and the rendered message. */
export function renderFinding(meta: RuleMeta, draft: FindingDraft): Finding {
  const template = meta.messages[draft.messageId];
  if (template === undefined) throw new Error(`Rule ${meta.id} reported unknown messageId "${draft.messageId}"`);
  return {
    ruleId: meta.id,
    severity: draft.severity ?? meta.severity,
    confidence: draft.confidence ?? meta.confidence,
    messageId: draft.messageId,
    message: withPeers(renderMessage(template, draft.data), meta, draft),
    symptom: draft.symptom,
    target: draft.target,
    stages: draft.stages,
    draftOnly: draft.draftOnly,
    evidence: draft.evidence,
    fixes: draft.fixes,
  };
}

/** The finding says when scanners will flag its own fix, so teams are not surprised (issue 14). */
function withPeers(message: string, meta: RuleMeta, draft: FindingDraft): string {
  const sentence = meta.disagreeingPeers
    ? peersSentence(
        meta.disagreeingPeers,
        draft.fixes.map((fix) => fix.kind),
      )
    : undefined;
  return sentence ? `${message} ${sentence}` : message;
}
