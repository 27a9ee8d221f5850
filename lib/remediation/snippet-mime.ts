/** MIME type of a remediation file by its snippet language (RenderedSnippet.language), for downloads. */
const MIME_BY_LANGUAGE: Record<string, string> = {
  bash: "text/x-shellscript",
  json: "application/json",
  yaml: "application/yaml",
  hcl: "text/plain",
  typescript: "text/typescript",
  javascript: "text/javascript",
  python: "text/x-python",
};

export function snippetMimeType(language: string): string {
  return MIME_BY_LANGUAGE[language] ?? "text/plain";
}
