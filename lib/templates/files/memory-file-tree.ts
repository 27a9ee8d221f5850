/** Uploaded files (web UI) or test fixtures as a FileTree: nothing outside the given set can be read. */
import { candidateFile, dirnameOf, LIMITS, normalizePath, type FileTree } from "@/lib/templates/files/file-tree";

export interface InMemoryFile {
  path: string;
  text: string;
}

export function memoryFileTree(files: readonly InMemoryFile[]): FileTree {
  const byPath = new Map<string, string>();
  for (const file of files) {
    const path = normalizePath(file.path.replaceAll("\\", "/"));
    if (path && !path.startsWith("..") && !path.startsWith("/")) byPath.set(path, file.text);
  }
  const paths = [...byPath.keys()].filter((path) => candidateFile(path.split("/").at(-1) ?? "")).sort();
  return {
    paths,
    // A single uploaded file was chosen on purpose; in a folder upload, other files are skipped quietly.
    named: new Set(byPath.size === 1 ? paths : []),
    notes: [],
    // Everything uploaded together is one root: a template may include any other uploaded file.
    rootOf: () => ".",
    list: (dir) => [...byPath.keys()].filter((path) => dirnameOf(path) === dir).map((path) => path.slice(dir === "." ? 0 : dir.length + 1)),
    read(path) {
      const text = byPath.get(path);
      if (text === undefined) return { ok: false, message: `${path}: not among the uploaded files` };
      const bytes = Buffer.byteLength(text);
      if (bytes > LIMITS.fileBytes)
        return { ok: false, message: `${path}: larger than the ${LIMITS.fileBytes / 1024 / 1024} MB limit for one file` };
      return { ok: true, text, bytes };
    },
  };
}
