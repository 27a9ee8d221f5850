import { hex4, UNSAFE_CHAR } from "@/lib/remediation/formats/literals/unsafe-chars";

/**
 * A Terraform (HCL native syntax) quoted string for any value. HCL's escapes are \n \r \t \" \\ \uNNNN
 * \UNNNNNNNN; "${" and "%{" start template interpolations and directives, so they are written "$${" and "%%{"
 * (https://developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences). Every other
 * control, line-break or bidirectional character becomes \uNNNN, so the file stays one logical line per string.
 */
export function hclString(value: string): string {
  let out = "";
  for (const char of value) {
    if (char === "\\") out += "\\\\";
    else if (char === '"') out += '\\"';
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "\t") out += "\\t";
    else if (UNSAFE_CHAR.test(char)) out += hex4(char);
    else out += char;
  }
  // A function replacement: in a replacement string "$$" would collapse to "$".
  return `"${out.replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{")}"`;
}
