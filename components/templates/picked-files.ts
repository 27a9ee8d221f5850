/**
 * Turning what the browser hands over (a file input, a folder input, a drop) into files with relative
 * paths. Folders keep their structure (`webkitRelativePath`, or the dropped entry's `fullPath`) so a
 * template's `DefinitionUri: ./api/openapi.yaml` finds its file; inside a folder only template files
 * outside node_modules, cdk.out and dot-folders are kept, as the CLI's scan does.
 */
import { LIMITS, skippedDirectory } from "@/lib/templates/files/file-tree";
import { keepFolderFile } from "@/lib/templates/files/upload-rules";

export interface PickedFile {
  path: string;
  file: File;
}

export interface Picked {
  files: PickedFile[];
  /** Files (and whole skipped folders) inside a chosen folder that were left out. */
  leftOut: number;
  /** True when a dropped folder held more entries than are looked at. */
  truncated: boolean;
}

/** A dropped folder is walked at most this far, so dropping a home directory cannot hang the tab. */
const MAX_VISITED = LIMITS.files * 4;

/** Files from `<input type="file" multiple>`: the user named each one, so all are kept. */
export function fromFileInput(list: FileList): Picked {
  return { files: [...list].map((file) => ({ path: file.name, file })), leftOut: 0, truncated: false };
}

/** Files from `<input type="file" webkitdirectory>`: paths start with the chosen folder's name. */
export function fromFolderInput(list: FileList): Picked {
  const all = [...list].map((file) => ({ path: file.webkitRelativePath || file.name, file }));
  const files = all.filter((item) => keepFolderFile(item.path));
  return { files, leftOut: all.length - files.length, truncated: false };
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/**
 * Files from a drop. Entries must be taken while the drop event runs (the list empties afterwards), so
 * call this synchronously from the handler; the walk itself is asynchronous.
 */
export function fromDrop(transfer: DataTransfer): Promise<Picked> {
  const entries = [...transfer.items]
    .filter((item) => item.kind === "file")
    .map((item) => (typeof item.webkitGetAsEntry === "function" ? item.webkitGetAsEntry() : null));
  // Without the entries API (or for plain files) fall back to the flat file list.
  if (entries.length === 0 || entries.some((entry) => entry === null)) return Promise.resolve(fromFileInput(transfer.files));
  return walk(entries as FileSystemEntry[]);
}

async function walk(roots: FileSystemEntry[]): Promise<Picked> {
  const files: PickedFile[] = [];
  let leftOut = 0;
  let visited = 0;
  let truncated = false;
  // Depth-first with an explicit stack: no recursion depth to exhaust on deep trees.
  const stack: { entry: FileSystemEntry; inFolder: boolean }[] = roots.map((entry) => ({ entry, inFolder: false })).reverse();
  while (stack.length > 0) {
    const { entry, inFolder } = stack.pop()!;
    if (++visited > MAX_VISITED) {
      truncated = true;
      break;
    }
    // fullPath is "/folder/sub/file.yaml" for a dropped folder's files, "/file.yaml" for a dropped file.
    const path = entry.fullPath.replace(/^\/+/, "");
    if (entry.isFile) {
      if (inFolder && !keepFolderFile(path)) leftOut += 1;
      else files.push({ path, file: await fileOf(entry as FileSystemFileEntry) });
      continue;
    }
    if (inFolder && skippedDirectory(entry.name)) {
      leftOut += 1;
      continue;
    }
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries answers in batches (100 in Chromium) until it returns an empty one.
    for (let batch = await readEntries(reader); batch.length > 0; batch = await readEntries(reader)) {
      for (const child of batch) stack.push({ entry: child, inFolder: true });
      if (stack.length + visited > MAX_VISITED) break;
    }
  }
  return { files, leftOut, truncated };
}
