/** A profile as the connection picker lists it: names, kinds and regions only, never secrets. */
export interface ProfileOption {
  name: string;
  kind: string;
  region?: string;
  supported: boolean;
}
