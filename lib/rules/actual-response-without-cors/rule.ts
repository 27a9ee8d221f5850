import { overriddenHeaders } from "@/lib/rules/support/template-headers";
import type { IntegrationResponseModel, IntegrationType, MethodModel, ResourceModel } from "@/lib/model/types";
import type { FixIntent } from "@/lib/remediation/intents";
import type { FindingDraft, Rule } from "@/lib/rules/types";
import { CORS_HEADER, declaresHeader, isProxyIntegration, mappedHeader, methodResponseWithStatus } from "@/lib/rules/support/cors-headers";
import { stagesWhere } from "@/lib/rules/support/deployed-stages";
import { DOCS } from "@/lib/rules/support/docs";
import { browserEvidence } from "@/lib/rules/support/serves-browsers";
import { stageLists } from "@/lib/rules/support/shared-parts";
import { preflightOrigins } from "@/lib/rules/support/suggested-cors";
import { verbPhrases } from "@/lib/rules/support/verb-phrases";

const ALLOW_ORIGIN = CORS_HEADER.allowOrigin.toLowerCase();

/**
 * The 2xx responses of a method that return no Access-Control-Allow-Origin, and why, index by index: the first `count`
 * entries of lists reused from method to method (a method's lists were garbage unless a new evidence record kept
 * them: 6,667 methods in bench:core), copied only into a record that keeps them.
 */
interface Broken {
  count: number;
  statusCodes: string[];
  problems: string[];
}

/** What is wrong with one 2xx response of a method: one of the problems below, or OK when it returns Access-Control-Allow-Origin. */
function problemOf(method: MethodModel, response: IntegrationResponseModel): number {
  // Asked of every 2xx response of every method: read in place rather than copied into header lists first.
  const isDeclared = declaresHeader(methodResponseWithStatus(method, response.statusCode)?.responseParameters, CORS_HEADER.allowOrigin);
  const isMapped = mappedHeader(response.responseParameters, CORS_HEADER.allowOrigin) !== undefined;
  if (isDeclared && isMapped) return OK;
  // A mapping template that sets the header through $context.responseOverride needs neither mapping nor declaration
  // (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-override-request-response-parameters.html).
  if (overriddenHeaders(response.responseTemplates).has(ALLOW_ORIGIN)) return OK;
  return isMapped ? MAPPED_ONLY : isDeclared ? DECLARED_ONLY : NEITHER;
}

const OK = -1;
const MAPPED_ONLY = 0;
const DECLARED_ONLY = 1;
const NEITHER = 2;

function problemText(problem: number, statusCode: string): string {
  if (problem === MAPPED_ONLY)
    return `its ${statusCode} integration response maps Access-Control-Allow-Origin but the ${statusCode} method response does not declare it, so API Gateway drops it`;
  if (problem === DECLARED_ONLY)
    return `its ${statusCode} method response declares Access-Control-Allow-Origin but the integration response maps no value to it`;
  return `neither its ${statusCode} method response nor its integration response sets Access-Control-Allow-Origin`;
}

/** The symptom after "calling GET /path", for the first broken status code. */
function symptomEnd(statusCode: string): string {
  return ` gets API Gateway's ${statusCode} answer blocked by the browser: "No 'Access-Control-Allow-Origin' header is present on the requested resource", and fetch() fails with a TypeError.`;
}

/**
 * Words that depend only on a problem or a status code, worded once per check instead of once per finding: 6,667
 * findings in bench:core all hold the same few, and every finding's strings survive the audit (issue 16). Plain maps
 * made by each check (no memo outlives an audit), read through plain functions: V8 deoptimised the check's loop when
 * it inlined methods of a per-check object.
 */
type Worded = Map<string, string>;

function worded(memo: Worded, statusCode: string, word: (statusCode: string) => string): string {
  let text = memo.get(statusCode);
  if (text === undefined) memo.set(statusCode, (text = word(statusCode)));
  return text;
}

/** problemText(problem, statusCode) once per check: a function per problem, not a closure made per response. */
const PROBLEM_TEXTS: ReadonlyArray<(statusCode: string) => string> = [
  (statusCode) => problemText(MAPPED_ONLY, statusCode),
  (statusCode) => problemText(DECLARED_ONLY, statusCode),
  (statusCode) => problemText(NEITHER, statusCode),
];

/** The evidence a finding reports; findings with equal records share one (shared-parts.ts). A type, so it is an evidence record. */
type Evidence = {
  integrationType: IntegrationType;
  statusCodes: string[];
  suggestedOrigin: string;
  servesBrowsers: string[];
};

function sameEvidence(evidence: Evidence, integrationType: IntegrationType, { count, statusCodes }: Broken, suggestedOrigin: string) {
  if (evidence.integrationType !== integrationType || evidence.suggestedOrigin !== suggestedOrigin) return false;
  if (evidence.statusCodes.length !== count) return false;
  for (let i = 0; i < count; i++) if (evidence.statusCodes[i] !== statusCodes[i]) return false;
  return true;
}

export const actualResponseWithoutCors: Rule = {
  meta: {
    id: "actual-response-without-cors",
    title: "Actual response carries no Access-Control-Allow-Origin (non-proxy integration)",
    severity: "medium",
    category: "preflight",
    confidence: "certain",
    browserSends:
      "After a successful preflight (or directly, for a simple request), the actual cross-origin request, e.g. GET with Origin and Authorization.",
    gatewayAnswers:
      "The method's 2xx response with only the headers its integration response maps and its method response declares. Without Access-Control-Allow-Origin the browser blocks the response (\"No 'Access-Control-Allow-Origin' header is present on the requested resource\") and fetch() rejects with a TypeError, although API Gateway answered 200.",
    why: "For MOCK, HTTP and AWS (non-proxy) integrations API Gateway builds the response itself: the console's Enable CORS declares Access-Control-Allow-Origin on each method's 200 method response and maps it in the integration response, besides creating OPTIONS. Fixing only the preflight leaves the actual call blocked. Proxy integrations (AWS_PROXY, HTTP_PROXY) pass the backend's headers through, so the backend must return the header and Preflight cannot see it: they are not flagged. Runs only when the API shows it serves browsers.",
    docs: [DOCS.cors, DOCS.corsConsole],
    peers: [],
    messages: {
      missing:
        "{{verb}} {{path}} ({{integration}} integration) answers without Access-Control-Allow-Origin: {{problems}}. Browsers block the response even when the preflight succeeds.",
    },
    fixable: true,
    requires: ["resources"],
  },

  check({ model }) {
    const evidence = browserEvidence(model);
    if (evidence.length === 0) return [];
    // The same three signs on every finding: one list, not a copy per method (findings are not mutated once made).
    const servesBrowsers = evidence.slice(0, 3);
    const findings: FindingDraft[] = [];
    const problems: Worded[] = [new Map(), new Map(), new Map()];
    const symptomEnds: Worded = new Map();
    const sharedStages = stageLists();
    const preflightOrigin = preflightOrigins(model);
    // Consecutive methods are mostly alike: the last evidence record is reused while it is equal.
    let last: Evidence | undefined;
    const broken: Broken = { count: 0, statusCodes: [], problems: [] };
    for (const resource of model.resources) {
      for (const method of resource.methods) {
        // OPTIONS is the preflight (preflight-response-incomplete); proxies return the backend's headers.
        if (method.httpMethod === "OPTIONS" || !method.integration || isProxyIntegration(method)) continue;
        broken.count = 0;
        const responses = method.integration.integrationResponses;
        // Indexed: the list may be the model's shared frozen empty one (shared-parts.ts).
        for (let i = 0; i < responses.length; i++) {
          const response = responses[i] as IntegrationResponseModel;
          if (!response.statusCode.startsWith("2")) continue;
          const problem = problemOf(method, response);
          if (problem === OK) continue;
          broken.statusCodes[broken.count] = response.statusCode;
          broken.problems[broken.count++] = worded(problems[problem]!, response.statusCode, PROBLEM_TEXTS[problem]!);
        }
        if (broken.count === 0) continue;
        const integration = method.integration.type;
        const allowOrigin = preflightOrigin(resource);
        if (last === undefined || !sameEvidence(last, integration, broken, allowOrigin)) {
          // Key order as the report has always had it.
          last = {
            integrationType: integration,
            statusCodes: broken.statusCodes.slice(0, broken.count),
            suggestedOrigin: allowOrigin,
            servesBrowsers,
          };
        }
        const stages = sharedStages(stagesWhere(model, resource.path, method.httpMethod));
        const symptom = worded(symptomEnds, broken.statusCodes[0] as string, symptomEnd);
        findings.push(missing(resource, method, integration, broken, { allowOrigin, stages, evidence: last, symptom }));
      }
    }
    return findings;
  },
};

// "… calling GET ", "… on GET ": one string per verb, each finding adding only its path (verb-phrases.ts).
const SYMPTOM_START = verbPhrases("A page on another origin calling ");
const REDEPLOY_START = verbPhrases("Deploy Access-Control-Allow-Origin on ");

/** What missing() is given that findings share. */
interface SharedParts {
  allowOrigin: string;
  stages: string[];
  evidence: Evidence;
  /** The symptom after the call. */
  symptom: string;
}

function missing(
  resource: ResourceModel,
  method: MethodModel,
  integration: IntegrationType,
  { count, statusCodes, problems }: Broken,
  { allowOrigin, stages, evidence, symptom }: SharedParts,
): FindingDraft {
  // A list exactly as long as it gets: one grown by push keeps room for 17, and this one outlives the audit. The
  // redeploys are redeploy()'s, made in place rather than mapped into a list and copied.
  const fixes = new Array<FixIntent>(count + stages.length);
  let at = 0;
  for (let i = 0; i < count; i++) {
    fixes[at++] = {
      kind: "add-method-response-cors-origin",
      resourceId: resource.id,
      path: resource.path,
      httpMethod: method.httpMethod,
      statusCode: statusCodes[i] as string,
      allowOrigin,
    };
  }
  if (stages.length > 0) {
    const description = REDEPLOY_START(method.httpMethod) + resource.path;
    // Indexed: stage lists are shared and frozen (shared-parts.ts).
    for (let i = 0; i < stages.length; i++) fixes[at++] = { kind: "redeploy-stage", stage: stages[i] as string, description };
  }
  return {
    messageId: "missing",
    data: {
      verb: method.httpMethod,
      path: resource.path,
      integration,
      problems: count === 1 ? (problems[0] as string) : problems.slice(0, count).join("; "),
    },
    symptom: SYMPTOM_START(method.httpMethod) + resource.path + symptom,
    target: { resourceId: resource.id, path: resource.path, httpMethod: method.httpMethod },
    stages,
    draftOnly: stages.length === 0,
    evidence,
    fixes,
  };
}
