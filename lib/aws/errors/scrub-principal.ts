/**
 * IAM denials name the caller: "User: arn:aws:iam::123456789012:user/preflight is not authorized to perform:
 * sts:AssumeRole on resource: …" (https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html).
 * On a shared deployment the caller is the server's own identity, which a visitor must not learn (it names the account
 * and the principal to target). Role ARNs the visitor chose and API Gateway resource ARNs are kept.
 */
export const SERVER_PRINCIPAL = "[this server's AWS identity]";

// Principal ARNs: IAM users, the account root, STS assumed-role and federated-user sessions; the account id is
// 12 digits and the name part stops at whitespace or quoting, so the match is linear.
const PRINCIPAL_ARN = /\barn:aws[a-z-]*:(?:iam|sts)::\d{12}:(?:root|user\/[^\s"',;]*|assumed-role\/[^\s"',;]*|federated-user\/[^\s"',;]*)/g;
// "User: <anything up to ' is not authorized'>" also covers principals written without an ARN ("User: anonymous").
const DENIAL_SUBJECT = /\bUser: (?!\[this server)[^\s"',;]{1,2048}(?= is not authorized)/g;

export function scrubServerPrincipal(text: string): string {
  return text.replace(PRINCIPAL_ARN, SERVER_PRINCIPAL).replace(DENIAL_SUBJECT, `User: ${SERVER_PRINCIPAL}`);
}
