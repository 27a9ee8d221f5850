import type { IncomingMessage, ServerResponse } from "node:http";
import { DENIED_ACCOUNT_ID, type Caller } from "../credentials";
import type { Faults } from "../faults";
import type { RequestLog } from "../request-log";
import type { EmulatorStore } from "../store";
import type { StsState } from "../sts/sessions";
import { answerInjectedFault, openQueryRequest, type QueryService } from "../query/query-request";
import { QueryError, type XmlValue } from "../query/query-xml";
import { stacksOf, type StackState } from "./stacks";

export interface CloudFormationDeps {
  store: EmulatorStore;
  requestLog: RequestLog;
  faults: Faults;
  sts: StsState;
}

/**
 * CloudFormation speaks the AWS Query protocol like STS: form-encoded POST, `Version=2010-05-15`, XML answers in
 * this namespace, errors as `<ErrorResponse>`. Only the two read-only calls Preflight makes are answered.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_GetTemplate.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeStackResources.html
 */
const CLOUDFORMATION: QueryService = {
  namespace: "http://cloudformation.amazonaws.com/doc/2010-05-15/",
  version: "2010-05-15",
  operations: new Set(["GetTemplate", "DescribeStackResources"]),
};

// "Only the first 100 resources will be returned" (DescribeStackResources).
const MAX_DESCRIBED_RESOURCES = 100;

// AWS's wording for a stack that is not there (deleted, or never existed) is a ValidationError.
const stackMissing = (name: string) => new QueryError("ValidationError", `Stack with id ${name} does not exist`, 400);

/** By name or by stack id (ARN), as StackName accepts either for a running stack. */
function findStack(stacks: Map<string, StackState>, nameOrId: string): StackState | undefined {
  return stacks.get(nameOrId) ?? [...stacks.values()].find((stack) => stack.stackId === nameOrId);
}

function getTemplate(params: URLSearchParams, stacks: Map<string, StackState>): Record<string, XmlValue> {
  if (params.get("ChangeSetName") !== null) throw new QueryError("ValidationError", "The emulator holds no change sets", 400);
  const name = params.get("StackName");
  if (name === null) throw new QueryError("ValidationError", "Either StackName or ChangeSetName must be specified", 400);
  const stack = findStack(stacks, name);
  if (!stack) throw stackMissing(name);
  const stage = params.get("TemplateStage") ?? "Original";
  if (stage !== "Original" && stage !== "Processed")
    throw new QueryError(
      "ValidationError",
      `1 validation error detected: Value '${stage}' at 'templateStage' failed to satisfy constraint: Member must satisfy enum value set: [Original, Processed]`,
      400,
    );
  if (stage === "Processed" && !stack.processedTemplate)
    throw new QueryError("ValidationError", `The emulator holds no processed template for stack ${stack.stackName}`, 400);
  const body = stage === "Processed" ? (stack.processedTemplate as () => string)() : stack.originalTemplate();
  return { TemplateBody: body, StagesAvailable: stack.processedTemplate ? ["Original", "Processed"] : ["Original"] };
}

function describeStackResources(params: URLSearchParams, stacks: Map<string, StackState>): Record<string, XmlValue> {
  const name = params.get("StackName");
  const physicalId = params.get("PhysicalResourceId");
  const logicalId = params.get("LogicalResourceId");
  if (name !== null && physicalId !== null)
    throw new QueryError("ValidationError", "Cannot specify both StackName and PhysicalResourceId", 400);
  let stack: StackState | undefined;
  if (name !== null) {
    stack = findStack(stacks, name);
    if (!stack) throw stackMissing(name);
  } else if (physicalId !== null) {
    stack = [...stacks.values()].find((candidate) => candidate.resources.some((r) => r.physicalId === physicalId));
    if (!stack) throw new QueryError("ValidationError", `Stack for ${physicalId} does not exist`, 400);
  } else {
    throw new QueryError("ValidationError", "Either StackName or PhysicalResourceId must be specified", 400);
  }
  const timestamp = new Date(stack.createdAt).toISOString();
  const resources = stack.resources
    .filter((resource) => logicalId === null || resource.logicalId === logicalId)
    .slice(0, MAX_DESCRIBED_RESOURCES)
    .map((resource) => ({
      StackName: stack.stackName,
      StackId: stack.stackId,
      LogicalResourceId: resource.logicalId,
      PhysicalResourceId: resource.physicalId,
      ResourceType: resource.type,
      Timestamp: timestamp,
      ResourceStatus: "CREATE_COMPLETE",
    }));
  return { StackResources: resources };
}

/** Requests signed for the `cloudformation` service (AWS_ENDPOINT_URL_CLOUDFORMATION or the demo's endpoint pointed here). */
export async function handleCloudFormation(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  signed: Caller,
  deps: CloudFormationDeps,
): Promise<void> {
  // Keys the emulator's STS issued act in the role's account.
  const caller = deps.sts.resolve(signed);
  const request = await openQueryRequest(req, res, url, CLOUDFORMATION, caller, deps.requestLog);
  if (!request) return;
  const { action, params, fail } = request;
  // The denied key stands for credentials without cloudformation:* (the IAM policy's optional statement left out).
  if (caller.accountId === DENIED_ACCOUNT_ID)
    return fail(
      new QueryError(
        "AccessDenied",
        `User: arn:aws:iam::${DENIED_ACCOUNT_ID}:user/denied is not authorized to perform: cloudformation:${action} because no identity-based policy allows the cloudformation:${action} action`,
        403,
      ),
    );
  if (await answerInjectedFault(res, request, deps.faults, caller.accountId)) return;

  const stacks = stacksOf(deps.store.regionState(caller.accountId, caller.region));
  let result: Record<string, XmlValue>;
  try {
    result = action === "GetTemplate" ? getTemplate(params, stacks) : describeStackResources(params, stacks);
  } catch (error) {
    if (QueryError.is(error)) return fail(error);
    throw error;
  }
  request.succeed(result);
}
