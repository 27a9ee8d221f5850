/**
 * CloudFormation's short-form intrinsic tags (`!Ref x`, `!GetAtt a.b`, `!Sub …`) and the long form each stands for
 * (`{ Ref: "x" }`, `{ "Fn::GetAtt": ["a", "b"] }`), the shape CloudFormation itself reads. Shared by both YAML paths
 * of document.ts (the `yaml` package and the fast parser), so they cannot disagree on it.
 */

// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
export const SHORT_FORM_TAGS: ReadonlySet<string> = new Set([
  "Base64",
  "Cidr",
  "Condition",
  "FindInMap",
  "GetAtt",
  "GetAZs",
  "ImportValue",
  "Join",
  "Select",
  "Split",
  "Sub",
  "Transform",
  "Ref",
  "And",
  "Equals",
  "If",
  "Not",
  "Or",
  "Length",
  "ToJsonString",
]);

/** The long form of `!name value`, for a name in SHORT_FORM_TAGS. */
export function longForm(name: string, value: unknown): unknown {
  if (name === "Ref") return { Ref: value };
  if (name === "Condition") return { Condition: value };
  // !GetAtt Resource.Attribute is the short form of ["Resource", "Attribute"].
  if (name === "GetAtt" && typeof value === "string") {
    const dot = value.indexOf(".");
    return { "Fn::GetAtt": dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [`Fn::${name}`]: value };
}

/** A value with its short-form tag applied: `tag` as the parser reports it (`!Ref`), or undefined for none. */
export function withTag(tag: string | undefined, value: unknown): unknown {
  if (tag === undefined || !tag.startsWith("!") || tag.startsWith("!!")) return value;
  const name = tag.slice(1);
  return SHORT_FORM_TAGS.has(name) ? longForm(name, value) : value;
}
