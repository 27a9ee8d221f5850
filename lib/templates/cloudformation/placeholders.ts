/**
 * Stand-ins for values CloudFormation only knows at deploy time (physical ids, ARNs, the account id). They keep
 * the structure of the real value (an ARN stays an ARN, so `lambdaArnFromUri` still finds the function in an
 * authorizer URI) and say, in `${…}` notation, which deploy-time value they stand for.
 */

/** The account id is never known from a template; ARNs carry this placeholder in its place. */
export const ACCOUNT_PLACEHOLDER = "${AWS::AccountId}";

/**
 * Partition and URL suffix of a region: aws-cn in China, aws-us-gov in GovCloud, aws elsewhere
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html).
 */
export function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

export function urlSuffixOf(region: string): string {
  return region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
}

/**
 * `Ref` of a resource returns its physical id, which only exists after deployment. The logical id stands in for
 * it: stable across runs, readable in a report, and equal wherever the template refers to the same resource
 * (a method's `AuthorizerId: !Ref Auth` meets the authorizer whose id is "Auth").
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-ref.html
 */
export function physicalIdPlaceholder(logicalId: string): string {
  return logicalId;
}

const API_GATEWAY_ID_ATTRIBUTES: Readonly<Record<string, string>> = {
  "AWS::ApiGateway::RestApi": "RestApiId",
  "AWS::ApiGateway::Resource": "ResourceId",
  "AWS::ApiGateway::Authorizer": "AuthorizerId",
  "AWS::ApiGateway::Deployment": "DeploymentId",
};

/** The root resource id of a RestApi (`Fn::GetAtt [Api, RootResourceId]`): a placeholder the reader recognises. */
export function rootResourceIdPlaceholder(restApiLogicalId: string): string {
  return `\${${restApiLogicalId}.RootResourceId}`;
}

/**
 * `Fn::GetAtt` of a resource of type `type`. Known ARN attributes keep the ARN's shape
 * (arn:<partition>:lambda:<region>:<account>:function:<LogicalId>); anything else is `${LogicalId.Attribute}`.
 */
export function getAttPlaceholder(logicalId: string, type: string | undefined, attribute: string, region: string): string {
  const partition = partitionOf(region);
  if (type === "AWS::ApiGateway::RestApi" && attribute === "RootResourceId") return rootResourceIdPlaceholder(logicalId);
  // The id attributes API Gateway resources return equal their Ref: RestApi.RestApiId, Resource.ResourceId,
  // Authorizer.AuthorizerId, Deployment.DeploymentId (each resource's "Return values" in
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/AWS_ApiGateway.html).
  if (API_GATEWAY_ID_ATTRIBUTES[type ?? ""] === attribute) return physicalIdPlaceholder(logicalId);
  if (attribute === "Arn") {
    switch (type) {
      case "AWS::Lambda::Function":
      case "AWS::Serverless::Function":
        return `arn:${partition}:lambda:${region}:${ACCOUNT_PLACEHOLDER}:function:${logicalId}`;
      case "AWS::IAM::Role":
        return `arn:${partition}:iam::${ACCOUNT_PLACEHOLDER}:role/${logicalId}`;
      case "AWS::Cognito::UserPool":
        return `arn:${partition}:cognito-idp:${region}:${ACCOUNT_PLACEHOLDER}:userpool/${logicalId}`;
      case "AWS::SQS::Queue":
        return `arn:${partition}:sqs:${region}:${ACCOUNT_PLACEHOLDER}:${logicalId}`;
      case "AWS::SNS::Topic":
        return `arn:${partition}:sns:${region}:${ACCOUNT_PLACEHOLDER}:${logicalId}`;
      case "AWS::DynamoDB::Table":
        return `arn:${partition}:dynamodb:${region}:${ACCOUNT_PLACEHOLDER}:table/${logicalId}`;
      case "AWS::StepFunctions::StateMachine":
        return `arn:${partition}:states:${region}:${ACCOUNT_PLACEHOLDER}:stateMachine:${logicalId}`;
      default: {
        // AWS::<Service>::<Type>: the service's ARN namespace is usually its name in lower case.
        const parts = (type ?? "").split("::");
        const service = parts[0] === "AWS" && parts[1] ? parts[1].toLowerCase() : "unknown";
        const kind = parts[2] ? parts[2].toLowerCase() : "resource";
        return `arn:${partition}:${service}:${region}:${ACCOUNT_PLACEHOLDER}:${kind}/${logicalId}`;
      }
    }
  }
  return `\${${logicalId}.${attribute}}`;
}

/** A parameter without a Default: its value is chosen at deploy time. */
export function parameterPlaceholder(name: string): string {
  return `\${${name}}`;
}
