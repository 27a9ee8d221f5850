import "server-only";
/**
 * Template files on disk for the CLI: the paths the user named, directories scanned for candidate files.
 * Every read is confined (after resolving symlinks) to the directory the user named, or to the named
 * file's own directory, so a template cannot make Preflight read `../../.aws/credentials`.
 */
import { closeSync, openSync, readdirSync, readSync, realpathSync, statSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import {
  candidateFile,
  dirnameOf,
  isInside,
  LIMITS,
  normalizePath,
  skippedDirectory,
  type FileTree,
  type ReadText,
} from "@/lib/templates/files/file-tree";

function toDisplay(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute).split(sep).join("/");
  return rel === "" ? "." : rel;
}

function readLimited(absolute: string, display: string): ReadText {
  let size: number;
  try {
    const stat = statSync(absolute);
    if (!stat.isFile()) return { ok: false, message: `${display}: not a regular file` };
    size = stat.size;
  } catch (error) {
    return {
      ok: false,
      message: `${display}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`,
    };
  }
  if (size > LIMITS.fileBytes)
    return {
      ok: false,
      message: `${display}: ${(size / 1024 / 1024).toFixed(1)} MB, over the ${LIMITS.fileBytes / 1024 / 1024} MB limit for one template file`,
    };
  const buffer = Buffer.alloc(size);
  const fd = openSync(absolute, "r");
  try {
    readSync(fd, buffer, 0, size, 0);
  } finally {
    closeSync(fd);
  }
  if (buffer.includes(0)) return { ok: false, message: `${display}: a binary file, not a template` };
  return { ok: true, text: buffer.toString("utf8"), bytes: size };
}

export type DiskTreeResult = { ok: true; tree: FileTree } | { ok: false; message: string };

export function diskFileTree(paths: readonly string[], cwd: string = process.cwd()): DiskTreeResult {
  const candidates: string[] = [];
  const named = new Set<string>();
  const notes: string[] = [];
  /** Display path of each root (directory) → its real absolute path. */
  const roots = new Map<string, string>();

  const walk = (absolute: string, depth: number) => {
    if (candidates.length >= LIMITS.files) return;
    let entries;
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const child = resolve(absolute, entry.name);
      if (entry.isDirectory()) {
        if (!skippedDirectory(entry.name) && depth < 20) walk(child, depth + 1);
      } else if (entry.isFile() && candidateFile(entry.name)) {
        if (candidates.length >= LIMITS.files) {
          notes.push(`Stopped scanning at ${LIMITS.files} files; name a narrower directory.`);
          return;
        }
        candidates.push(toDisplay(cwd, child));
      }
    }
  };

  for (const given of paths) {
    const absolute = resolve(cwd, given);
    let real: string;
    try {
      real = realpathSync(absolute);
    } catch {
      return { ok: false, message: `${given}: no such file or directory` };
    }
    const stat = statSync(real);
    const display = toDisplay(cwd, absolute);
    if (stat.isDirectory()) {
      roots.set(display, real);
      // A directory the user names is scanned even when a scan would skip it (`cdk.out`).
      walk(absolute, 0);
    } else {
      roots.set(dirnameOf(display), realpathSync(dirnameOf(absolute)));
      candidates.push(display);
      named.add(display);
    }
  }

  const sorted = [...new Set(candidates)];
  const rootOf = (path: string): string => {
    let best = ".";
    for (const root of roots.keys()) if (isInside(root, path) && root.length >= best.length) best = root;
    return best;
  };
  const tree: FileTree = {
    paths: sorted,
    named,
    notes,
    rootOf,
    list(dir) {
      try {
        return readdirSync(resolve(cwd, dir), { withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => e.name)
          .sort();
      } catch {
        return [];
      }
    },
    read(path) {
      const normalized = normalizePath(path);
      if (!normalized) return { ok: false, message: `${path}: outside the audited directory` };
      const absolute = resolve(cwd, normalized);
      // Symlinks are resolved before the confinement check, so a link cannot lead outside the root.
      let real: string;
      try {
        real = realpathSync(absolute);
      } catch {
        return { ok: false, message: `${normalized}: no such file` };
      }
      const root = roots.get(rootOf(normalized));
      if (!root || !(real === root || real.startsWith(root + sep)))
        return { ok: false, message: `${normalized}: outside the audited directory` };
      return readLimited(real, normalized);
    },
  };
  return { ok: true, tree };
}
