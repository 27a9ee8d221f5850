import { stringify, type ScalarTag, type Tags } from "yaml";
import { stringTag } from "yaml/util";
import { hex4, UNSAFE_CHAR, UNSAFE_CHARS } from "@/lib/remediation/formats/literals/unsafe-chars";

/**
 * A YAML double-quoted scalar for any value. JSON's escapes are YAML double-quoted escapes
 * (https://yaml.org/spec/1.2.2/#57-escaped-characters, "\/" aside, which JSON.stringify never writes); on top,
 * every character outside YAML's printable set (DEL, C1 controls) and every character YAML 1.1 readers such as
 * PyYAML (cfn-lint) take as a line break (U+0085, U+2028, U+2029) is written \uXXXX, so YAML 1.1 and 1.2
 * readers read the same string.
 */
export function yamlDoubleQuoted(value: string): string {
  return JSON.stringify(value).replace(UNSAFE_CHARS, hex4);
}

/**
 * The `yaml` package's own string serialisation (plain, quoted or block style as it sees fit), except for
 * strings holding an unsafe character, which it would leave raw (U+2028 in a plain scalar, U+0085 inside
 * double quotes): those are written with yamlDoubleQuoted. Pass as a custom tag to stringify().
 */
export const SAFE_STRING_TAG: ScalarTag = {
  ...stringTag,
  stringify(item, ctx, onComment, onChompKeep) {
    const value = String(item.value);
    if (UNSAFE_CHAR.test(value)) return yamlDoubleQuoted(value);
    return stringTag.stringify ? stringTag.stringify(item, ctx, onComment, onChompKeep) : yamlDoubleQuoted(value);
  },
};

/** The `customTags` option for stringify(): the safe string tag first (it wins over the core one), then `extra`. */
export function safeYamlTags(extra: readonly ScalarTag[] = []): (tags: Tags) => Tags {
  return (tags) => [SAFE_STRING_TAG, ...extra, ...tags];
}

/** One scalar as YAML text for a hand-written `key: value` line: plain when that reads back the same, else quoted. */
export function yamlScalar(value: string): string {
  return stringify(value, { customTags: safeYamlTags(), lineWidth: 0 }).replace(/\n$/, "");
}
