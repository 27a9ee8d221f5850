import "server-only";
import { z } from "zod";
import { LIMITS } from "@/lib/templates/files/file-tree";
import type { InMemoryFile } from "@/lib/templates/files/memory-file-tree";
import { uploadPathProblem, uploadProblems } from "@/lib/templates/files/upload-rules";

/**
 * The upload form's wire shape: parallel `file` and `path` fields, one pair per file. The browser sends
 * the relative path separately because a multipart filename loses folders (and is the browser's to choose).
 */
const uploadSchema = z
  .object({
    files: z
      .array(z.instanceof(File, { error: "every file field must be a file" }))
      .min(1, "choose at least one file")
      .max(LIMITS.files, `at most ${LIMITS.files} files are audited at once`),
    paths: z.array(
      z.string({ error: "every path field must be text" }).superRefine((path, ctx) => {
        const problem = uploadPathProblem(path);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    ),
  })
  .superRefine((upload, ctx) => {
    if (upload.files.length !== upload.paths.length) {
      ctx.addIssue({ code: "custom", message: `${upload.files.length} files but ${upload.paths.length} paths: each file needs its path` });
      return;
    }
    // Sizes, duplicates (and the path rules again, harmlessly) from the one list the browser also checks.
    for (const problem of uploadProblems(upload.files.map((file, index) => ({ path: upload.paths[index]!, size: file.size })))) {
      ctx.addIssue({ code: "custom", message: problem });
    }
  });

export type ParsedUpload = { ok: true; files: InMemoryFile[] } | { ok: false; problems: string[] };

/** Validates an upload before reading any file's text (sizes are the multipart parts' own, not claimed ones). */
export async function parseUpload(formData: FormData): Promise<ParsedUpload> {
  const parsed = uploadSchema.safeParse({ files: formData.getAll("file"), paths: formData.getAll("path") });
  if (!parsed.success) return { ok: false, problems: [...new Set(parsed.error.issues.map((issue) => issue.message))].slice(0, 21) };
  const { files, paths } = parsed.data;
  const texts = await Promise.all(files.map((file) => file.text()));
  return { ok: true, files: texts.map((text, index) => ({ path: paths[index]!, text })) };
}
