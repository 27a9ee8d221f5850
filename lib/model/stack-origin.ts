import type { StackOrigin } from "@/lib/model/types";

/**
 * The stack a live API came from, read from the tags CloudFormation puts on what it creates
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-resource-tags.html).
 * The `aws:` prefix is reserved, but a hostile or broken endpoint can send anything: only names
 * CloudFormation could have written are taken, so what reaches a header, a report or a GetTemplate
 * call is a stack name ("[A-Za-z][A-Za-z0-9-]{0,127}", API_CfnStackDetail / SetAlias constraints) and an
 * alphanumeric logical id ("The logical ID must be alphanumeric (A-Za-z0-9)", resources-section-structure.html,
 * 255 characters at most).
 */
export const STACK_NAME_TAG = "aws:cloudformation:stack-name";
export const LOGICAL_ID_TAG = "aws:cloudformation:logical-id";

const STACK_NAME = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;
const LOGICAL_ID = /^[A-Za-z0-9]{1,255}$/;

export function stackOriginOf(tags: Readonly<Record<string, string>> | undefined): StackOrigin | undefined {
  if (!tags) return undefined;
  const stackName = Object.hasOwn(tags, STACK_NAME_TAG) ? tags[STACK_NAME_TAG] : undefined;
  const logicalId = Object.hasOwn(tags, LOGICAL_ID_TAG) ? tags[LOGICAL_ID_TAG] : undefined;
  if (typeof stackName !== "string" || typeof logicalId !== "string") return undefined;
  if (!STACK_NAME.test(stackName) || !LOGICAL_ID.test(logicalId)) return undefined;
  return { stackName, logicalId };
}
