/** The AWS provider's API Gateway (REST) resource types the Terraform readers understand, and reference helpers. */
import { indexKeyedRecord } from "@/lib/templates/index-keys";
import { TfRef, type TfValue } from "./values";

export const RESOURCE_TYPES = {
  api: "aws_api_gateway_rest_api",
  resource: "aws_api_gateway_resource",
  method: "aws_api_gateway_method",
  integration: "aws_api_gateway_integration",
  methodResponse: "aws_api_gateway_method_response",
  integrationResponse: "aws_api_gateway_integration_response",
  authorizer: "aws_api_gateway_authorizer",
  gatewayResponse: "aws_api_gateway_gateway_response",
  deployment: "aws_api_gateway_deployment",
  stage: "aws_api_gateway_stage",
  methodSettings: "aws_api_gateway_method_settings",
  /** A resource policy attached apart from the API (provider docs, aws_api_gateway_rest_api_policy: rest_api_id, policy). */
  restApiPolicy: "aws_api_gateway_rest_api_policy",
} as const;

export const API_GATEWAY_TYPES: ReadonlySet<string> = new Set(Object.values(RESOURCE_TYPES));

/**
 * Web ACL associations name a stage by its ARN, not by rest_api_id (provider docs, aws_wafv2_web_acl_association:
 * resource_arn, web_acl_arn; aws_wafregional_web_acl_association: resource_arn, web_acl_id), so they are matched to
 * stages by reference rather than grouped with an API. A stage's ARN is arn:aws:apigateway:region::/restapis/id/stages/name
 * (https://docs.aws.amazon.com/waf/latest/APIReference/API_AssociateWebACL.html).
 */
export const WEB_ACL_ASSOCIATION_TYPES: ReadonlySet<string> = new Set([
  "aws_wafv2_web_acl_association",
  "aws_wafregional_web_acl_association",
]);

/** A record keyed by template text: without a prototype, a key such as `__proto__` stays a plain key. */
export function keyedRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * A keyedRecord for status codes ("200", "404"), its elements a dictionary from the start (lib/templates/index-keys.ts):
 * V8 gives the first index stored into an empty object a contiguous store about 1.5 times the index long (2.6 KB for
 * "200"), kept with the snapshot and scanned whole by every Object.keys; JSON.parse builds a live read's the same way.
 * Keys, their order and JSON are those of any other object.
 */
export function statusKeyedRecord<T>(): Record<string, T> {
  return indexKeyedRecord<T>();
}

/** The object without its undefined properties (wire objects leave unset fields out, as the live reader's do). */
/** The address a value refers to when it is a reference to that attribute. */
export function refAddress(v: TfValue | undefined, attribute: string): string | undefined {
  return v instanceof TfRef && v.attribute === attribute ? v.address : undefined;
}
