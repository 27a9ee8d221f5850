import type { PredictedAnswer, ProbeAnswer, ProbeCheck, ProbeFinding, ProbeOutcome } from "./types";

/** What makes two answers "the same" for a browser: status, error type, and whether Allow-Origin came back. */
export function answerSignature(answer: ProbeAnswer): string {
  if (answer.failure) return answer.failure;
  return `${answer.status} ${answer.errorType ?? "-"} ${answer.cors["access-control-allow-origin"] !== undefined ? "acao" : "no-acao"} ${answer.browser}`;
}

export function agreesWith(prediction: PredictedAnswer, answer: ProbeAnswer): boolean {
  if (prediction.status === undefined || answer.failure) return false;
  if (answer.status !== prediction.status) return false;
  if (prediction.errorType !== undefined && answer.errorType?.toLowerCase() !== prediction.errorType.toLowerCase()) return false;
  // A success carries no error type; a predicted success with one is not the same answer.
  if (prediction.errorType === undefined && answer.errorType !== undefined) return false;
  const acao = answer.cors["access-control-allow-origin"] !== undefined;
  if (prediction.allowOrigin === "present" && !acao) return false;
  if (prediction.allowOrigin === "absent" && acao) return false;
  if (prediction.browser !== undefined && prediction.browser !== answer.browser) return false;
  return true;
}

export function outcomeOf(prediction: PredictedAnswer, answers: readonly ProbeAnswer[]): ProbeOutcome {
  if (answers.length > 0 && answers.every((a) => a.failure)) return "no-answer";
  if (new Set(answers.map(answerSignature)).size > 1) return "intermittent";
  if (prediction.status === undefined) return "unpredicted";
  return answers.every((a) => agreesWith(prediction, a)) ? "matches" : "differs";
}

/** "401 UnauthorizedException ×3, 200 ×2" */
export function summarizeAnswers(answers: readonly ProbeAnswer[]): string {
  const counts = new Map<string, number>();
  for (const a of answers) {
    const label = a.failure ?? `${a.status}${a.errorType ? ` ${a.errorType}` : ""}`;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([label, n]) => `${label} ×${n}`).join(", ");
}

export function describePrediction(prediction: PredictedAnswer): string {
  if (prediction.status === undefined) return prediction.mayVary ? "may vary" : "not predictable";
  const acao =
    prediction.allowOrigin === "present" ? ", with Allow-Origin" : prediction.allowOrigin === "absent" ? ", no Allow-Origin" : "";
  const browser = prediction.browser === "passes" ? ", browser accepts" : prediction.browser === "blocked" ? ", browser blocks" : "";
  return `${prediction.status}${prediction.errorType ? ` ${prediction.errorType}` : ""}${acao}${browser}`;
}

function requestLabel(check: Pick<ProbeCheck, "kind" | "verb" | "path" | "origin">): string {
  return check.kind === "preflight" ? `The preflight of ${check.verb} ${check.path} from ${check.origin}` : `${check.verb} ${check.path}`;
}

/** The findings one check's answers make: intermittence, a prediction the stage contradicts, redirects, silence. */
export function findingsOf(check: ProbeCheck): ProbeFinding[] {
  const base = { checkId: check.id, path: check.path, verb: check.verb, kindOfRequest: check.kind };
  const label = requestLabel(check);
  const findings: ProbeFinding[] = [];
  const answered = summarizeAnswers(check.answers);
  switch (check.outcome) {
    case "intermittent":
      findings.push({
        ...base,
        kind: "intermittent-answer",
        severity: "high",
        message: `${label} answered differently across ${check.answers.length} requests (${answered})${
          check.prediction.mayVary ? `, as predicted: ${check.prediction.mayVary.replace(/\.$/, "")}` : ""
        }.`,
      });
      break;
    case "differs":
      findings.push({
        ...base,
        kind: "prediction-mismatch",
        severity: "medium",
        message: `${label} answered ${answered}; Preflight predicted ${describePrediction(check.prediction)} (${check.prediction.reason}) The stage does not serve what the model says: an undeployed change, a setting Preflight cannot read, or something in front of API Gateway.`,
      });
      break;
    case "no-answer":
      findings.push({ ...base, kind: "no-answer", severity: "low", message: `${label} got no answer (${answered}).` });
      break;
    default:
      break;
  }
  const redirect = check.answers.find((a) => a.location !== undefined || (a.status >= 300 && a.status < 400));
  if (redirect)
    findings.push({
      ...base,
      kind: "redirect",
      severity: "medium",
      message: `${label} was answered with a ${redirect.status} redirect${redirect.location ? ` to ${redirect.location}` : ""}; the probe does not follow it, and a browser fails a preflight that is redirected.`,
    });
  return findings;
}
