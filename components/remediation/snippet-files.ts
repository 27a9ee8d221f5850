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

/**
 * A data: URL of the text on screen, for a per-finding download: the file is exactly what the tab shows,
 * with no second read of the API that could render a different fix.
 */
export function snippetDataUrl(language: string, code: string): string {
  return `data:${snippetMimeType(language)};charset=utf-8,${encodeURIComponent(code)}`;
}
