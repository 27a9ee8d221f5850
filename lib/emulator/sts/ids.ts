import { createHash, randomBytes } from "node:crypto";

/**
 * IAM-shaped identifiers: a 4-letter prefix (AKIA access key, ASIA temporary key, AIDA user, AROA
 * role) then upper-case letters and digits; unique ids are 21 characters, access key ids 20.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
 */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function encode(bytes: Uint8Array, length: number): string {
  let out = "";
  for (let index = 0; index < length; index += 1) out += ALPHABET[(bytes[index % bytes.length] as number) % ALPHABET.length];
  return out;
}

/** A fresh temporary access key id: `ASIA` + 16 characters. */
export const temporaryAccessKeyId = (): string => `ASIA${encode(randomBytes(16), 16)}`;

/** A stable unique id for a named entity (the same role always gets the same AROA… id). */
export function stableUniqueId(prefix: "AIDA" | "AROA", name: string): string {
  return `${prefix}${encode(createHash("sha256").update(name).digest(), 17)}`;
}

export const randomSecret = (length: number): string => randomBytes(length).toString("base64").slice(0, length);
