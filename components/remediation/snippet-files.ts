import { snippetMimeType } from "@/lib/remediation/snippet-mime";

/**
 * A data: URL of the text on screen, for a per-finding download: the file is exactly what the tab shows,
 * with no second read of the API that could render a different fix.
 */
export function snippetDataUrl(language: string, code: string): string {
  return `data:${snippetMimeType(language)};charset=utf-8,${encodeURIComponent(code)}`;
}
