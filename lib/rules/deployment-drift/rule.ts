import { resourceAt } from "@/lib/model/model-index";
import type { DriftItem } from "@/lib/model/types";
import type { FindingDraft, Rule } from "@/lib/rules/types";
import { draftMethod, redeploy } from "@/lib/rules/support/deployed-stages";
import { DOCS } from "@/lib/rules/support/docs";

export const deploymentDrift: Rule = {
  meta: {
    id: "deployment-drift",
    title: "Deployed configuration differs from the current one",
    severity: "medium",
    category: "deployment",
    confidence: "certain",
    browserSends: "Requests reach a stage, which serves the snapshot taken at its last deployment.",
    gatewayAnswers:
      "The deployed configuration (authorization, API key, integration and method responses, cache keys), not the one the console shows for the API now.",
    why: "Method changes take effect only when the API is deployed to the stage again. A fix made in the console (an OPTIONS set to NONE, a CORS header mapped) is not live until then; a bug made in the console is not live yet either. Read from each stage's GetExport (its deployed snapshot: every method setting), or from GetDeployment embed=apisummary (methods, authorization and API key only) where a deployment cannot be exported.",
    docs: [DOCS.deployment, DOCS.corsConsole],
    peers: [],
    messages: {
      authorizationType:
        "Stage {{stage}} serves {{method}} {{path}} with authorization {{deployed}}; the current configuration says {{current}}.",
      apiKeyRequired:
        "Stage {{stage}} serves {{method}} {{path}} with apiKeyRequired {{deployed}}; the current configuration says {{current}}.",
      methodAdded: "{{method}} {{path}} exists in the current configuration but not in the deployment stage {{stage}} serves.",
      methodRemoved: "Stage {{stage}} still serves {{method}} {{path}}, which the current configuration no longer has.",
      setting:
        "Stage {{stage}} serves {{method}} {{path}} with {{setting}} {{deployed}}; the draft has {{current}} (deployed, but changed since).",
    },
    fixable: true,
    requires: ["resources", "stages", "deployments"],
  },

  check({ model }) {
    const findings: FindingDraft[] = [];
    for (const stage of model.stages) {
      for (const item of stage.drift) {
        const method = draftMethod(model, item.path, item.httpMethod);
        const resource = resourceAt(model, item.path); // indexed: one drift item per method after a big change
        const { messageId, data, symptom, severity } = describe(stage.name, item);
        findings.push({
          messageId,
          data,
          symptom,
          ...(severity ? { severity } : {}),
          target: {
            ...(resource ? { resourceId: resource.id } : method ? { resourceId: method.resourceId } : {}),
            path: item.path,
            httpMethod: item.httpMethod,
            stage: stage.name,
          },
          stages: [stage.name],
          draftOnly: false,
          evidence: {
            driftKind: item.kind,
            deploymentId: stage.deploymentId,
            ...("deployed" in item ? { deployed: item.deployed, current: item.current } : {}),
            ...(item.kind === "setting" ? { setting: item.setting } : {}),
          },
          fixes: redeploy([stage.name], `Deploy the current configuration of ${item.httpMethod} ${item.path}`),
        });
      }
    }
    return findings;
  },
};

function describe(stage: string, item: DriftItem): Pick<FindingDraft, "messageId" | "data" | "symptom" | "severity"> {
  const base = { stage, method: item.httpMethod, path: item.path };
  switch (item.kind) {
    case "authorizationType":
      return {
        messageId: "authorizationType",
        data: { ...base, deployed: item.deployed, current: item.current },
        symptom: `Calls to ${item.httpMethod} ${item.path} on ${stage} behave as ${item.deployed}, not as the ${item.current} the console shows, until the stage is redeployed.`,
      };
    case "apiKeyRequired":
      return {
        messageId: "apiKeyRequired",
        data: { ...base, deployed: String(item.deployed), current: String(item.current) },
        symptom: `Calls to ${item.httpMethod} ${item.path} on ${stage} ${item.deployed ? "still need" : "do not need yet"} an API key, unlike the current configuration.`,
      };
    case "method-added":
      // A preflight added in the draft only: every browser preflight to that path on the stage still fails,
      // so for that stage it is as severe as a missing preflight (issue 14, precision).
      if (item.httpMethod === "OPTIONS") {
        return {
          messageId: "methodAdded",
          data: base,
          severity: "high",
          symptom: `Browsers calling ${item.path} on ${stage} from another origin still fail: the stage answers their preflight 403 Missing Authentication Token until it is redeployed.`,
        };
      }
      return {
        messageId: "methodAdded",
        data: base,
        severity: "low",
        symptom: `${item.httpMethod} ${item.path} on ${stage} answers 403 Missing Authentication Token until the stage is redeployed.`,
      };
    case "method-removed":
      return {
        messageId: "methodRemoved",
        data: base,
        severity: "low",
        symptom: `${item.httpMethod} ${item.path} still answers on ${stage} although it was removed.`,
      };
    case "setting":
      return {
        messageId: "setting",
        data: { ...base, setting: item.setting, deployed: item.deployed, current: item.current },
        severity: "low",
        symptom: `Calls to ${item.httpMethod} ${item.path} on ${stage} meet the deployed ${item.setting} (${item.deployed}), not the draft's (${item.current}), until the stage is redeployed.`,
      };
  }
}
