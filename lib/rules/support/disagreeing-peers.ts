import type { DisagreeingPeer } from "@/lib/rules/types";

const OPEN_PREFLIGHT_REASON =
  "CORS preflight: browsers send OPTIONS without credentials (Fetch standard), so it cannot carry an authorizer token or API key; the MOCK integration returns only CORS headers and reaches no backend.";

/** Peers that fail an OPTIONS method with authorization NONE, which the preflight rules recommend. */
export const OPEN_PREFLIGHT_PEERS: readonly DisagreeingPeer[] = [
  {
    tool: "Checkov",
    id: "CKV2_AWS_70",
    flags: "fails aws_api_gateway_method OPTIONS with authorization NONE and no API key (unless the API is PRIVATE or its policy denies)",
    reason: OPEN_PREFLIGHT_REASON,
    whenFixes: ["set-method-authorization", "set-method-api-key-required", "add-cors-preflight"],
    url: "https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/aws/APIGatewayMethodWOAuth.py",
  },
  {
    tool: "Powerpipe",
    id: "api_gateway_method_authorization_type_configured",
    flags: "alarms on every API Gateway method whose authorization type is NONE, OPTIONS included",
    reason: OPEN_PREFLIGHT_REASON,
    whenFixes: ["set-method-authorization", "add-cors-preflight"],
    url: "https://hub.powerpipe.io/mods/turbot/aws_compliance",
  },
  {
    tool: "cdk-nag",
    id: "AwsSolutions-APIG4",
    flags:
      "reports methods without authorization; only an OPTIONS answering 204 with CORS headers is exempt, so a 200 MOCK preflight is reported",
    reason: OPEN_PREFLIGHT_REASON,
    whenFixes: ["set-method-authorization", "add-cors-preflight"],
    url: "https://github.com/cdklabs/cdk-nag/blob/main/RULES.md",
  },
];

const PER_USER_CACHE_REASON =
  "Authorized responses differ per caller: a stage cache keyed without the caller's identity serves one user's data to another, so caching stays off (or keyed on the identity) for this method.";

/** Peers that push stage caching on for every method, including authorized per-user GETs. */
export const CACHE_EVERYTHING_PEERS: readonly DisagreeingPeer[] = [
  {
    tool: "Checkov",
    id: "CKV_AWS_225",
    // CKV_AWS_120 checks the stage's cache cluster, which this fix leaves on; CKV_AWS_225 checks the method setting.
    flags:
      "fails aws_api_gateway_method_settings whose caching_enabled is false (CKV_AWS_120, on the stage's cache cluster, stays satisfied)",
    reason: PER_USER_CACHE_REASON,
    whenFixes: ["set-stage-method-setting"],
    url: "https://www.checkov.io/5.Policy%20Index/terraform.html",
  },
  {
    tool: "AWS Config",
    id: "api-gw-cache-enabled-and-encrypted",
    flags: "is NON_COMPLIANT when a stage's cache is off or unencrypted",
    reason: PER_USER_CACHE_REASON,
    whenFixes: ["set-stage-method-setting"],
    url: "https://docs.aws.amazon.com/config/latest/developerguide/api-gw-cache-enabled-and-encrypted.html",
  },
];

/** One sentence for a finding whose fix a peer will flag. */
export function peersSentence(peers: readonly DisagreeingPeer[], fixKinds: readonly string[]): string | undefined {
  const relevant = peers.filter((peer) => peer.whenFixes.some((kind) => fixKinds.includes(kind)));
  if (relevant.length === 0) return undefined;
  const names = relevant.map((peer) => `${peer.tool} ${peer.id}`).join(", ");
  return `${names} will flag this fix; it is intended: ${relevant[0]?.reason ?? ""}`;
}
