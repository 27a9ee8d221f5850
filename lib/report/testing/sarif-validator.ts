import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";
import { join } from "node:path";

// The OASIS SARIF 2.1.0 schema (rtm.5), vendored from @microsoft/jest-sarif (MIT): no network in tests.
const schema = JSON.parse(readFileSync(join(__dirname, "..", "sarif-schema-2.1.0-rtm.5.json"), "utf8")) as object;
// The schema's language-tag pattern is not valid with the "u" flag, so patterns are compiled without it.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);

/** Validates a SARIF log against the 2.1.0 schema; `validateSarif.errors` says why not. */
export const validateSarif = ajv.compile(schema);
