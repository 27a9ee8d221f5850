import type { IncomingMessage, ServerResponse } from "node:http";
import { DENIED_ACCOUNT_ID, type Caller } from "../credentials";
import type { FaultSpec, Faults } from "../faults";
import type { RequestLog } from "../request-log";
import type { EmulatorStore } from "../store";
import type { StsState } from "../sts/sessions";
import { applyTransportFault, readBody } from "../server/http-io";
// The Query protocol's envelope and error shape are STS's; only the namespace differs.
import { sendQueryError, sendQueryResult, StsError as QueryError, type XmlValue } from "../sts/query-xml";
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
const NAMESPACE = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
const VERSION = "2010-05-15";
const OPERATIONS = new Set(["GetTemplate", "DescribeStackResources"]);
// "Only the first 100 resources will be returned" (DescribeStackResources).
const MAX_DESCRIBED_RESOURCES = 100;

const FAULT_ERRORS: Partial<Record<FaultSpec["kind"], () => QueryError>> = {
  AccessDenied: () => new QueryError("AccessDenied", "User is not authorized to perform this action (injected fault)", 403),
  Unauthorized: () =>
    new QueryError("InvalidClientTokenId", "The security token included in the request is invalid. (injected fault)", 403),
  InternalError: () => new QueryError("InternalFailure", "Internal server error (injected fault)", 500),
  Throttle: () => new QueryError("Throttling", "Rate exceeded", 400),
};

// AWS's wording for a stack that is not there (deleted, or never existed) is a ValidationError.
const stackMissing = (name: string) => new QueryError("ValidationError", `Stack with id ${name} does not exist`, 400);

async function readParams(req: IncomingMessage, url: URL): Promise<URLSearchParams> {
  const params = new URLSearchParams(url.searchParams);
  for (const [key, value] of new URLSearchParams(await readBody(req))) params.set(key, value);
  return params;
}

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
  const params = await readParams(req, url);
  const action = params.get("Action");
  const entry = deps.requestLog.add({
    operation: action ?? "Unknown",
    method: req.method ?? "POST",
    path: url.pathname,
    query: url.search,
    accountId: caller.accountId,
    region: caller.region,
    time: Date.now(),
    status: 0,
  });
  const fail = (error: QueryError) => {
    entry.status = error.status;
    sendQueryError(res, NAMESPACE, error);
  };
  if (!action) return fail(new QueryError("MissingAction", "Missing Action", 400));
  if (!OPERATIONS.has(action) || params.get("Version") !== VERSION)
    return fail(
      new QueryError(
        "InvalidAction",
        `Could not find operation ${action} for version ${params.get("Version") ?? "NO_VERSION_SPECIFIED"}`,
        400,
      ),
    );
  // The denied key stands for credentials without cloudformation:* (the IAM policy's optional statement left out).
  if (caller.accountId === DENIED_ACCOUNT_ID)
    return fail(
      new QueryError(
        "AccessDenied",
        `User: arn:aws:iam::${DENIED_ACCOUNT_ID}:user/denied is not authorized to perform: cloudformation:${action} because no identity-based policy allows the cloudformation:${action} action`,
        403,
      ),
    );
  const fault = deps.faults.take(action, caller.accountId);
  if (await applyTransportFault(res, fault)) return;
  const faultError = fault ? FAULT_ERRORS[fault.kind] : undefined;
  if (faultError) return fail(faultError());

  const stacks = stacksOf(deps.store.regionState(caller.accountId, caller.region));
  let result: Record<string, XmlValue>;
  try {
    result = action === "GetTemplate" ? getTemplate(params, stacks) : describeStackResources(params, stacks);
  } catch (error) {
    if (QueryError.is(error)) return fail(error);
    throw error;
  }
  entry.status = 200;
  sendQueryResult(res, NAMESPACE, action, result);
}
