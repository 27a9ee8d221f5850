/**
 * The CloudFormation / CDK template reader and what the SAM reader reuses from it:
 * - `readCloudFormationTemplate`: the TemplateReader for a template, a CDK `*.template.json` or a cloud assembly manifest;
 * - `detectCloudFormation`: is a parsed document CloudFormation, SAM (the SAM reader's), CDK output, a cloud assembly;
 * - `readApiGatewayResources`: every plain AWS::ApiGateway::RestApi of a parsed template, per condition variant;
 * - `ApiBuilder.buildOn`: the plain AWS::ApiGateway::* members of an API defined another way (AWS::Serverless::Api);
 * - `IntrinsicResolver` + `exploreVariants`: intrinsic functions resolved in one condition variant, and the
 *   enumeration of the variants an API actually meets (see intrinsics.ts for the calling pattern).
 */
export { readCloudFormationTemplate } from "@/lib/templates/cloudformation/reader";
export { detectCloudFormation, cdkPathOf, SAM_TRANSFORM, type CloudFormationDetection } from "@/lib/templates/cloudformation/detect";
export {
  readApiGatewayResources,
  restApiIds,
  constructPathOf,
  type ApiGatewayReadOptions,
  type ApiGatewayReading,
} from "@/lib/templates/cloudformation/read-api-gateway";
export { ApiBuilder, API_GATEWAY_MEMBER_TYPES, type ApiBuild, type BaseDefinition } from "@/lib/templates/cloudformation/build-api";
export {
  IntrinsicResolver,
  templateSections,
  intrinsicName,
  NO_VALUE,
  type CfnTemplateSections,
  type ResolverOptions,
} from "@/lib/templates/cloudformation/intrinsics";
export {
  exploreVariants,
  MAX_VARIANTS,
  type ExploredVariant,
  type VariantEvaluation,
  type VariantExploration,
} from "@/lib/templates/cloudformation/variants";
export {
  getAttPlaceholder,
  physicalIdPlaceholder,
  rootResourceIdPlaceholder,
  parameterPlaceholder,
  ACCOUNT_PLACEHOLDER,
} from "@/lib/templates/cloudformation/placeholders";
