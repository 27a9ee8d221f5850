/**
 * The files a template audit may read, whether they sit on disk (CLI) or arrived as an upload (web UI).
 * Readers never see this: they get a `TemplateReadContext` built on it, which confines every read to
 * the root the file belongs to and applies the size limits.
 */

export const LIMITS = {
  /** One file; a 50 MB template is refused with its name before it is read. */
  fileBytes: 10 * 1024 * 1024,
  /** Everything one audit reads. */
  totalBytes: 50 * 1024 * 1024,
  /** Candidate files in one audit (directory scans stop there, and say so). */
  files: 5_000,
} as const;

/** A file's text and its size in UTF-8 bytes (what the per-audit budget counts), measured once by the tree. */
export type ReadText = { ok: true; text: string; bytes: number } | { ok: false; message: string };

export interface FileTree {
  /** Candidate template files, `/`-separated, as the user would name them (relative to the working directory). */
  paths: readonly string[];
  /** Paths the user named one by one: for these a file that is not a template is an error, not a silent skip. */
  named: ReadonlySet<string>;
  /** Why a scan left files out (too many files), shown as a gap. */
  notes: readonly string[];
  /** The directory `path` is confined to: a referenced file must lie inside it. */
  rootOf(path: string): string;
  /** Names of the files in the directory `dir` (no subdirectories). */
  list(dir: string): string[];
  read(path: string): ReadText;
}

/** Directories a scan never enters unless the user names them: dependencies, VCS data, build output copies. */
export function skippedDirectory(name: string): boolean {
  return name === "node_modules" || name === "cdk.out" || name.startsWith(".");
}

/** Files a scan considers (content decides the format; these extensions are where templates live). */
export function candidateFile(name: string): boolean {
  if (/^(package|package-lock|tsconfig.*|cdk|cdk\.context|jsconfig|composer|\.eslintrc)\.json$/i.test(name)) return false;
  return /\.(ya?ml|json|template|tf)$/i.test(name);
}

/** POSIX-style normalisation without touching the disk: "a/./b/../c" → "a/c"; undefined when it climbs above "". */
export function normalizePath(path: string): string | undefined {
  const out: string[] = [];
  const absolute = path.startsWith("/");
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length === 0) {
        if (absolute) return undefined;
        out.push("..");
        continue;
      }
      if (out.at(-1) === "..") out.push("..");
      else out.pop();
      continue;
    }
    out.push(part);
  }
  const joined = out.join("/");
  return absolute ? `/${joined}` : joined || ".";
}

export function dirnameOf(path: string): string {
  const index = path.lastIndexOf("/");
  return index < 0 ? "." : index === 0 ? "/" : path.slice(0, index);
}

/** True when `path` is `root` itself or inside it. */
export function isInside(root: string, path: string): boolean {
  if (root === ".") return !path.startsWith("../") && path !== ".." && !path.startsWith("/");
  return path === root || path.startsWith(root.endsWith("/") ? root : `${root}/`);
}
