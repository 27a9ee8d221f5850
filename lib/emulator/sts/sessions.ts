import type { Caller } from "../credentials";
import { stableUniqueId } from "./ids";
import type { EmulatorRole } from "./roles";

/** One set of temporary credentials AssumeRole handed out. */
export interface RoleSession {
  accessKeyId: string;
  accountId: string;
  roleArn: string;
  roleName: string;
  sessionName: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** Who a caller is, as GetCallerIdentity answers it. */
export interface CallerIdentity {
  accountId: string;
  arn: string;
  userId: string;
  /** Present when the caller uses AssumeRole credentials (role chaining limits apply). */
  session?: RoleSession;
}

/**
 * The emulator's STS state: configured roles and the temporary credentials it issued. Temporary
 * access key ids are only meaningful to the emulator that issued them (cleared on reset).
 */
export class StsState {
  private readonly roles: Map<string, EmulatorRole>;
  private readonly sessions = new Map<string, RoleSession>();

  constructor(roles: readonly EmulatorRole[]) {
    this.roles = new Map(roles.map((role) => [role.arn, role]));
  }

  role(arn: string): EmulatorRole | undefined {
    return this.roles.get(arn);
  }

  register(session: RoleSession): void {
    this.sessions.set(session.accessKeyId, session);
  }

  session(accessKeyId: string): RoleSession | undefined {
    return this.sessions.get(accessKeyId);
  }

  clear(): void {
    this.sessions.clear();
  }

  /** The caller with its account corrected for temporary credentials this emulator issued. */
  resolve<T extends Caller>(caller: T): T {
    const session = this.sessions.get(caller.accessKeyId);
    return session ? { ...caller, accountId: session.accountId } : caller;
  }

  /**
   * The caller's identity; undefined for an `ASIA…` key this emulator never issued (AWS:
   * InvalidClientTokenId). Long-term keys are the IAM user `emulator` of the key's account.
   */
  identity(caller: Caller): CallerIdentity | undefined {
    const session = this.sessions.get(caller.accessKeyId);
    if (session) {
      const partition = session.roleArn.split(":")[1] as string;
      return {
        accountId: session.accountId,
        // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns: assumed-role/<name>/<session>
        arn: `arn:${partition}:sts::${session.accountId}:assumed-role/${session.roleName}/${session.sessionName}`,
        // aws:userid of a role session is role-id:session-name (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#principaltable)
        userId: `${stableUniqueId("AROA", session.roleArn)}:${session.sessionName}`,
        session,
      };
    }
    if (caller.accessKeyId.startsWith("ASIA")) return undefined;
    return {
      accountId: caller.accountId,
      arn: `arn:aws:iam::${caller.accountId}:user/emulator`,
      userId: stableUniqueId("AIDA", `${caller.accountId}/emulator`),
    };
  }
}
