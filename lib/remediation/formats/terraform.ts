import type { DesiredMethod } from "@/lib/remediation/desired-state";
import { checkovCacheSkipLine, checkovSkipLine, insideFirstBlock, isOpenPreflight } from "@/lib/remediation/peer-suppressions";
import { canaryWords, IacFrame, removeCanaryCommand } from "@/lib/remediation/formats/iac-frame";
import { hclBlock, hclRef, type HclBody } from "@/lib/remediation/hcl";
import { bashWord } from "@/lib/remediation/formats/literals/bash";
import { commentText } from "@/lib/remediation/formats/literals/comment";
import { fileNamePart } from "@/lib/remediation/formats/literals/filename";
import { hclString } from "@/lib/remediation/formats/literals/hcl";
import { actionsOf } from "@/lib/remediation/iam";
import type { StageMethodSetting } from "@/lib/remediation/intents";
import { snakeName, terraformMethodPath } from "@/lib/remediation/naming";
import type { RemediationPlan } from "@/lib/remediation/plan";
import { booleanSetting, numberSetting } from "@/lib/remediation/stage-settings";
import type { RenderedSnippet } from "@/lib/remediation/formats/types";

/**
 * Terraform (hashicorp/aws provider). Resource arguments per the registry pages for aws_api_gateway_method,
 * aws_api_gateway_integration, aws_api_gateway_method_response, aws_api_gateway_integration_response,
 * aws_api_gateway_gateway_response, aws_api_gateway_authorizer, aws_api_gateway_method_settings
 * (method_path "orders/{id}/GET", no leading slash) and aws_api_gateway_deployment (triggers +
 * create_before_destroy to redeploy). Existing methods get an `import` block (Terraform >= 1.5) with the
 * provider's import ids: REST-API-ID/RESOURCE-ID/HTTP-METHOD[/STATUS-CODE], REST-API-ID/AUTHORIZER-ID.
 */
const SETTING_ARGUMENTS: Record<StageMethodSetting, string> = {
  "caching/enabled": "caching_enabled",
  "caching/ttlInSeconds": "cache_ttl_in_seconds",
  "caching/dataEncrypted": "cache_data_encrypted",
  "caching/requireAuthorizationForCacheControl": "require_authorization_for_cache_control",
  "caching/unauthorizedCacheControlHeaderStrategy": "unauthorized_cache_control_header_strategy",
};

const REST_API_ID = hclRef("var.rest_api_id");

function comments(lines: readonly string[]): string {
  return lines.map((line) => `# ${commentText(line)}`).join("\n");
}

function importBlock(address: string, id: string): string {
  return hclBlock("import", [
    ["to", hclRef(address)],
    ["id", id],
  ]);
}

function methodBlocks(method: DesiredMethod, apiId: string): { text: string; addresses: string[] } {
  const name = snakeName(method.path, method.httpMethod);
  const methodAddress = `aws_api_gateway_method.${name}`;
  const chunks: string[] = [];
  const addresses = [methodAddress];
  chunks.push(
    comments(
      method.isNew
        ? [`NEW: ${method.httpMethod} ${method.path} (resource ${method.resourceId}).`]
        : [
            `CHANGED: ${method.httpMethod} ${method.path} (resource ${method.resourceId}): ${method.changes.join("; ")}.`,
            "If Terraform already manages this method, change your resource instead and drop the import block.",
          ],
    ),
  );
  if (!method.isNew) chunks.push(importBlock(methodAddress, `${apiId}/${method.resourceId}/${method.httpMethod}`));
  const body: HclBody = [
    ["rest_api_id", REST_API_ID],
    ["resource_id", method.resourceId],
    ["http_method", method.httpMethod],
    ["authorization", method.authorizationType],
  ];
  if (method.authorizerId) body.push(["authorizer_id", method.authorizerId]);
  if (method.requestValidatorId) body.push(["request_validator_id", method.requestValidatorId]);
  if (method.authorizationScopes.length > 0) body.push(["authorization_scopes", method.authorizationScopes]);
  body.push(["api_key_required", method.apiKeyRequired]);
  if (Object.keys(method.requestParameters).length > 0) body.push(["request_parameters", method.requestParameters]);
  const methodBlock = hclBlock(`resource "aws_api_gateway_method" ${hclString(name)}`, body);
  // Checkov CKV2_AWS_70 fails an open OPTIONS; the preflight must be open (peer-suppressions.ts).
  chunks.push(isOpenPreflight(method) ? insideFirstBlock(methodBlock, checkovSkipLine()) : methodBlock);

  const integration = method.integration;
  const integrationChanged =
    method.integrationReplaced || method.changes.some((change) => change.startsWith("cache key") || change.startsWith("contentHandling"));
  if (integration && integrationChanged) {
    const integrationAddress = `aws_api_gateway_integration.${name}`;
    addresses.push(integrationAddress);
    const integrationBody: HclBody = [
      ["rest_api_id", REST_API_ID],
      ["resource_id", method.resourceId],
      ["http_method", hclRef(`${methodAddress}.http_method`)],
      ["type", integration.type],
    ];
    if (integration.httpMethod) integrationBody.push(["integration_http_method", integration.httpMethod]);
    if (integration.uri) integrationBody.push(["uri", integration.uri]);
    if (Object.keys(integration.requestParameters).length > 0) integrationBody.push(["request_parameters", integration.requestParameters]);
    if (Object.keys(integration.requestTemplates).length > 0) integrationBody.push(["request_templates", integration.requestTemplates]);
    if (integration.cacheKeyParameters.length > 0) integrationBody.push(["cache_key_parameters", integration.cacheKeyParameters]);
    if (integration.contentHandling) integrationBody.push(["content_handling", integration.contentHandling]);
    if (!method.integrationReplaced) {
      chunks.push(
        comments([
          `Merge into your aws_api_gateway_integration for ${method.httpMethod} ${method.path}; keep its credentials and other arguments the audit does not read.`,
        ]),
      );
    }
    chunks.push(hclBlock(`resource "aws_api_gateway_integration" ${hclString(name)}`, integrationBody));
  }
  if (!method.responsesChanged) return { text: chunks.join("\n\n"), addresses };
  if (method.auditedResponses) {
    chunks.push(
      comments([
        `The responses below carry the audited header mappings of ${method.httpMethod} ${method.path}; the audit does not read response templates or models.`,
        "Existing integration responses are imported and keep their response_templates (ignore_changes). If Terraform already manages them, merge response_parameters into your resources instead.",
      ]),
    );
  }

  for (const response of method.methodResponses) {
    const responseName = `${name}_${response.statusCode}`;
    const address = `aws_api_gateway_method_response.${responseName}`;
    addresses.push(address);
    if (!method.isNew && !method.integrationReplaced)
      chunks.push(importBlock(address, `${apiId}/${method.resourceId}/${method.httpMethod}/${response.statusCode}`));
    chunks.push(
      hclBlock(`resource "aws_api_gateway_method_response" ${hclString(responseName)}`, [
        ["rest_api_id", REST_API_ID],
        ["resource_id", method.resourceId],
        ["http_method", hclRef(`${methodAddress}.http_method`)],
        ["status_code", response.statusCode],
        ["response_parameters", response.responseParameters],
      ]),
    );
  }
  for (const response of integration?.integrationResponses ?? []) {
    const responseName = `${name}_${response.statusCode}`;
    const hasMethodResponse = method.methodResponses.some((item) => item.statusCode === response.statusCode);
    const body: HclBody = [
      ["rest_api_id", REST_API_ID],
      ["resource_id", method.resourceId],
      ["http_method", hclRef(`${methodAddress}.http_method`)],
      ["status_code", hasMethodResponse ? hclRef(`aws_api_gateway_method_response.${responseName}.status_code`) : response.statusCode],
    ];
    if (response.selectionPattern !== undefined) body.push(["selection_pattern", response.selectionPattern]);
    body.push(["response_parameters", response.responseParameters]);
    if (Object.keys(response.responseTemplates).length > 0) body.push(["response_templates", response.responseTemplates]);
    if (response.contentHandling) body.push(["content_handling", response.contentHandling]);
    if (integrationChanged) body.push(["depends_on", [hclRef(`aws_api_gateway_integration.${name}`)]]);
    const address = `aws_api_gateway_integration_response.${responseName}`;
    addresses.push(address);
    if (response.audited && !method.integrationReplaced) {
      // Import the existing response and leave its body templates alone: replacing it would drop them.
      chunks.push(importBlock(address, `${apiId}/${method.resourceId}/${method.httpMethod}/${response.statusCode}`));
      body.push(["block", "lifecycle", [["ignore_changes", [hclRef("response_templates")]]]]);
    }
    chunks.push(hclBlock(`resource "aws_api_gateway_integration_response" ${hclString(responseName)}`, body));
  }
  return { text: chunks.join("\n\n"), addresses };
}

export function renderTerraform(plan: RemediationPlan): RenderedSnippet {
  const frame = new IacFrame(plan);
  const { ctx, state, redeploy } = frame;
  const chunks: string[] = [];
  const triggers: string[] = [];

  chunks.push(
    hclBlock('variable "rest_api_id"', [
      ["description", `Id of the REST API ${ctx.apiName}`],
      ["type", hclRef("string")],
      ["default", ctx.apiId],
    ]),
  );
  for (const method of state.methods.values()) {
    const { text, addresses } = methodBlocks(method, ctx.apiId);
    chunks.push(text);
    triggers.push(...addresses);
    frame.permit(`/resources/${method.resourceId}/methods/${method.httpMethod}`, ["GET", "PUT", "PATCH", "DELETE"]);
    frame.permit(`/resources/${method.resourceId}/methods/${method.httpMethod}/*`, ["GET", "PUT", "PATCH", "DELETE"]);
  }
  if (state.restApiPolicy) {
    // aws_api_gateway_rest_api_policy (import id: the REST API id). If the policy lives in aws_api_gateway_rest_api.policy, set it there instead.
    triggers.push("aws_api_gateway_rest_api_policy.preflight");
    chunks.push(
      [
        comments([
          `Resource policy: ${state.restApiPolicy.changes.join("; ")}.`,
          "If your aws_api_gateway_rest_api sets policy itself, put this document there instead of adding this resource.",
        ]),
        importBlock("aws_api_gateway_rest_api_policy.preflight", ctx.apiId),
        hclBlock('resource "aws_api_gateway_rest_api_policy" "preflight"', [
          ["rest_api_id", REST_API_ID],
          ["policy", state.restApiPolicy.policy],
        ]),
      ].join("\n"),
    );
    frame.permit("", ["GET", "PATCH"]);
  }
  for (const response of state.gatewayResponses.values()) {
    const name = snakeName(response.responseType);
    triggers.push(`aws_api_gateway_gateway_response.${name}`);
    const body: HclBody = [
      ["rest_api_id", REST_API_ID],
      ["response_type", response.responseType],
    ];
    if (response.statusCode) body.push(["status_code", response.statusCode]);
    body.push(["response_parameters", response.responseParameters]);
    if (Object.keys(response.responseTemplates).length > 0) body.push(["response_templates", response.responseTemplates]);
    chunks.push(
      `${comments([`Gateway response ${response.responseType} with CORS headers.`])}\n${hclBlock(`resource "aws_api_gateway_gateway_response" ${hclString(name)}`, body)}`,
    );
    frame.permit(`/gatewayresponses/${response.responseType}`, ["GET", "PUT", "DELETE"]);
  }
  for (const { authorizer, fromSeconds, ttlSeconds } of state.authorizers.values()) {
    const name = snakeName(authorizer.name);
    const address = `aws_api_gateway_authorizer.${name}`;
    triggers.push(address);
    const body: HclBody = [
      ["rest_api_id", REST_API_ID],
      ["name", authorizer.name],
      ["type", authorizer.type],
    ];
    if (authorizer.authorizerUri) body.push(["authorizer_uri", authorizer.authorizerUri]);
    if (authorizer.providerArns.length > 0) body.push(["provider_arns", authorizer.providerArns]);
    if (authorizer.identitySources.length > 0)
      body.push(["identity_source", authorizer.identitySources.map((source) => source.expression).join(",")]);
    if (authorizer.identityValidationExpression) body.push(["identity_validation_expression", authorizer.identityValidationExpression]);
    body.push(["authorizer_result_ttl_in_seconds", ttlSeconds]);
    chunks.push(
      [
        comments([
          `CHANGED: authorizer ${authorizer.name} (${authorizer.id}) result TTL ${fromSeconds} → ${ttlSeconds} seconds.`,
          "If Terraform already manages it, set authorizer_result_ttl_in_seconds there and drop the import block; add authorizer_credentials if it uses an invoke role.",
        ]),
        importBlock(address, `${ctx.apiId}/${authorizer.id}`),
        hclBlock(`resource "aws_api_gateway_authorizer" ${hclString(name)}`, body),
      ].join("\n"),
    );
    frame.permit(`/authorizers/${authorizer.id}`, ["GET", "PATCH"]);
  }
  for (const setting of state.stageSettings.values()) {
    const name = snakeName(
      setting.stage,
      setting.path === "*" ? "all" : setting.path,
      setting.httpMethod === "*" ? "all" : setting.httpMethod,
    );
    const settings: HclBody = (Object.entries(setting.settings) as Array<[StageMethodSetting, string | number | boolean]>).map(
      ([key, value]) => [
        SETTING_ARGUMENTS[key],
        key === "caching/ttlInSeconds"
          ? numberSetting(value)
          : key === "caching/unauthorizedCacheControlHeaderStrategy"
            ? String(value)
            : booleanSetting(value),
      ],
    );
    const block = hclBlock(`resource "aws_api_gateway_method_settings" ${hclString(name)}`, [
      ["rest_api_id", REST_API_ID],
      ["stage_name", setting.stage],
      ["method_path", terraformMethodPath(setting.path, setting.httpMethod)],
      ["block", "settings", settings],
    ]);
    // Checkov CKV_AWS_225 fails method settings with caching off; here it is off on purpose (peer-suppressions.ts).
    const cachingOff = setting.settings["caching/enabled"] !== undefined && !booleanSetting(setting.settings["caching/enabled"]);
    chunks.push(
      `${comments([`Stage ${setting.stage}: ${setting.path} ${setting.httpMethod} method settings (take effect without a redeploy).`])}\n${cachingOff ? insideFirstBlock(block, checkovCacheSkipLine()) : block}`,
    );
    frame.permit(`/stages/${setting.stage}`, ["GET", "PATCH"]);
  }
  for (const stage of redeploy) {
    const name = snakeName("preflight", stage);
    chunks.push(
      `${comments([
        `Redeploy stage ${stage}: a new deployment whenever the fixes above change (triggers), created before the old one is destroyed.`,
        `Point the stage at it: in your aws_api_gateway_stage "${stage}" set deployment_id = aws_api_gateway_deployment.${name}.id`,
        `(if the stage is not in Terraform: aws apigateway update-stage --rest-api-id ${bashWord(ctx.apiId)} --stage-name ${bashWord(stage)} --patch-operations op=replace,path=/deploymentId,value=<new deployment id>).`,
      ])}\n${hclBlock(`resource "aws_api_gateway_deployment" ${hclString(name)}`, [
        ["rest_api_id", REST_API_ID],
        ["description", `Preflight remediation for stage ${stage}`],
        ["triggers", { redeployment: hclRef(`sha1(jsonencode([${triggers.join(", ")}]))`) }],
        ["block", "lifecycle", [["create_before_destroy", true]]],
      ])}`,
    );
    frame.permit("/deployments", ["POST"]);
    frame.permit("/deployments/*", ["GET", "DELETE"]);
  }
  for (const canary of frame.canaries) {
    // The provider turns a canary_settings block removed from aws_api_gateway_stage into UpdateStage
    // `remove /canarySettings` (internal/service/apigateway/stage.go, appendCanarySettingsPatchOperations); no
    // resource of its own can remove a canary, so this is said where the stage's deployment_id is.
    chunks.push(
      comments([
        `${canaryWords(canary)}.`,
        `Delete the canary_settings block of your aws_api_gateway_stage "${canary.stage}": terraform apply then removes the canary, and every request goes to the stage's deployment_id.`,
        `If the stage is not in Terraform, or still has a canary after the apply: ${removeCanaryCommand(ctx, canary.stage)}`,
      ]),
    );
    frame.permit(`/stages/${canary.stage}`, ["GET", "PATCH"]);
  }
  const { header, iam } = frame.finish({
    comment: "#",
    title: "Terraform (hashicorp/aws, Terraform >= 1.5 for import blocks)",
    intro: ["Resource ids are the audited ones; rest_api_id comes from var.rest_api_id."],
    permissionsHeading: "IAM permissions to apply it:",
    manualHeading: "Not expressible in Terraform (do these by hand):",
    deployCommand: "terraform apply",
  });
  const content = [...header, "", chunks.join("\n\n"), ""].join("\n");
  return {
    format: "terraform",
    filename: `preflight-fix-${fileNamePart(ctx.apiId)}.tf`,
    language: "hcl",
    content,
    iamActions: actionsOf(iam),
    iamPermissions: iam,
  };
}
