/**
 * Plants fake credentials everywhere a careless reader or rule could put them, for the redaction tests
 * and the raw-row scan of both stores. Every value in `secrets` must be absent from anything stored.
 */
import type { AuditReport } from "@/lib/audit/types";
import { sampleReport } from "@/lib/share/testing/sample-report";

// Fake, but shaped exactly like real ones (AWS's documentation example key pair).
export const FAKE_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
export const FAKE_TEMP_ACCESS_KEY_ID = "ASIAY34FZKBOKMUTVV7A";
export const FAKE_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
export const FAKE_SESSION_TOKEN = "IQoJb3JpZ2luX2VjEHQaCWV1LXdlc3QtMSJHMEUCIQDfakefakefakefake";
export const FAKE_JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlZmFrZQ";
export const FAKE_BEARER = "sk_live_51HfakeToken0123456789abcdef";
export const FAKE_API_KEY_VALUE = "Xk29fakeApiKeyValue0123456789abcdEFGHIJkl";
export const FAKE_API_KEY_VALUE_2 = "Zq81otherFakeApiKeyValue99887766554433";
export const FAKE_STAGE_VARIABLE_VALUE = "prod-db-password-hunter2";
export const FAKE_BASIC = "dXNlcjpzM2NyZXRwYXNzd29yZA==";

export function reportWithPlantedSecrets(): { report: AuditReport; secrets: string[] } {
  const report = sampleReport();
  const stage = report.model.stages[0];
  const method = report.model.resources.flatMap((resource) => resource.methods).find((m) => m.httpMethod === "GET");
  const finding = report.findings[0];
  if (!stage || !method?.integration || !finding) throw new Error("sample report lost its stage, GET method or finding");

  // Properties outside the contract, as a buggy reader might add them.
  Object.assign(stage, { variables: { dbPassword: FAKE_STAGE_VARIABLE_VALUE, backendHost: "10.0.0.7" } });
  Object.assign(report.model, { apiKeys: [{ id: "key01", name: "partner", value: FAKE_API_KEY_VALUE }] });
  Object.assign(report.source, { credentials: { accessKeyId: FAKE_ACCESS_KEY_ID, secretAccessKey: FAKE_SECRET_ACCESS_KEY } });

  // Inside the contract: free text, evidence, mapping literals, templates, URIs.
  finding.message = `Signed with ${FAKE_ACCESS_KEY_ID} / ${FAKE_SECRET_ACCESS_KEY} while calling the API`;
  finding.symptom = `The browser sent Authorization: Bearer ${FAKE_BEARER} and got 403`;
  finding.evidence = {
    ...finding.evidence,
    callerKeyId: FAKE_TEMP_ACCESS_KEY_ID,
    callerSecret: FAKE_SECRET_ACCESS_KEY,
    sessionToken: FAKE_SESSION_TOKEN,
    idToken: FAKE_JWT,
    apiKey: FAKE_API_KEY_VALUE_2,
    stageVariableValues: [FAKE_STAGE_VARIABLE_VALUE],
    sample: `curl -H "x-api-key: ${FAKE_API_KEY_VALUE}" -H "Authorization: Basic ${FAKE_BASIC}"`,
  };
  method.integration.requestParameters = {
    "integration.request.header.x-api-key": `'${FAKE_API_KEY_VALUE_2}'`,
    "integration.request.header.X-Auth-Token": "method.request.header.X-Auth-Token",
  };
  method.integration.requestTemplates = { "application/json": `{"token": "${FAKE_JWT}"}` };
  method.integration.uri = `https://backend.example.com/orders?api_key=${FAKE_API_KEY_VALUE}&page=1`;
  report.warnings.push({ code: "debug", message: `aws_secret_access_key = ${FAKE_SECRET_ACCESS_KEY}` });

  return {
    report,
    secrets: [
      FAKE_ACCESS_KEY_ID,
      FAKE_TEMP_ACCESS_KEY_ID,
      FAKE_SECRET_ACCESS_KEY,
      FAKE_SESSION_TOKEN,
      FAKE_JWT,
      FAKE_BEARER,
      FAKE_API_KEY_VALUE,
      FAKE_API_KEY_VALUE_2,
      FAKE_STAGE_VARIABLE_VALUE,
      FAKE_BASIC,
      // Fragments, in case a value is cut rather than removed.
      "IOSFODNN7",
      "bPxRfiCYEXAMPLEKEY",
      "hunter2",
    ],
  };
}
