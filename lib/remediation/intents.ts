import type { z } from "zod";
import type * as schemas from "@/lib/remediation/intent-schema";

/**
 * Fix intents: the abstract remediation vocabulary. Rules emit intents; lib/remediation renders each
 * intent into every format (AWS CLI, SDK JSON, CloudFormation, SAM, Terraform, CDK, authorizer code).
 * Renderers switch exhaustively over `kind`, so a new intent does not compile until every format
 * renders it. Intents name real ids, paths and stages of the audited API.
 *
 * The shapes are defined once, as zod schemas in intent-schema.ts (field docs are there); these types are
 * derived from them. Type-only imports, so code that only needs the types never bundles zod.
 */
export type FixIntent = z.output<typeof schemas.fixIntentSchema>;
export type FixIntentKind = FixIntent["kind"];

export type CorsHeaders = z.output<typeof schemas.corsHeadersSchema>;
export type StageMethodSetting = z.output<typeof schemas.stageMethodSettingSchema>;

export type SetMethodAuthorizationIntent = z.output<typeof schemas.setMethodAuthorizationSchema>;
export type SetMethodApiKeyRequiredIntent = z.output<typeof schemas.setMethodApiKeyRequiredSchema>;
export type AddCorsPreflightIntent = z.output<typeof schemas.addCorsPreflightSchema>;
export type SetPreflightHeadersIntent = z.output<typeof schemas.setPreflightHeadersSchema>;
export type ReplacePreflightIntegrationWithMockIntent = z.output<typeof schemas.replacePreflightIntegrationWithMockSchema>;
export type AddGatewayResponseCorsIntent = z.output<typeof schemas.addGatewayResponseCorsSchema>;
export type AddMethodResponseCorsOriginIntent = z.output<typeof schemas.addMethodResponseCorsOriginSchema>;
export type SetAuthorizerTtlIntent = z.output<typeof schemas.setAuthorizerTtlSchema>;
export type WidenAuthorizerPolicyIntent = z.output<typeof schemas.widenAuthorizerPolicySchema>;
export type AddCacheKeyParameterIntent = z.output<typeof schemas.addCacheKeyParameterSchema>;
export type SetStageMethodSettingIntent = z.output<typeof schemas.setStageMethodSettingSchema>;
export type RedeployStageIntent = z.output<typeof schemas.redeployStageSchema>;
export type FlushAuthorizerCacheIntent = z.output<typeof schemas.flushAuthorizerCacheSchema>;
export type RemoveStageCanaryIntent = z.output<typeof schemas.removeStageCanarySchema>;
export type SetIntegrationContentHandlingIntent = z.output<typeof schemas.setIntegrationContentHandlingSchema>;
export type SetRestApiPolicyIntent = z.output<typeof schemas.setRestApiPolicySchema>;
export type ClearMethodRequestValidatorIntent = z.output<typeof schemas.clearMethodRequestValidatorSchema>;

/** Compile-time guard used by renderers' exhaustive switches. */
export function assertNever(intent: never): never {
  throw new Error(`Unhandled fix intent: ${JSON.stringify(intent)}`);
}
