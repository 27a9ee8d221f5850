import { parseDocument, Scalar, stringify, type CollectionTag, type ScalarTag, type Tags } from "yaml";
import { SAFE_STRING_TAG, safeYamlTags } from "@/lib/remediation/formats/literals/yaml";
import { longForm, SHORT_FORM_TAGS } from "@/lib/templates/short-form-tags";

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

/**
 * Parse tags: every short form, scalar or collection, becomes its long form ({ "Fn::Sub": ... }), from the table the
 * template readers use (lib/templates/short-form-tags.ts), so a patch is read back with the same functions and the
 * same `!GetAtt a.b.c` split (["a", "b.c"]) as the template it patches.
 */
const READ_TAGS: Tags = [...SHORT_FORM_TAGS].flatMap((fn): Array<ScalarTag | CollectionTag> => [
  {
    tag: `!${fn}`,
    resolve: (text: string) => longForm(fn, text),
  } satisfies ScalarTag,
  {
    tag: `!${fn}`,
    collection: "seq",
    resolve: (seq) => longForm(fn, seq.toJSON()),
  } as CollectionTag,
  {
    tag: `!${fn}`,
    collection: "map",
    resolve: (map) => longForm(fn, map.toJSON()),
  } as CollectionTag,
]);

/**
 * Parse a CloudFormation or SAM template written in YAML; throws on syntax errors and on unknown tags (which the yaml
 * package would only warn about and read as plain values): generated YAML is checked with it.
 */
export function parseCfnYaml(text: string): unknown {
  const document = parseDocument(text, { customTags: READ_TAGS, strict: true, prettyErrors: true });
  const problem = document.errors[0] ?? document.warnings[0];
  if (problem) throw problem;
  return document.toJS();
}
