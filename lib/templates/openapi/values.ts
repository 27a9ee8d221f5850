/**
 * Reading hostile definition values: every field may be missing, of the wrong type, or a CloudFormation
 * intrinsic (a definition embedded in a template, or included with AWS::Include, is processed by
 * CloudFormation before API Gateway imports it). The reader asks these hooks instead of assuming strings.
 */
import type { ValuePath } from "@/lib/templates/document";

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `{ "Ref": … }` or `{ "Fn::…": … }`: the one-key shape of every CloudFormation intrinsic function. */
export function intrinsicName(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  // Stops at the second own key (Object.keys would copy every key of a large `paths` object each time).
  let key: string | undefined;
  for (const own in value) {
    if (!Object.prototype.hasOwnProperty.call(value, own)) continue;
    if (key !== undefined) return undefined;
    key = own;
  }
  return key !== undefined && (key === "Ref" || key === "Condition" || key.startsWith("Fn::")) ? key : undefined;
}

/**
 * How the reader sees intrinsics. The CloudFormation/SAM readers pass their resolver (which picks an
 * `Fn::If` branch for the variant being read); a standalone definition gets `placeholderIntrinsics`.
 */
export interface IntrinsicHooks {
  /** The value to read in place of `value` (e.g. the chosen `Fn::If` branch); `value` itself when nothing applies. */
  resolve(value: unknown): unknown;
  /** A string for a scalar or string-valued intrinsic, placeholders kept (`${AWS::Region}`); undefined when none can be given. */
  text(value: unknown): string | undefined;
}

const MAX_PLACEHOLDER_DEPTH = 8;

/** `Fn::Sub` keeps its template, `Ref`/`Fn::GetAtt` become `${Name}` / `${Res.Attr}`, `Fn::Join` joins: the structure stays visible. */
export function placeholderText(value: unknown, depth = 0): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (depth > MAX_PLACEHOLDER_DEPTH) return undefined;
  const name = intrinsicName(value);
  if (!name) return undefined;
  const arg = (value as JsonRecord)[name];
  switch (name) {
    case "Ref":
      return typeof arg === "string" ? `\${${arg}}` : undefined;
    case "Fn::GetAtt": {
      if (typeof arg === "string") return `\${${arg}}`;
      if (Array.isArray(arg) && arg.every((p) => typeof p === "string")) return `\${${arg.join(".")}}`;
      return undefined;
    }
    case "Fn::Sub": {
      if (typeof arg === "string") return arg;
      if (!Array.isArray(arg) || typeof arg[0] !== "string") return undefined;
      // Variables given in the map are substituted with their own placeholders; the rest stay as written.
      const variables = isRecord(arg[1]) ? arg[1] : {};
      return arg[0].replace(/\$\{([^}!]+)\}/g, (whole, name: string) => {
        if (!Object.hasOwn(variables, name)) return whole;
        return placeholderText(variables[name], depth + 1) ?? whole;
      });
    }
    case "Fn::Join": {
      if (!Array.isArray(arg) || typeof arg[0] !== "string" || !Array.isArray(arg[1])) return undefined;
      const parts = arg[1].map((p) => placeholderText(p, depth + 1));
      return parts.every((p) => p !== undefined) ? parts.join(arg[0]) : undefined;
    }
    case "Fn::ImportValue": {
      const inner = placeholderText(arg, depth + 1);
      return inner === undefined ? undefined : `\${ImportValue:${inner}}`;
    }
    default:
      return undefined;
  }
}

export const placeholderIntrinsics: IntrinsicHooks = {
  resolve: (value) => value,
  text: (value) => placeholderText(value),
};

/** A path inside the definition, and a way to turn it into a position in the file. */
export type Locate = (path: ValuePath) => import("@/lib/templates/types").SourcePosition;
