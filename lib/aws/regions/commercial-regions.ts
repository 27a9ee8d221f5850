/**
 * Every commercial (partition "aws") region with an API Gateway control-plane endpoint
 * apigateway.{region}.amazonaws.com: https://docs.aws.amazon.com/general/latest/gr/apigateway.html
 * (and the SDK's own "aws" partition table). GovCloud and China are other partitions, reached with
 * other accounts, so they are not listed.
 */
export interface RegionInfo {
  code: string;
  name: string;
  /** Regions launched after 20 March 2019 are disabled until the account opts in:
   * https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html */
  optIn: boolean;
}

export const COMMERCIAL_REGIONS: readonly RegionInfo[] = Object.freeze([
  { code: "us-east-1", name: "US East (N. Virginia)", optIn: false },
  { code: "us-east-2", name: "US East (Ohio)", optIn: false },
  { code: "us-west-1", name: "US West (N. California)", optIn: false },
  { code: "us-west-2", name: "US West (Oregon)", optIn: false },
  { code: "af-south-1", name: "Africa (Cape Town)", optIn: true },
  { code: "ap-east-1", name: "Asia Pacific (Hong Kong)", optIn: true },
  { code: "ap-east-2", name: "Asia Pacific (Taipei)", optIn: true },
  { code: "ap-south-1", name: "Asia Pacific (Mumbai)", optIn: false },
  { code: "ap-south-2", name: "Asia Pacific (Hyderabad)", optIn: true },
  { code: "ap-northeast-1", name: "Asia Pacific (Tokyo)", optIn: false },
  { code: "ap-northeast-2", name: "Asia Pacific (Seoul)", optIn: false },
  { code: "ap-northeast-3", name: "Asia Pacific (Osaka)", optIn: false },
  { code: "ap-southeast-1", name: "Asia Pacific (Singapore)", optIn: false },
  { code: "ap-southeast-2", name: "Asia Pacific (Sydney)", optIn: false },
  { code: "ap-southeast-3", name: "Asia Pacific (Jakarta)", optIn: true },
  { code: "ap-southeast-4", name: "Asia Pacific (Melbourne)", optIn: true },
  { code: "ap-southeast-5", name: "Asia Pacific (Malaysia)", optIn: true },
  { code: "ap-southeast-6", name: "Asia Pacific (New Zealand)", optIn: true },
  { code: "ap-southeast-7", name: "Asia Pacific (Thailand)", optIn: true },
  { code: "ca-central-1", name: "Canada (Central)", optIn: false },
  { code: "ca-west-1", name: "Canada West (Calgary)", optIn: true },
  { code: "eu-central-1", name: "Europe (Frankfurt)", optIn: false },
  { code: "eu-central-2", name: "Europe (Zurich)", optIn: true },
  { code: "eu-west-1", name: "Europe (Ireland)", optIn: false },
  { code: "eu-west-2", name: "Europe (London)", optIn: false },
  { code: "eu-west-3", name: "Europe (Paris)", optIn: false },
  { code: "eu-south-1", name: "Europe (Milan)", optIn: true },
  { code: "eu-south-2", name: "Europe (Spain)", optIn: true },
  { code: "eu-north-1", name: "Europe (Stockholm)", optIn: false },
  { code: "il-central-1", name: "Israel (Tel Aviv)", optIn: true },
  { code: "me-south-1", name: "Middle East (Bahrain)", optIn: true },
  { code: "me-central-1", name: "Middle East (UAE)", optIn: true },
  { code: "mx-central-1", name: "Mexico (Central)", optIn: true },
  { code: "sa-east-1", name: "South America (São Paulo)", optIn: false },
]);

const BY_CODE = new Map(COMMERCIAL_REGIONS.map((r) => [r.code, r]));

export function findRegion(code: string): RegionInfo | undefined {
  return BY_CODE.get(code);
}

// Shape of a region code in the commercial partition (the SDK's partition regex).
const REGION_SHAPE = /^(us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-\d+$/;

/** True when `code` looks like a region (a new region not yet in the list still passes). */
export function isRegionShaped(code: string): boolean {
  return REGION_SHAPE.test(code);
}
