import { CreateRestApiCommand, GetRestApisCommand } from "@aws-sdk/client-api-gateway";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient, STSServiceException } from "@aws-sdk/client-sts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SECOND_ACCOUNT_ID } from "../credentials";
import { startEmulator, type Emulator } from "../index";
import { emulatorClient } from "../testing/sdk-client";
import { PREFLIGHT_AUDIT_EXTERNAL_ID, PREFLIGHT_AUDIT_ROLE_ARN } from "./roles";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({
    roles: [
      { arn: PREFLIGHT_AUDIT_ROLE_ARN, externalId: PREFLIGHT_AUDIT_EXTERNAL_ID },
      { arn: "arn:aws:iam::210987654321:role/LongSessions", maxSessionDurationSeconds: 7200 },
    ],
  });
});
afterAll(async () => emulator.close());
afterEach(() => emulator.reset());

type Keys = { accessKeyId: string; secretAccessKey?: string; sessionToken?: string };
const sts = (keys: Keys = { accessKeyId: "AKIAEMULATORDEFAULT1" }) =>
  new STSClient({ endpoint: emulator.url, region: "eu-west-1", maxAttempts: 1, credentials: { secretAccessKey: "fake-secret", ...keys } });

const assume = (params: Partial<ConstructorParameters<typeof AssumeRoleCommand>[0]> = {}, keys?: Keys) =>
  sts(keys).send(
    new AssumeRoleCommand({
      RoleArn: PREFLIGHT_AUDIT_ROLE_ARN,
      RoleSessionName: "audit",
      ExternalId: PREFLIGHT_AUDIT_EXTERNAL_ID,
      ...params,
    }),
  );

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error as STSServiceException,
  );

function signed(body: string, accessKeyId = "AKIAEMULATORDEFAULT1"): RequestInit {
  return {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded; charset=utf-8",
      authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20260101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=00`,
    },
    body,
  };
}

describe("STS GetCallerIdentity", () => {
  it("answers the long-term key's account, an IAM user ARN and an AIDA user id", async () => {
    const me = await sts().send(new GetCallerIdentityCommand({}));
    expect(me).toMatchObject({ Account: "123456789012", Arn: "arn:aws:iam::123456789012:user/emulator" });
    expect(me.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    const second = await sts({ accessKeyId: "AKIAEMULATORSECOND01" }).send(new GetCallerIdentityCommand({}));
    expect(second.Account).toBe(SECOND_ACCOUNT_ID);
    expect(emulator.requestLog.entries().map((e) => [e.operation, e.accountId, e.region, e.status])).toEqual([
      ["GetCallerIdentity", "123456789012", "eu-west-1", 200],
      ["GetCallerIdentity", SECOND_ACCOUNT_ID, "eu-west-1", 200],
    ]);
  });

  it("sends AWS's Query-protocol XML", async () => {
    const response = await fetch(emulator.url, signed("Action=GetCallerIdentity&Version=2011-06-15"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/xml");
    const requestId = response.headers.get("x-amzn-requestid");
    expect(await response.text()).toMatch(
      new RegExp(
        `^<\\?xml version="1.0" encoding="UTF-8"\\?>\\n<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/emulator</Arn><UserId>AIDA[A-Z2-7]{17}</UserId><Account>123456789012</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>\\n$`,
      ),
    );
  });

  it("answers errors as <ErrorResponse> with Type, Code and Message", async () => {
    const roleArn = "arn:aws:iam::210987654321:role/PreflightAudit";
    const denied = await fetch(
      emulator.url,
      signed(`Action=AssumeRole&Version=2011-06-15&RoleArn=${encodeURIComponent(roleArn)}&RoleSessionName=s`, "AKIAEMULATORDENIED01"),
    );
    expect(denied.status).toBe(403);
    const requestId = denied.headers.get("x-amzn-requestid");
    expect(await denied.text()).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::555555555555:user/emulator is not authorized to perform: sts:AssumeRole on resource: ${roleArn}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>\n`,
    );
    // GetCallerIdentity cannot be denied by policy: even the denied key learns its account.
    const whoAmI = await fetch(emulator.url, signed("Action=GetCallerIdentity&Version=2011-06-15", "AKIAEMULATORDENIED01"));
    expect(whoAmI.status).toBe(200);
    expect(await whoAmI.text()).toContain("<Account>555555555555</Account>");
    const unknown = await fetch(emulator.url, signed("Action=GetSessionToken&Version=2011-06-15"));
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain(
      "<Code>InvalidAction</Code><Message>Could not find operation GetSessionToken for version 2011-06-15</Message>",
    );
    const oldVersion = await fetch(emulator.url, signed("Action=GetCallerIdentity&Version=2010-01-01"));
    expect(await oldVersion.text()).toContain("<Code>InvalidAction</Code>");
    expect(emulator.requestLog.entries().map((e) => [e.operation, e.status])).toEqual([
      ["AssumeRole", 403],
      ["GetCallerIdentity", 200],
      ["GetSessionToken", 400],
      ["GetCallerIdentity", 400],
    ]);
  });

  it("refuses a temporary key it never issued (InvalidClientTokenId)", async () => {
    const error = await rejection(sts({ accessKeyId: "ASIAAAAAAAAAAAAAAAAA", sessionToken: "x" }).send(new GetCallerIdentityCommand({})));
    expect(error).toMatchObject({ name: "InvalidClientTokenId", $metadata: { httpStatusCode: 403 } });
  });

  it("applies injected faults to STS operations", async () => {
    emulator.faults.add({ operation: "GetCallerIdentity", kind: "InternalError", times: 1 });
    const error = await rejection(sts().send(new GetCallerIdentityCommand({})));
    expect(error.$metadata.httpStatusCode).toBe(500);
    expect(error.$fault).toBe("server");
    await expect(sts().send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({ Account: "123456789012" });
  });
});

describe("STS AssumeRole", () => {
  it("issues ASIA credentials that act in the role's account, for STS and API Gateway alike", async () => {
    const before = Date.now();
    const { Credentials, AssumedRoleUser } = await assume({ DurationSeconds: 900 });
    expect(Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(Credentials?.SecretAccessKey).toHaveLength(40);
    expect(Credentials?.SessionToken?.length).toBeGreaterThan(100);
    const expires = Credentials!.Expiration!.getTime();
    expect(expires).toBeGreaterThanOrEqual(before - 1000 + 900_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 900_000);
    expect(AssumedRoleUser?.Arn).toBe("arn:aws:sts::210987654321:assumed-role/PreflightAudit/audit");
    expect(AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:audit$/);

    const keys = {
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretAccessKey!,
      sessionToken: Credentials!.SessionToken!,
    };
    const me = await sts(keys).send(new GetCallerIdentityCommand({}));
    expect(me).toEqual(
      expect.objectContaining({ Account: SECOND_ACCOUNT_ID, Arn: AssumedRoleUser!.Arn, UserId: AssumedRoleUser!.AssumedRoleId }),
    );

    const gateway = emulatorClient(emulator.url, keys);
    await gateway.send(new CreateRestApiCommand({ name: "made-through-the-role" }));
    expect((await gateway.send(new GetRestApisCommand({}))).items?.map((api) => api.name)).toEqual(["made-through-the-role"]);
    expect(emulator.requestLog.entries().at(-1)).toMatchObject({ operation: "GetRestApis", accountId: SECOND_ACCOUNT_ID });
    expect(emulator.requestLog.count("AssumeRole")).toBe(1);
  });

  it("assumes any well-formed role ARN (path left out of the session ARN); the role's account is the ARN's", async () => {
    const { AssumedRoleUser } = await assume({ RoleArn: "arn:aws:iam::444455556666:role/teams/Reader", ExternalId: undefined });
    expect(AssumedRoleUser?.Arn).toBe("arn:aws:sts::444455556666:assumed-role/Reader/audit");
  });

  it("denies a wrong or missing external id with AccessDenied naming sts:AssumeRole and the role", async () => {
    const message = `User: arn:aws:iam::123456789012:user/emulator is not authorized to perform: sts:AssumeRole on resource: ${PREFLIGHT_AUDIT_ROLE_ARN}`;
    for (const ExternalId of ["wrong-id", undefined]) {
      const error = await rejection(assume({ ExternalId }));
      expect(error).toMatchObject({ name: "AccessDenied", message, $fault: "client", $metadata: { httpStatusCode: 403 } });
    }
    expect(emulator.requestLog.entries().map((e) => [e.operation, e.status])).toEqual([
      ["AssumeRole", 403],
      ["AssumeRole", 403],
    ]);
  });

  it("denies every call of the denied key", async () => {
    const error = await rejection(assume({}, { accessKeyId: "AKIAEMULATORDENIED01" }));
    expect(error).toMatchObject({
      name: "AccessDenied",
      message: `User: arn:aws:iam::555555555555:user/emulator is not authorized to perform: sts:AssumeRole on resource: ${PREFLIGHT_AUDIT_ROLE_ARN}`,
    });
  });

  it("enforces DurationSeconds bounds, the role's MaxSessionDuration and the role-chaining hour", async () => {
    expect(await rejection(assume({ DurationSeconds: 899 }))).toMatchObject({
      name: "ValidationError",
      message:
        "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
      $metadata: { httpStatusCode: 400 },
    });
    expect((await rejection(assume({ DurationSeconds: 43201 }))).message).toContain("less than or equal to 43200");
    expect((await rejection(assume({ DurationSeconds: 3601 }))).message).toBe(
      "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
    );
    const long = await assume({ RoleArn: "arn:aws:iam::210987654321:role/LongSessions", ExternalId: undefined, DurationSeconds: 7200 });
    const keys = { accessKeyId: long.Credentials!.AccessKeyId!, sessionToken: long.Credentials!.SessionToken! };
    const chained = await rejection(
      assume({ RoleArn: "arn:aws:iam::210987654321:role/LongSessions", ExternalId: undefined, DurationSeconds: 7200 }, keys),
    );
    expect(chained.message).toBe("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
    await expect(assume({ DurationSeconds: 3600 }, keys)).resolves.toBeDefined();
  });

  it("validates RoleArn and RoleSessionName", async () => {
    expect(await rejection(assume({ RoleArn: "arn:aws:iam::123456789012:user/alice" }))).toMatchObject({
      name: "ValidationError",
      $metadata: { httpStatusCode: 400 },
    });
    expect((await rejection(assume({ RoleArn: "short" }))).message).toContain(
      "at 'roleArn' failed to satisfy constraint: Member must have length between 20 and 2048",
    );
    expect((await rejection(assume({ RoleSessionName: "has space" }))).message).toContain("at 'roleSessionName'");
    expect((await rejection(assume({ ExternalId: "x" }))).message).toContain("at 'externalId'");
  });

  it("forgets issued credentials on reset", async () => {
    const { Credentials } = await assume();
    emulator.reset();
    const error = await rejection(
      sts({ accessKeyId: Credentials!.AccessKeyId!, sessionToken: Credentials!.SessionToken! }).send(new GetCallerIdentityCommand({})),
    );
    expect(error.name).toBe("InvalidClientTokenId");
  });
});
