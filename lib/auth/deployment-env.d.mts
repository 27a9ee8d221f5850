export interface SignInEnv {
  configured: boolean;
  problems: string[];
  issuer: string | undefined;
  clientId: string | undefined;
  clientSecret: string | undefined;
  allowedDomains: string[];
  allowedGroups: string[];
  groupsClaim: string;
}
export function signInEnv(env: Readonly<Record<string, string | undefined>>): SignInEnv;
export function isLoopbackHost(hostname: string): boolean;
export function splitHostHeader(value: string): { hostname: string; port: string | undefined } | undefined;
export function publicUrlOf(env: Readonly<Record<string, string | undefined>>): URL | undefined;
export function readOnlyEnv(env: Readonly<Record<string, string | undefined>>): boolean;
export function exposureRefusal(env: Readonly<Record<string, string | undefined>>, host: string): string | undefined;
