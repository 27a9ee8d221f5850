/**
 * A small but complete AuditReport for the share tests: two resources, a Lambda TOKEN authorizer, one
 * stage, and findings of several severities. Overrides let a test vary the API identity or the parts
 * that the comparison looks at.
 */
import { AUDIT_REPORT_VERSION, type AuditReport } from "@/lib/audit/types";
import type { ApiModel, MethodModel } from "@/lib/model/types";
import { api as apiBuilder } from "@/lib/rules/testing/model-builder";
import { countBySeverity } from "@/lib/rules/count-by-severity";
import type { Finding, Severity } from "@/lib/rules/types";

export function sampleMethod(path: string, httpMethod: MethodModel["httpMethod"], overrides: Partial<MethodModel> = {}): MethodModel {
  return {
    resourceId: path === "/" ? "root00" : `res-${path.replace(/[^a-z]/gi, "")}`,
    path,
    httpMethod,
    authorizationType: "NONE",
    apiKeyRequired: false,
    authorizationScopes: [],
    requestParameters: {},
    requestModels: {},
    integration: {
      type: httpMethod === "OPTIONS" ? "MOCK" : "AWS_PROXY",
      cacheKeyParameters: [],
      requestTemplates: httpMethod === "OPTIONS" ? { "application/json": '{"statusCode": 200}' } : {},
      requestParameters: {},
      integrationResponses: [],
    },
    methodResponses: [{ statusCode: "200", responseParameters: {} }],
    ...overrides,
  };
}

export function sampleFinding(ruleId: string, severity: Severity, target: Finding["target"], overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId,
    severity,
    confidence: "certain",
    messageId: "default",
    message: `${ruleId} on ${target.httpMethod ?? ""} ${target.path ?? target.authorizerId ?? ""}`.trim(),
    symptom: "The browser shows a CORS error and the preflight OPTIONS returns 403.",
    target,
    stages: ["prod"],
    draftOnly: false,
    evidence: { authorizationType: "CUSTOM" },
    fixes: [],
    ...overrides,
  };
}

const JWT_AUTHORIZER = { id: "auth01", name: "jwt-authorizer" };

/**
 * The sample's model, built with the shared model builder (through the real normaliser): one resource per
 * distinct path of `methods`, each method as given (its authorizerId naming the sample's one authorizer).
 */
function sampleModel(api: AuditReport["api"], methods: readonly MethodModel[]): ApiModel {
  let builder = apiBuilder({ id: api.id, name: api.name, region: api.region, accountId: api.accountId ?? null })
    .authorizer(JWT_AUTHORIZER.name, {
      type: "TOKEN",
      id: JWT_AUTHORIZER.id,
      lambdaFunctionArn: `arn:aws:lambda:${api.region}:123456789012:function:jwt`,
    })
    .stage("prod", (stage) => stage.deploymentId("dep001").variables("backendHost", "dbPassword"))
    .resource("/", (resource) => resource.id("root00"));
  for (const method of methods) {
    builder = builder.resource(method.path, (resource) =>
      resource.id(method.resourceId).method(method.httpMethod, (m) => {
        m.auth(method.authorizationType).apiKey(method.apiKeyRequired);
        if (method.authorizerId === JWT_AUTHORIZER.id) m.authorizer(JWT_AUTHORIZER.name, method.authorizationScopes);
        else if (method.authorizerId !== undefined) m.unlistedAuthorizer(method.authorizerId);
        m.integration = method.integration;
        m.methodResponses = method.methodResponses;
      }),
    );
  }
  return builder.build();
}

export interface SampleReportOptions {
  api?: Partial<AuditReport["api"]>;
  methods?: MethodModel[];
  findings?: Finding[];
  readAt?: string;
}

export function defaultSampleMethods(): MethodModel[] {
  return [
    sampleMethod("/orders", "GET", { authorizationType: "CUSTOM", authorizerId: "auth01" }),
    sampleMethod("/orders", "OPTIONS", { authorizationType: "CUSTOM", authorizerId: "auth01" }),
    sampleMethod("/orders/{id}", "DELETE", { authorizationType: "AWS_IAM", apiKeyRequired: true }),
  ];
}

export function defaultSampleFindings(): Finding[] {
  return [
    sampleFinding(
      "preflight-options-without-auth",
      "critical",
      { resourceId: "res-orders", path: "/orders", httpMethod: "OPTIONS" },
      {
        fixes: [
          {
            kind: "set-method-authorization",
            resourceId: "res-orders",
            path: "/orders",
            httpMethod: "OPTIONS",
            from: "CUSTOM",
            to: "NONE",
          },
          { kind: "redeploy-stage", stage: "prod", description: "Preflight: OPTIONS without authorizer" },
        ],
      },
    ),
    sampleFinding("authorizer-cache-covers-stage", "high", { authorizerId: "auth01" }),
    sampleFinding("gateway-responses-have-cors", "medium", { responseType: "DEFAULT_4XX" }),
  ];
}

export function sampleReport(options: SampleReportOptions = {}): AuditReport {
  const api = { accountId: "123456789012", region: "eu-west-1", id: "a1b2c3d4e5", name: "orders-api", ...options.api };
  const methods = options.methods ?? defaultSampleMethods();
  const findings = options.findings ?? defaultSampleFindings();
  const counts = countBySeverity(findings);
  return {
    reportVersion: AUDIT_REPORT_VERSION,
    preflightVersion: "0.1.0",
    api,
    source: { kind: "live", connection: "demo", customEndpoint: true },
    readAt: options.readAt ?? "2026-01-15T10:00:00.000Z",
    partial: false,
    // As a stored report reads back, plain data the tests may edit: a normalised model shares frozen parts between
    // its methods (lib/model/shared-parts.ts).
    model: structuredClone(sampleModel(api, methods)),
    findings,
    notEvaluated: [],
    warnings: [],
    stats: { calls: { GetResources: 1, GetStages: 1 }, totalCalls: 2, retries: 0, wallTimeMs: 42 },
    counts,
  };
}
