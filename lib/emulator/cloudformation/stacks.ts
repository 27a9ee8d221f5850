/**
 * The emulator's CloudFormation stacks: just enough for Preflight's read-only use (GetTemplate,
 * DescribeStackResources). A stack is "deployed" by a seed, which also tags what it created the way
 * CloudFormation does (`aws:cloudformation:stack-name`, `…:logical-id`, `…:stack-id`).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-resource-tags.html
 */
import type { RegionState } from "../state";

export interface StackResource {
  logicalId: string;
  physicalId: string;
  /** e.g. AWS::ApiGateway::RestApi; after the transform, as DescribeStackResources lists them. */
  type: string;
}

export interface StackState {
  stackName: string;
  stackId: string;
  /** Epoch milliseconds. */
  createdAt: number;
  /** The template as submitted (TemplateStage=Original): a SAM template before its transform. Read lazily (a file). */
  originalTemplate: () => string;
  /** The processed template, when the seed holds one (a template without a transform processes to itself). */
  processedTemplate?: () => string;
  resources: StackResource[];
}

export function stacksOf(state: RegionState): Map<string, StackState> {
  state.stacks ??= new Map();
  return state.stacks;
}

/** Tags CloudFormation puts on every resource it creates that supports tags. */
export function cloudFormationTags(stack: Pick<StackState, "stackName" | "stackId">, logicalId: string): Record<string, string> {
  return {
    "aws:cloudformation:stack-name": stack.stackName,
    "aws:cloudformation:stack-id": stack.stackId,
    "aws:cloudformation:logical-id": logicalId,
  };
}

export const stackArn = (region: string, accountId: string, stackName: string, uuid: string): string =>
  `arn:aws:cloudformation:${region}:${accountId}:stack/${stackName}/${uuid}`;
