/**
 * How an element of an API is named in a template source's `locations`, so a finding's target finds the
 * line it was written on without knowing the format.
 */
import type { FindingTarget } from "@/lib/rules/types";
import type { AuditSource, SourcePosition } from "@/lib/audit/source";

export type ElementRef =
  | { kind: "api" }
  | { kind: "resource"; path: string }
  | { kind: "method"; path: string; httpMethod: string }
  | { kind: "authorizer"; id: string }
  | { kind: "stage"; name: string }
  | { kind: "gatewayResponse"; responseType: string };

export function elementKey(ref: ElementRef): string {
  switch (ref.kind) {
    case "api":
      return "api";
    case "resource":
      return `resource ${ref.path}`;
    case "method":
      return `method ${ref.path} ${ref.httpMethod.toUpperCase()}`;
    case "authorizer":
      return `authorizer ${ref.id}`;
    case "stage":
      return `stage ${ref.name}`;
    case "gatewayResponse":
      return `gatewayResponse ${ref.responseType}`;
  }
}

/** The most specific element a finding names, most specific first. */
function candidateKeys(target: FindingTarget): string[] {
  const keys: string[] = [];
  if (target.path && target.httpMethod) keys.push(elementKey({ kind: "method", path: target.path, httpMethod: target.httpMethod }));
  if (target.path) keys.push(elementKey({ kind: "resource", path: target.path }));
  if (target.authorizerId) keys.push(elementKey({ kind: "authorizer", id: target.authorizerId }));
  if (target.responseType) keys.push(elementKey({ kind: "gatewayResponse", responseType: target.responseType }));
  if (target.stage) keys.push(elementKey({ kind: "stage", name: target.stage }));
  keys.push(elementKey({ kind: "api" }));
  return keys;
}

/** Where a finding's target was written, for template sources; undefined for live ones. */
export function positionOf(source: AuditSource, target: FindingTarget): SourcePosition | undefined {
  if (source.kind !== "template") return undefined;
  for (const key of candidateKeys(target)) {
    const position = source.locations[key];
    if (position) return position;
  }
  return undefined;
}
