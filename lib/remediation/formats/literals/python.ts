import { hex4, UNSAFE_CHARS } from "@/lib/remediation/formats/literals/unsafe-chars";

/**
 * A Python 3 str literal: `"..."`. JSON's escapes (\" \\ \n \r \t \b \f \uXXXX) are all Python string escapes
 * with the same meaning (https://docs.python.org/3/reference/lexical_analysis.html#escape-sequences), and a
 * JSON string never holds a raw quote or line break, so it cannot end early or become a triple-quoted string.
 */
export function pythonString(value: string): string {
  return JSON.stringify(value).replace(UNSAFE_CHARS, hex4);
}
