import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "@/lib/aws/connections/connection";
import { startEmulatorWithDemoConnection } from "@/lib/aws/testing/emulator-connection";
import { runAudit } from "@/lib/aws/audit/run-live-audit";
import type { AuditReport } from "@/lib/audit/types";
import type { Emulator } from "@/lib/emulator";
import { DEFAULT_METHOD_SETTING } from "@/lib/emulator/control-plane/method-settings";
import { HEALTHY_API_ID } from "@/lib/emulator/seeds/healthy";
import { STOREFRONT_API_ID } from "@/lib/emulator/seeds/storefront";
import { DEFAULT_METHOD_SETTINGS } from "@/lib/model/method-settings";
import type { Finding, FindingTarget } from "@/lib/rules/types";
import { auditTemplates } from "@/lib/templates/audit-templates";
import { diskFileTree } from "@/lib/templates/files/disk-file-tree";
import { memoryFileTree } from "@/lib/templates/files/memory-file-tree";
import { translateWithSam } from "@/lib/templates/sam/testing/corpus";

/**
 * Issue 11, "Proof": every rule behaves the same on the template path. The storefront and healthy demos also exist
 * as a SAM template and a Terraform configuration (lib/emulator/seeds/templates/); auditing each gives the same
 * findings, by rule and target, as auditing the demo deployed in the emulator through the real AWS SDK reader.
 *
 * Targets are compared by path, verb, stage, gateway response type and authorizer NAME: the emulator gives
 * authorizers random ids, a template names them by logical id (SAM: the security scheme's name; Terraform: the
 * resource address), mapped explicitly below. Resource ids differ the same way and are not compared.
 */

const TEMPLATES_DIR = fileURLToPath(new URL("../../emulator/seeds/templates", import.meta.url));

type Demo = "storefront" | "healthy";
type Format = "sam" | "terraform";

const DEMOS: Record<Demo, { restApiId: string; apiName: Record<Format, string>; paths: Record<Format, string> }> = {
  storefront: {
    restApiId: STOREFRONT_API_ID,
    apiName: { sam: "StorefrontApi", terraform: "aws_api_gateway_rest_api.storefront" },
    paths: { sam: "storefront/template.yaml", terraform: "storefront/terraform" },
  },
  healthy: {
    restApiId: HEALTHY_API_ID,
    apiName: { sam: "HealthyApi", terraform: "aws_api_gateway_rest_api.healthy" },
    paths: { sam: "healthy/template.yaml", terraform: "healthy/terraform" },
  },
};

/** Authorizer name (as the seed creates it) → its id in each template. */
const TEMPLATE_AUTHORIZER_IDS: Record<Demo, Record<Format, Record<string, string>>> = {
  storefront: {
    sam: {
      "storefront-token": "storefront-token",
      "storefront-request": "storefront-request",
      "storefront-cognito": "storefront-cognito",
      "storefront-route": "storefront-route",
    },
    terraform: {
      "storefront-token": "aws_api_gateway_authorizer.token",
      "storefront-request": "aws_api_gateway_authorizer.request",
      "storefront-cognito": "aws_api_gateway_authorizer.cognito",
      "storefront-route": "aws_api_gateway_authorizer.route",
    },
  },
  healthy: {
    sam: { "healthy-token": "healthy-token", "healthy-request": "healthy-request", "healthy-cognito": "healthy-cognito" },
    terraform: {
      "healthy-token": "aws_api_gateway_authorizer.token",
      "healthy-request": "aws_api_gateway_authorizer.request",
      "healthy-cognito": "aws_api_gateway_authorizer.cognito",
    },
  },
};

interface Excluded {
  ruleId: string;
  messageId: string;
  target: Omit<FindingTarget, "resourceId" | "authorizerId">;
  formats: readonly Format[];
  reason: string;
  /** Live findings with this rule, message and target (default 1): a drift finding per differing setting. */
  count?: number;
}

/**
 * The live findings no template can have, each matched by rule, message and target (and asserted to exist live,
 * so this list cannot go stale). Nothing else is excluded.
 */
const CANNOT_EXIST_IN_A_TEMPLATE: Record<Demo, readonly Excluded[]> = {
  storefront: [
    {
      ruleId: "deployment-drift",
      messageId: "authorizationType",
      target: { path: "/orders/{id}", httpMethod: "OPTIONS", stage: "prod" },
      formats: ["sam", "terraform"],
      reason: "prod serves an older deployment than the draft; a template is one draft that every stage deploys",
    },
    {
      ruleId: "options-requires-authorization",
      messageId: "fixedNotDeployed",
      target: { path: "/orders/{id}", httpMethod: "OPTIONS" },
      formats: ["sam", "terraform"],
      reason: "the planted undeployed-fix: fixed in the draft (and dev), prod's older deployment still authorizes the OPTIONS",
    },
    ...(["prod", "dev"] as const).map((stage): Excluded => ({
      ruleId: "deployment-drift",
      messageId: "setting",
      target: { path: "/account", httpMethod: "GET", stage },
      formats: ["sam", "terraform"],
      count: 2,
      reason: `the planted undeployed-cors-fix: ${stage} still serves GET /account without the Access-Control-Allow-Origin the draft maps (integration and method response)`,
    })),
    {
      ruleId: "actual-response-without-cors",
      messageId: "missing",
      target: { path: "/account", httpMethod: "GET" },
      formats: ["sam", "terraform"],
      reason: "the planted undeployed-cors-fix: fixed in the draft, which the template is; both stages still serve the old response",
    },
    {
      ruleId: "options-requires-api-key",
      messageId: "required",
      target: { path: "/account", httpMethod: "OPTIONS" },
      formats: ["sam", "terraform"],
      reason: "prod's 10 % canary deployment requires an API key on this OPTIONS; a template has no canary deployment",
    },
    {
      ruleId: "cache-invalidation-unauthenticated",
      messageId: "method",
      target: { stage: "prod", path: "/products/{id}", httpMethod: "GET" },
      formats: ["sam"],
      reason:
        "CloudFormation's MethodSetting has no requireAuthorizationForCacheControl " +
        "(https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-apigateway-stage-methodsetting.html): " +
        "a SAM stage keeps API Gateway's default, authorization required; the Terraform configuration sets it false as the seed does",
    },
    {
      ruleId: "cache-invalidation-unauthenticated",
      messageId: "method",
      target: { stage: "prod", path: "/catalog/{category}", httpMethod: "GET" },
      formats: ["sam"],
      reason:
        "the second edition caches GET /catalog/{category} under prod's stage-wide requireAuthorizationForCacheControl false, " +
        "which CloudFormation's MethodSetting cannot set (same reason as /products/{id}); the Terraform configuration sets it",
    },
    {
      ruleId: "cache-control-fails-with-403",
      messageId: "method",
      target: { stage: "prod", path: "/catalog", httpMethod: "GET" },
      formats: ["sam"],
      reason:
        "the planted FAIL_WITH_403 on GET /catalog is an unauthorizedCacheControlHeaderStrategy, which CloudFormation's " +
        "MethodSetting has no property for (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-apigateway-stage-methodsetting.html): " +
        "a SAM stage keeps API Gateway's default, SUCCEED_WITH_RESPONSE_HEADER; the Terraform configuration sets it",
    },
  ],
  healthy: [],
};

/**
 * Live findings a template has under another message only, because the template does not hold what the live
 * reader saw. Matched by rule, message and target; each is asserted to exist once on both sides. Nothing else
 * may differ.
 */
interface Reworded {
  ruleId: string;
  liveMessageId: string;
  templateMessageId: string;
  target: Omit<FindingTarget, "resourceId" | "authorizerId">;
  reason: string;
}

const SECRET_VALUE_NOT_IN_TEMPLATE =
  "the live reader sees paymentsApiKey's value (sk_live_…/sk_test_…, key-like: secretValues); the SAM template takes it " +
  "from a NoEcho parameter and the Terraform configuration from a sensitive variable, so the value and its shape are " +
  "not in the files and the name alone decides (secretNames), as the rule documents for templates";

const REWORDED_IN_A_TEMPLATE: Record<Demo, readonly Reworded[]> = {
  storefront: ["prod", "dev"].map((stage) => ({
    ruleId: "stage-variables-look-secret",
    liveMessageId: "secretValues",
    templateMessageId: "secretNames",
    target: { stage },
    reason: SECRET_VALUE_NOT_IN_TEMPLATE,
  })),
  healthy: [],
};

interface ComparableFinding {
  key: string;
  ruleId: string;
  messageId: string;
  severity: string;
  stages: string[];
}

function targetKey(ruleId: string, target: Omit<FindingTarget, "resourceId" | "authorizerId">, authorizer: string | undefined): string {
  return JSON.stringify([
    ruleId,
    target.path ?? null,
    target.httpMethod ?? null,
    authorizer ?? null,
    target.stage ?? null,
    target.responseType ?? null,
  ]);
}

function comparable(finding: Finding, authorizerName: (id: string) => string | undefined): ComparableFinding {
  const id = finding.target.authorizerId;
  const name = id === undefined ? undefined : authorizerName(id);
  if (id !== undefined && name === undefined) throw new Error(`${finding.ruleId}: authorizer ${id} is not in the model`);
  return {
    key: targetKey(finding.ruleId, finding.target, name),
    ruleId: finding.ruleId,
    messageId: finding.messageId,
    severity: finding.severity,
    stages: [...finding.stages].sort(),
  };
}

function isExcluded(finding: ComparableFinding, excluded: Excluded): boolean {
  return finding.key === targetKey(excluded.ruleId, excluded.target, undefined) && finding.messageId === excluded.messageId;
}

/** What the seed defines, independent of ids: the draft's methods (authorizers by name), gateway responses, stages. */
function describeApi(report: AuditReport) {
  const names = new Map(report.model.authorizers.map((a) => [a.id, a.name]));
  const methods = report.model.resources.flatMap((r) =>
    r.methods.map((m) => ({
      method: `${m.httpMethod} ${m.path}`,
      authorizationType: m.authorizationType,
      authorizer: m.authorizerId === undefined ? undefined : names.get(m.authorizerId),
      apiKeyRequired: m.apiKeyRequired,
      requestParameters: m.requestParameters,
      integration: m.integration && {
        type: m.integration.type,
        cacheKeyParameters: m.integration.cacheKeyParameters,
        requestTemplates: m.integration.requestTemplates,
        integrationResponses: m.integration.integrationResponses,
      },
      methodResponses: m.methodResponses,
    })),
  );
  return {
    methods: methods.sort((a, b) => a.method.localeCompare(b.method)),
    gatewayResponses: report.model.gatewayResponses.filter((g) => !g.isDefault),
    stages: report.model.stages
      .map((s) => ({
        name: s.name,
        cacheClusterEnabled: s.cacheClusterEnabled,
        cacheClusterSize: s.cacheClusterSize,
        tracingEnabled: s.tracingEnabled,
        variableNames: [...s.variableNames].sort(),
        // What each method gets (defaults, then "*/*", then its own entry): how rules read the settings. Where nothing
        // sets logging or throttling, API Gateway reports its defaults (the emulator's DEFAULT_METHOD_SETTING) and a
        // template leaves them unset.
        settings: s.effectiveSettings
          .map((e) => ({
            method: `${e.httpMethod} ${e.path}`,
            cachingEnabled: e.cachingEnabled,
            cacheTtlInSeconds: e.cacheTtlInSeconds,
            cacheDataEncrypted: e.cacheDataEncrypted,
            requireAuthorizationForCacheControl: e.requireAuthorizationForCacheControl,
            unauthorizedCacheControlHeaderStrategy: e.unauthorizedCacheControlHeaderStrategy,
            metricsEnabled: e.metricsEnabled,
            dataTraceEnabled: e.dataTraceEnabled,
            loggingLevel: e.loggingLevel ?? DEFAULT_METHOD_SETTING.loggingLevel,
            throttlingBurstLimit: e.throttlingBurstLimit ?? DEFAULT_METHOD_SETTING.throttlingBurstLimit,
            throttlingRateLimit: e.throttlingRateLimit ?? DEFAULT_METHOD_SETTING.throttlingRateLimit,
          }))
          .sort((a, b) => a.method.localeCompare(b.method)),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}

describe("auditing the demo templates gives the deployed demos' findings", () => {
  let emulator: Emulator;
  let connection: Connection;
  const live = new Map<Demo, AuditReport>();

  beforeAll(async () => {
    ({ emulator, connection } = await startEmulatorWithDemoConnection());
  });
  afterAll(async () => {
    await emulator?.close();
  });

  async function liveReport(demo: Demo): Promise<AuditReport> {
    const cached = live.get(demo);
    if (cached) return cached;
    const result = await runAudit({ connection, region: "us-east-1", restApiId: DEMOS[demo].restApiId });
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    live.set(demo, result.report);
    return result.report;
  }

  async function templateReport(demo: Demo, format: Format): Promise<AuditReport> {
    const tree = diskFileTree([DEMOS[demo].paths[format]], TEMPLATES_DIR);
    if (!tree.ok) throw new Error(tree.message);
    const audited = await auditTemplates(tree.tree);
    expect(audited.errors).toEqual([]);
    expect(audited.skipped).toEqual([]);
    expect(audited.reports.map((r) => r.source.kind === "template" && [r.source.format, r.source.apiName])).toEqual([
      [format, DEMOS[demo].apiName[format]],
    ]);
    return audited.reports[0] as AuditReport;
  }

  describe.each([
    ["storefront", "sam"],
    ["storefront", "terraform"],
    ["healthy", "sam"],
    ["healthy", "terraform"],
  ] as Array<[Demo, Format]>)("%s as %s", (demo, format) => {
    it("reads completely: no gap, every rule evaluated, the seed's authorizers under their logical ids", async () => {
      const report = await templateReport(demo, format);
      expect(report.partial).toBe(false);
      expect(report.notEvaluated).toEqual([]);
      expect(report.warnings).toEqual([]);
      const expected = TEMPLATE_AUTHORIZER_IDS[demo][format];
      expect(Object.fromEntries(report.model.authorizers.map((a) => [a.name, a.id]))).toEqual(expected);
      // The same authorizers as deployed, by name, with the same TTLs (effective: an unset TTL is 300 s either way)
      // and identity sources.
      const shape = (r: AuditReport) =>
        r.model.authorizers
          .map((a) => ({ name: a.name, type: a.type, ttl: a.effectiveTtlSeconds, identitySources: a.identitySources }))
          .sort((x, y) => x.name.localeCompare(y.name));
      expect(shape(report)).toEqual(shape(await liveReport(demo)));
    }, 60_000);

    it("describes the seed's API: methods, integrations, responses, gateway responses and stage settings", async () => {
      const liveAudit = await liveReport(demo);
      const template = await templateReport(demo, format);
      const expected = describeApi(liveAudit);
      if (format === "sam") {
        // CloudFormation's MethodSetting cannot set these two (see CANNOT_EXIST_IN_A_TEMPLATE): a SAM stage keeps
        // API Gateway's defaults for them.
        for (const stage of expected.stages) {
          for (const setting of stage.settings) {
            setting.requireAuthorizationForCacheControl = DEFAULT_METHOD_SETTINGS.requireAuthorizationForCacheControl;
            setting.unauthorizedCacheControlHeaderStrategy = DEFAULT_METHOD_SETTINGS.unauthorizedCacheControlHeaderStrategy;
          }
        }
      }
      expect(describeApi(template)).toEqual(expected);
    }, 60_000);

    it("has the same findings by rule and target, apart from those only a deployment differing from the draft can have", async () => {
      const liveAudit = await liveReport(demo);
      const template = await templateReport(demo, format);
      const liveNames = new Map(liveAudit.model.authorizers.map((a) => [a.id, a.name]));
      const templateNames = new Map(Object.entries(TEMPLATE_AUTHORIZER_IDS[demo][format]).map(([name, id]) => [id, name]));
      const excluded = CANNOT_EXIST_IN_A_TEMPLATE[demo].filter((e) => e.formats.includes(format));

      const liveFindings = liveAudit.findings.map((f) => comparable(f, (id) => liveNames.get(id)));
      const templateFindings = template.findings.map((f) => comparable(f, (id) => templateNames.get(id)));
      // Each exclusion names exactly one live finding, and the template does not have it.
      for (const e of excluded) {
        expect(
          liveFindings.filter((f) => isExcluded(f, e)),
          `${e.ruleId} live: ${e.reason}`,
        ).toHaveLength(e.count ?? 1);
        expect(
          templateFindings.filter((f) => isExcluded(f, e)),
          `${e.ruleId} in the template`,
        ).toEqual([]);
      }
      // Each rewording names exactly one live finding and one template finding, with the same key.
      const reworded = REWORDED_IN_A_TEMPLATE[demo];
      for (const r of reworded) {
        const key = targetKey(r.ruleId, r.target, undefined);
        expect(
          liveFindings.filter((f) => f.key === key && f.messageId === r.liveMessageId),
          `${r.ruleId} live: ${r.reason}`,
        ).toHaveLength(1);
        expect(
          templateFindings.filter((f) => f.key === key && f.messageId === r.templateMessageId),
          `${r.ruleId} in the template: ${r.reason}`,
        ).toHaveLength(1);
      }
      const expected = liveFindings
        .filter((f) => !excluded.some((e) => isExcluded(f, e)))
        .map((f) => {
          const r = reworded.find((w) => f.key === targetKey(w.ruleId, w.target, undefined) && f.messageId === w.liveMessageId);
          return r ? { ...f, messageId: r.templateMessageId } : f;
        });
      const byKey = (list: ComparableFinding[]) => [...list].sort((a, b) => a.key.localeCompare(b.key));
      expect(byKey(templateFindings).map((f) => f.key)).toEqual(byKey(expected).map((f) => f.key));
      // Beyond the key: the same message, severity and stages for each.
      expect(byKey(templateFindings)).toEqual(byKey(expected));
    }, 60_000);
  });

  it.each(["sam", "terraform"] as Format[])(
    "the healthy template as %s has nothing above info, like the deployed one",
    async (format) => {
      const aboveInfo = (r: AuditReport) =>
        r.findings.filter((f) => f.severity !== "info").map((f) => `${f.ruleId} ${JSON.stringify(f.target)}`);
      expect(aboveInfo(await liveReport("healthy"))).toEqual([]);
      expect(aboveInfo(await templateReport("healthy", format))).toEqual([]);
    },
    60_000,
  );
});

/**
 * The SAM templates mean what the SAM reader says: the real SAM translator's CloudFormation for each one, audited
 * with the CloudFormation reader, gives the same findings (with the same stages) as the SAM reader's audit. Under CI
 * a missing python3 or aws-sam-translator fails the test instead of skipping it.
 */
describe("the demo SAM templates as the SAM translator deploys them", () => {
  const probe = translateWithSam(join(TEMPLATES_DIR, DEMOS.healthy.paths.sam));
  const unavailable = !probe.ok && "unavailable" in probe ? probe.unavailable : undefined;

  it("has the translator available (required under CI)", () => {
    if (process.env.CI) expect(unavailable).toBeUndefined();
  });

  it.skipIf(unavailable !== undefined && !process.env.CI).each(["storefront", "healthy"] as Demo[])(
    "%s",
    async (demo) => {
      const translation = translateWithSam(join(TEMPLATES_DIR, DEMOS[demo].paths.sam));
      if (!translation.ok) throw new Error("refused" in translation ? translation.refused : translation.unavailable);
      const translated = await auditTemplates(memoryFileTree([{ path: "translated.json", text: JSON.stringify(translation.template) }]));
      expect(translated.errors).toEqual([]);
      expect(translated.reports.map((r) => r.source.kind === "template" && [r.source.format, r.source.apiName])).toEqual([
        ["cloudformation", DEMOS[demo].apiName.sam],
      ]);
      const oracle = translated.reports[0] as AuditReport;
      expect(oracle.warnings).toEqual([]);

      const tree = diskFileTree([DEMOS[demo].paths.sam], TEMPLATES_DIR);
      if (!tree.ok) throw new Error(tree.message);
      const ours = (await auditTemplates(tree.tree)).reports[0] as AuditReport;
      // The translator deploys exactly the stages the template names (no extra "Stage": OpenApiVersion is set).
      expect(oracle.model.stages.map((s) => s.name).sort()).toEqual(ours.model.stages.map((s) => s.name).sort());
      const findings = (report: AuditReport) => {
        const names = new Map(report.model.authorizers.map((a) => [a.id, a.name]));
        return report.findings.map((f) => comparable(f, (id) => names.get(id))).sort((a, b) => a.key.localeCompare(b.key));
      };
      expect(findings(ours)).toEqual(findings(oracle));
    },
    60_000,
  );
});
