import { parse, Scalar, stringify, type CollectionTag, type ScalarTag, type Tags } from "yaml";
import { SAFE_STRING_TAG, safeYamlTags } from "@/lib/remediation/formats/literals/yaml";

/**
 * CloudFormation YAML with its short-form intrinsic tags (!Ref, !Sub, !GetAtt, ...).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
 */
export class CfnIntrinsic {
  constructor(
    readonly fn: "Ref" | "Sub" | "GetAtt",
    readonly value: string,
  ) {}
}

const WRITE_TAGS: ScalarTag[] = (["Ref", "Sub", "GetAtt"] as const).map((fn) => ({
  tag: `!${fn}`,
  identify: (value: unknown) => value instanceof CfnIntrinsic && value.fn === fn,
  resolve: (text: string) => new CfnIntrinsic(fn, text),
  // The intrinsic's argument is a string like any other: the safe string tag quotes and escapes it when needed.
  stringify: (item, ctx, onComment, onChompKeep) =>
    String(SAFE_STRING_TAG.stringify?.(new Scalar(String((item.value as CfnIntrinsic).value)), ctx, onComment, onChompKeep)),
}));

/**
 * Stringify with 2-space indentation, no line folding, the short-form tags above, and every string that holds a line
 * break or control character written as one escaped double-quoted line (literals/yaml.ts).
 */
export function toCfnYaml(value: unknown): string {
  return stringify(value, { customTags: safeYamlTags(WRITE_TAGS), lineWidth: 0, indent: 2 });
}

const FUNCTIONS = [
  "Base64",
  "Cidr",
  "FindInMap",
  "GetAtt",
  "GetAZs",
  "ImportValue",
  "Join",
  "Select",
  "Split",
  "Sub",
  "Transform",
  "And",
  "Equals",
  "If",
  "Not",
  "Or",
  "Condition",
  "Ref",
] as const;

function longForm(fn: string): string {
  return fn === "Ref" || fn === "Condition" ? fn : `Fn::${fn}`;
}

/** Parse tags: every short form, scalar or collection, becomes its long form ({ "Fn::Sub": ... }). */
const READ_TAGS: Tags = FUNCTIONS.flatMap((fn): Array<ScalarTag | CollectionTag> => [
  {
    tag: `!${fn}`,
    resolve: (text: string) => ({ [longForm(fn)]: fn === "GetAtt" ? text.split(".") : text }),
  } satisfies ScalarTag,
  {
    tag: `!${fn}`,
    collection: "seq",
    resolve: (seq) => ({ [longForm(fn)]: seq.toJSON() }),
  } as CollectionTag,
  {
    tag: `!${fn}`,
    collection: "map",
    resolve: (map) => ({ [longForm(fn)]: map.toJSON() }),
  } as CollectionTag,
]);

/** Parse a CloudFormation or SAM template written in YAML; throws on syntax errors and unknown tags. */
export function parseCfnYaml(text: string): unknown {
  return parse(text, { customTags: READ_TAGS, strict: true, prettyErrors: true });
}
