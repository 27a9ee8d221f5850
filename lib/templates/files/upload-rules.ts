/**
 * What a browser upload of template files may be: the same checks run in the browser before anything is
 * sent (so the user hears at once) and on the server (the browser is never trusted). Pure, no Node APIs.
 */
import { candidateFile, LIMITS, skippedDirectory } from "@/lib/templates/files/file-tree";

/** A path is a label the browser made up (a file name, or `webkitRelativePath`); 1 KiB is far beyond any real one. */
export const UPLOAD_PATH_MAX = 1024;

export interface UploadEntry {
  /** Relative, `/`-separated, as the browser named it. */
  path: string;
  size: number;
}

/** "2.5 MB", "12 KB", "800 bytes": sizes as the limits are written. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

export const LIMITS_TEXT = `at most ${LIMITS.files.toLocaleString("en-US")} files, ${formatBytes(LIMITS.fileBytes)} per file and ${formatBytes(LIMITS.totalBytes)} in all`;

// Control characters (NUL included) never occur in a file name a browser reports; they only serve to confuse logs and paths.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why `path` is not a safe relative upload path, or undefined when it is. Quoting uses JSON so hostile text stays inert. */
export function uploadPathProblem(path: string): string | undefined {
  const shown = JSON.stringify(path.length > 80 ? `${path.slice(0, 80)}…` : path);
  if (path.length === 0) return "a file has no name";
  if (path.length > UPLOAD_PATH_MAX) return `${shown}: the path is longer than ${UPLOAD_PATH_MAX} characters`;
  if (CONTROL.test(path)) return `${shown}: the path contains a control character`;
  if (path.includes("\\")) return `${shown}: paths use "/" between folders`;
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path))
    return `${shown}: absolute paths are not accepted, only paths relative to the chosen folder`;
  const segments = path.split("/");
  if (segments.some((segment) => segment === "..")) return `${shown}: ".." is not accepted in a path`;
  if (segments.some((segment) => segment === "" || segment === ".")) return `${shown}: the path has an empty or "." folder name`;
  return undefined;
}

/** Every reason the set cannot be uploaded (empty when it can): count, sizes, paths, duplicates. */
export function uploadProblems(entries: readonly UploadEntry[]): string[] {
  const problems: string[] = [];
  if (entries.length === 0) return ["choose at least one file"];
  if (entries.length > LIMITS.files)
    problems.push(`${entries.length.toLocaleString("en-US")} files: at most ${LIMITS.files.toLocaleString("en-US")} are audited at once`);
  let total = 0;
  const seen = new Set<string>();
  for (const entry of entries) {
    total += entry.size;
    const pathProblem = uploadPathProblem(entry.path);
    if (pathProblem) problems.push(pathProblem);
    else if (seen.has(entry.path)) problems.push(`${JSON.stringify(entry.path)}: chosen twice`);
    seen.add(entry.path);
    if (entry.size > LIMITS.fileBytes)
      problems.push(
        `${JSON.stringify(entry.path)}: ${formatBytes(entry.size)}, over the ${formatBytes(LIMITS.fileBytes)} limit for one file`,
      );
  }
  if (total > LIMITS.totalBytes)
    problems.push(`${formatBytes(total)} in all, over the ${formatBytes(LIMITS.totalBytes)} limit for one audit`);
  // A hostile request could name thousands of bad paths; the first few say enough.
  return problems.length > 20 ? [...problems.slice(0, 20), `and ${problems.length - 20} more problems`] : problems;
}

/**
 * Variable files Terraform loads by itself (terraform.tfvars, *.auto.tfvars): not templates, but the Terraform
 * reader reads them beside the .tf files, so a folder upload must bring them.
 * https://developer.hashicorp.com/terraform/language/values/variables#variable-definitions-tfvars-files
 */
export function terraformVariables(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === "terraform.tfvars" || lower.endsWith(".auto.tfvars");
}

/**
 * Whether a file found inside a chosen folder is worth sending: the loader only reads template extensions
 * (and Terraform's variable files), and a scan never enters node_modules, cdk.out or dot-folders below the
 * folder the user chose (as the CLI). The first segment is the chosen folder itself, named by the user, so it
 * is never skipped.
 */
export function keepFolderFile(path: string): boolean {
  const segments = path.split("/");
  const name = segments.at(-1) ?? "";
  if (segments.slice(1, -1).some(skippedDirectory)) return false;
  return candidateFile(name) || terraformVariables(name);
}
