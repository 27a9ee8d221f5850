import type { DocReference } from "@/lib/rules/types";

/** The AWS pages rules cite, each checked for the claim it backs. */
export const DOCS = {
  authorizer: {
    title: "API Gateway API reference: Authorizer (identitySource, authorizerResultTtlInSeconds)",
    url: "https://docs.aws.amazon.com/apigateway/latest/api/API_Authorizer.html",
  },
  lambda401: {
    title: "Why does API Gateway return 401 Unauthorized after I create a Lambda authorizer?",
    url: "https://repost.aws/knowledge-center/api-gateway-401-error-lambda-authorizer",
  },
  cognito401: {
    title: "Troubleshoot 401 Unauthorized errors with a Cognito user pool authorizer",
    url: "https://repost.aws/knowledge-center/api-gateway-cognito-401-unauthorized",
  },
  missingToken: {
    title: 'Troubleshoot 403 "Missing Authentication Token" errors',
    url: "https://repost.aws/knowledge-center/api-gateway-authentication-token-errors",
  },
  troubleshoot403: {
    title: "How do I troubleshoot HTTP 403 errors from API Gateway?",
    url: "https://repost.aws/knowledge-center/api-gateway-troubleshoot-403-forbidden",
  },
  apiKeySource: {
    title: "Choose an API key source in API Gateway (missing key → 403 Forbidden)",
    url: "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-key-source.html",
  },
  cors: {
    title: "CORS for REST APIs in API Gateway",
    url: "https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html",
  },
  corsConsole: {
    title: "Enable CORS on a resource using the API Gateway console",
    url: "https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors-console.html",
  },
  gatewayResponses: {
    title: "Gateway response types for API Gateway",
    url: "https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html",
  },
  cachedPolicy: {
    title: 'Why does my proxy resource with a caching Lambda authorizer return 403 "User is not authorized to access this resource"?',
    url: "https://repost.aws/knowledge-center/api-gateway-lambda-authorization-errors",
  },
  caching: {
    title: "Cache settings for REST APIs in API Gateway",
    url: "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html",
  },
  methodSetting: {
    title: "API Gateway API reference: MethodSetting",
    url: "https://docs.aws.amazon.com/apigateway/latest/api/API_MethodSetting.html",
  },
  securityHub: {
    title: "Security Hub controls for API Gateway (APIGateway.5)",
    url: "https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-5",
  },
  samApiAuth: {
    title: "AWS SAM ApiAuth (AddDefaultAuthorizerToCorsPreflight, AddApiKeyRequiredToCorsPreflight: default True)",
    url: "https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-api-apiauth.html",
  },
  deployment: {
    title: "API Gateway API reference: GetDeployment (embed=apisummary)",
    url: "https://docs.aws.amazon.com/apigateway/latest/api/API_GetDeployment.html",
  },
  stackDrift: {
    title: "CloudFormation: detect unmanaged configuration changes to stacks and resources (drift)",
    url: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-stack-drift.html",
  },
  stackTags: {
    title: "CloudFormation resource tags: aws:cloudformation:stack-name and aws:cloudformation:logical-id",
    url: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-resource-tags.html",
  },
  checkov59: {
    title: "Checkov CKV_AWS_59: Ensure there is no open access to back-end resources through API",
    url: "https://github.com/bridgecrewio/checkov/blob/main/checkov/cloudformation/checks/resource/aws/APIGatewayAuthorization.py",
  },
} as const satisfies Record<string, DocReference>;
