import { DEFAULT_ACCOUNT_ID } from "./store";

/**
 * Who is calling: the access key id and region from the SigV4 `Authorization` header's credential
 * scope (`Credential=AKID/20261122/eu-west-1/apigateway/aws4_request`), and the service it was signed
 * for (`apigateway`, or `sts` for the emulator's STS). Signatures are not verified.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-signing-request.html
 */
export const SECOND_ACCOUNT_ID = "210987654321";
export const DENIED_ACCOUNT_ID = "555555555555";

/** Documented in SPEC.md; unknown keys fall back to the default account. */
export const ACCESS_KEY_ACCOUNTS: Readonly<Record<string, string>> = {
  AKIAEMULATORSECOND01: SECOND_ACCOUNT_ID,
  AKIAEMULATORDENIED01: DENIED_ACCOUNT_ID,
};

export interface Caller {
  accessKeyId: string;
  accountId: string;
  region: string;
  /** The credential scope's service, e.g. "apigateway" or "sts" ("" when there is no scope). */
  service: string;
}

export function accountForAccessKey(accessKeyId: string): string {
  return ACCESS_KEY_ACCOUNTS[accessKeyId] ?? DEFAULT_ACCOUNT_ID;
}

export function parseAuthorization(header: string | undefined, defaultRegion: string): Caller | undefined {
  if (!header) return undefined;
  const match = /Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request/.exec(header);
  if (!match) {
    // Signed some other way: still accepted (signatures are not checked), default account and region.
    return { accessKeyId: "", accountId: DEFAULT_ACCOUNT_ID, region: defaultRegion, service: "" };
  }
  const accessKeyId = match[1] as string;
  return { accessKeyId, accountId: accountForAccessKey(accessKeyId), region: match[3] as string, service: match[4] as string };
}
