import type { IdentitySource } from "@/lib/model/types";

// Identity source syntax (comma-separated mapping expressions such as method.request.header.Auth,
// method.request.querystring.q, stageVariables.v, context.c):
// https://docs.aws.amazon.com/apigateway/latest/api/API_Authorizer.html
const PREFIXES: ReadonlyArray<[string, IdentitySource["location"]]> = [
  ["method.request.header.", "header"],
  ["method.request.querystring.", "querystring"],
  ["method.request.multivalueheader.", "header"],
  ["method.request.multivaluequerystring.", "querystring"],
  ["stageVariables.", "stageVariable"],
  ["context.", "context"],
];

/** Parses one identity source expression; unknown forms are kept with location "other". */
export function parseIdentitySource(expression: string): IdentitySource {
  const trimmed = expression.trim();
  for (const [prefix, location] of PREFIXES) {
    if (trimmed.startsWith(prefix) && trimmed.length > prefix.length) {
      return { expression: trimmed, location, name: trimmed.slice(prefix.length) };
    }
  }
  return { expression: trimmed, location: "other", name: trimmed };
}

/** Parses an authorizer's `identitySource` (comma-separated); empty entries are dropped. */
export function parseIdentitySources(identitySource: string | undefined): IdentitySource[] {
  if (!identitySource) return [];
  return identitySource
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map(parseIdentitySource);
}
