import { randomSecret, temporaryAccessKeyId } from "./ids";
import { QueryError, type XmlValue } from "../query/query-xml";
import { parseRoleArn } from "./roles";
import type { CallerIdentity, StsState } from "./sessions";

/**
 * GetCallerIdentity and AssumeRole. Limits and messages follow
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html and
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html.
 */
type Params = URLSearchParams;

const DEFAULT_DURATION_SECONDS = 3600;
const MIN_DURATION_SECONDS = 900;
const MAX_DURATION_SECONDS = 43200;
// "Role chaining limits your … role session to a maximum of one hour" (AssumeRole, DurationSeconds).
const CHAINED_MAX_DURATION_SECONDS = 3600;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const EXTERNAL_ID = /^[\w+=,./@:-]{2,1224}$/;

// AWS's request-validation wording: "1 validation error detected: Value 'x' at 'member' failed to satisfy constraint: …".
const invalid = (value: string | null, member: string, constraint: string) =>
  new QueryError(
    "ValidationError",
    `1 validation error detected: Value ${value === null ? "null" : `'${value}'`} at '${member}' failed to satisfy constraint: ${constraint}`,
    400,
  );

export const accessDenied = (identity: Pick<CallerIdentity, "arn">, action: string, resource?: string) =>
  new QueryError(
    "AccessDenied",
    `User: ${identity.arn} is not authorized to perform: sts:${action}${resource ? ` on resource: ${resource}` : ""}`,
    403,
  );

export function getCallerIdentity(identity: CallerIdentity): Record<string, XmlValue> {
  return { Arn: identity.arn, UserId: identity.userId, Account: identity.accountId };
}

function durationSeconds(params: Params): number {
  const raw = params.get("DurationSeconds");
  if (raw === null) return DEFAULT_DURATION_SECONDS;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw invalid(raw, "durationSeconds", "Member must be an integer");
  if (value < MIN_DURATION_SECONDS)
    throw invalid(raw, "durationSeconds", `Member must have value greater than or equal to ${MIN_DURATION_SECONDS}`);
  if (value > MAX_DURATION_SECONDS)
    throw invalid(raw, "durationSeconds", `Member must have value less than or equal to ${MAX_DURATION_SECONDS}`);
  return value;
}

export function assumeRole(params: Params, caller: CallerIdentity, sts: StsState, now = Date.now()): Record<string, XmlValue> {
  const roleArn = params.get("RoleArn");
  const sessionName = params.get("RoleSessionName");
  const externalId = params.get("ExternalId");
  if (roleArn === null) throw invalid(null, "roleArn", "Member must not be null");
  if (roleArn.length < 20 || roleArn.length > 2048) throw invalid(roleArn, "roleArn", "Member must have length between 20 and 2048");
  if (sessionName === null) throw invalid(null, "roleSessionName", "Member must not be null");
  if (!SESSION_NAME.test(sessionName))
    throw invalid(
      sessionName,
      "roleSessionName",
      "Member must satisfy regular expression pattern: [\\w+=,.@-]* and have length between 2 and 64",
    );
  if (externalId !== null && !EXTERNAL_ID.test(externalId))
    throw invalid(
      externalId,
      "externalId",
      "Member must satisfy regular expression pattern: [\\w+=,./@:-]* and have length between 2 and 1224",
    );
  const duration = durationSeconds(params);
  // AWS does not document the wording for a malformed ARN; this one is the emulator's.
  const parsed = parseRoleArn(roleArn);
  if (!parsed) throw new QueryError("ValidationError", `${roleArn} is not a valid IAM role ARN (arn:aws:iam::123456789012:role/Name)`, 400);

  const role = sts.role(roleArn);
  if (duration > (role?.maxSessionDurationSeconds ?? DEFAULT_DURATION_SECONDS)) {
    throw new QueryError("ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.", 400);
  }
  if (caller.session && duration > CHAINED_MAX_DURATION_SECONDS) {
    throw new QueryError(
      "ValidationError",
      "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
      400,
    );
  }
  // The trust policy's sts:ExternalId condition: a wrong or missing id is an ordinary access denial.
  if (role?.externalId !== undefined && externalId !== role.externalId) throw accessDenied(caller, "AssumeRole", roleArn);

  const accessKeyId = temporaryAccessKeyId();
  const expiresAt = Math.floor(now / 1000) * 1000 + duration * 1000;
  sts.register({ accessKeyId, accountId: parsed.accountId, roleArn, roleName: parsed.name, sessionName, expiresAt });
  const identity = sts.identity({ accessKeyId, accountId: parsed.accountId, region: "", service: "sts" });
  if (!identity) throw new QueryError("InternalFailure", "The issued session could not be found", 500);
  return {
    Credentials: {
      AccessKeyId: accessKeyId,
      SecretAccessKey: randomSecret(40),
      SessionToken: `FwoGZXIvYXdzE${randomSecret(300)}`,
      // Second precision, as in the API reference's example (2019-11-09T13:34:41Z).
      Expiration: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, "Z"),
    },
    AssumedRoleUser: { AssumedRoleId: identity.userId, Arn: identity.arn },
  };
}
