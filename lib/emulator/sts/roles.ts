/**
 * Roles the emulator's STS knows something about. Any well-formed role ARN can be assumed (the role's
 * account is the ARN's account); a role listed here can additionally require an external id, the
 * `sts:ExternalId` condition of its trust policy, and cap the session duration.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html
 */
export interface EmulatorRole {
  arn: string;
  /** AssumeRole must pass exactly this ExternalId, or it is denied. */
  externalId?: string;
  /** The role's MaxSessionDuration (AWS default 3600, at most 43200). */
  maxSessionDurationSeconds?: number;
}

export const PREFLIGHT_AUDIT_ROLE_ARN = "arn:aws:iam::210987654321:role/PreflightAudit";
export const PREFLIGHT_AUDIT_EXTERNAL_ID = "preflight-demo";

/** Seeded unless `startEmulator({ roles })` says otherwise: the cross-account role of the demo. */
export const SEEDED_ROLES: readonly EmulatorRole[] = [{ arn: PREFLIGHT_AUDIT_ROLE_ARN, externalId: PREFLIGHT_AUDIT_EXTERNAL_ID }];

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns (path optional)
const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/;

export interface ParsedRoleArn {
  partition: string;
  accountId: string;
  /** The name without its path: assumed-role ARNs leave the path out. */
  name: string;
}

export function parseRoleArn(arn: string): ParsedRoleArn | undefined {
  const match = ROLE_ARN.exec(arn);
  if (!match) return undefined;
  return { partition: arn.split(":")[1] as string, accountId: match[1] as string, name: match[3] as string };
}
