import { REMEDIATION_FORMATS, type RemediationFormat } from "@/lib/remediation/formats/types";

/**
 * Friendly `preflight fix --format` names for the remediation formats whose own names are longer;
 * every exact name in REMEDIATION_FORMATS is accepted as well.
 */
export const FIX_FORMAT_ALIASES: Readonly<Record<string, RemediationFormat>> = Object.freeze({
  cli: "aws-cli",
  json: "sdk-json",
});

/** `--format` value → remediation format: the aliases first (as shown in usage), then every exact name. */
export const FIX_FORMATS: Readonly<Record<string, RemediationFormat>> = Object.freeze({
  ...FIX_FORMAT_ALIASES,
  ...Object.fromEntries(REMEDIATION_FORMATS.map((format) => [format, format])),
});

/** The names usage shows: an alias stands in for the format it names. */
export function fixFormatNames(): string[] {
  const aliased = new Set(Object.values(FIX_FORMAT_ALIASES));
  return [...Object.keys(FIX_FORMAT_ALIASES), ...REMEDIATION_FORMATS.filter((format) => !aliased.has(format))];
}

export function fixFormatFor(name: string): RemediationFormat | undefined {
  return Object.hasOwn(FIX_FORMATS, name) ? FIX_FORMATS[name] : undefined;
}
