"use client";

import { startTransition, useActionState, useMemo, useState } from "react";
import type { TemplateUploadState } from "@/app/actions/templates";
import { LIMITS } from "@/lib/templates/files/file-tree";
import { formatBytes, LIMITS_TEXT, uploadProblems } from "@/lib/templates/files/upload-rules";
import { Button, buttonClass } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { cx } from "@/components/ui/cx";
import { panelClass } from "@/components/ui/panel";
import { fromDrop, fromFileInput, fromFolderInput, type Picked, type PickedFile } from "./picked-files";

/** How many chosen files are listed by name; the rest are counted (a folder may hold thousands). */
const LISTED = 200;

// React passes unknown lowercase attributes through; TypeScript's DOM types do not know this one.
const FOLDER_ATTRIBUTES = { webkitdirectory: "" } as Record<string, string>;

function describePick(picked: Picked, added: number): string {
  const parts = [`Added ${added} file${added === 1 ? "" : "s"}`];
  if (picked.leftOut > 0) parts.push(`left out ${picked.leftOut} that are not templates or sit in node_modules, cdk.out or a dot-folder`);
  if (picked.truncated) parts.push(`stopped after ${(LIMITS.files * 4).toLocaleString("en-US")} entries of the dropped folder`);
  return `${parts.join("; ")}.`;
}

export function TemplateUpload({ action }: { action: (state: TemplateUploadState, formData: FormData) => Promise<TemplateUploadState> }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle" });
  // Keyed by path: choosing a file again (or the same folder twice) replaces it instead of sending it twice.
  const [chosen, setChosen] = useState<ReadonlyMap<string, File>>(() => new Map());
  const [note, setNote] = useState("");
  const [dragging, setDragging] = useState(false);

  const entries = useMemo(() => [...chosen].map(([path, file]) => ({ path, size: file.size })), [chosen]);
  const total = entries.reduce((sum, entry) => sum + entry.size, 0);
  const problems = useMemo(() => (entries.length > 0 ? uploadProblems(entries) : []), [entries]);

  function add(picked: Picked) {
    setChosen((previous) => {
      const next = new Map(previous);
      for (const item of picked.files) next.set(item.path, item.file);
      return next;
    });
    setNote(describePick(picked, picked.files.length));
  }

  function remove(path: string) {
    setChosen((previous) => {
      const next = new Map(previous);
      next.delete(path);
      return next;
    });
    setNote(`Removed ${path}.`);
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (chosen.size === 0 || problems.length > 0) return;
    // Parallel fields: the multipart filename would lose the folders, so each file's relative path travels beside it.
    const data = new FormData();
    for (const [path, file] of chosen) {
      data.append("file", file);
      data.append("path", path);
    }
    startTransition(() => formAction(data));
  }

  function onDrop(event: React.DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    fromDrop(event.dataTransfer).then(add, (error: unknown) =>
      setNote(`Could not read the dropped files: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  const listed: PickedFile[] = [...chosen].slice(0, LISTED).map(([path, file]) => ({ path, file }));
  const summary =
    chosen.size === 0
      ? "No files chosen."
      : `${chosen.size} file${chosen.size === 1 ? "" : "s"} chosen, ${formatBytes(total)} of ${formatBytes(LIMITS.totalBytes)}.`;

  return (
    <form onSubmit={submit} className="space-y-3" aria-labelledby="upload-heading" data-testid="template-upload">
      <h2 id="upload-heading" className="text-base font-semibold">
        Choose template files
      </h2>
      <div
        role="group"
        aria-labelledby="drop-hint"
        aria-describedby="upload-limits"
        data-testid="drop-zone"
        data-dragging={dragging || undefined}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = "copy";
        }}
        onDragEnter={() => setDragging(true)}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
        className={cx(
          "space-y-2 rounded-md border-2 border-dashed px-4 py-6 text-center",
          dragging ? "border-blue-600 bg-blue-50 dark:bg-blue-950/40" : "border-zinc-300 dark:border-zinc-700",
        )}
      >
        <p id="drop-hint" className="text-sm">
          Drop template files or a folder here, or
        </p>
        <div className="flex flex-wrap justify-center gap-2">
          {/* The inputs stay in the tab order (sr-only, not display:none); the label shows the focus ring. */}
          <label
            className={cx(
              buttonClass("secondary"),
              "cursor-pointer focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-blue-600",
            )}
          >
            <input
              type="file"
              multiple
              accept=".yaml,.yml,.json,.template,.tf,.tfvars"
              className="sr-only"
              data-testid="choose-files"
              onChange={(event) => {
                if (event.target.files) add(fromFileInput(event.target.files));
                event.target.value = "";
              }}
            />
            Choose files
          </label>
          <label
            className={cx(
              buttonClass("secondary"),
              "cursor-pointer focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-blue-600",
            )}
          >
            <input
              type="file"
              multiple
              {...FOLDER_ATTRIBUTES}
              className="sr-only"
              data-testid="choose-folder"
              onChange={(event) => {
                if (event.target.files) add(fromFolderInput(event.target.files));
                event.target.value = "";
              }}
            />
            Choose a folder
          </label>
        </div>
        <p id="upload-limits" className="text-xs text-zinc-600 dark:text-zinc-400">
          Limits: {LIMITS_TEXT}. Files go only to this Preflight server, which audits them in memory and keeps the result for an hour;
          sharing an audit stores its report, never the files.
        </p>
      </div>

      <div aria-live="polite" className="space-y-1 text-sm" data-testid="upload-status">
        <p>
          {summary} {note}
        </p>
        {problems.length > 0 ? (
          <ul className="list-disc pl-5 text-red-700 dark:text-red-400" data-testid="upload-problems">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        ) : null}
      </div>

      {chosen.size > 0 ? (
        <div className="space-y-1">
          <ul
            className={panelClass("max-h-72 divide-y divide-zinc-100 overflow-auto text-sm dark:divide-zinc-900")}
            aria-label="Chosen files"
            data-testid="chosen-files"
          >
            {listed.map(({ path, file }) => (
              <li key={path} className="flex items-center gap-2 px-2 py-1" data-testid="chosen-file" data-path={path}>
                <span className="min-w-0 flex-1 truncate font-mono text-xs">{path}</span>
                <span className="text-xs text-zinc-600 dark:text-zinc-400">{formatBytes(file.size)}</span>
                <Button variant="ghost" className="px-1.5 py-0 text-xs" onClick={() => remove(path)} aria-label={`Remove ${path}`}>
                  Remove
                </Button>
              </li>
            ))}
          </ul>
          {chosen.size > LISTED ? <p className="text-xs text-zinc-600 dark:text-zinc-400">and {chosen.size - LISTED} more</p> : null}
        </div>
      ) : null}

      <div className="flex flex-wrap items-center gap-2">
        <Button
          type="submit"
          variant="primary"
          disabled={pending || chosen.size === 0 || problems.length > 0}
          aria-busy={pending}
          data-testid="audit-templates"
        >
          {pending ? "Auditing…" : "Audit templates"}
        </Button>
        <Button
          disabled={pending || chosen.size === 0}
          onClick={() => {
            setChosen(new Map());
            setNote("Cleared the list.");
          }}
        >
          Clear
        </Button>
      </div>

      {state.status === "invalid" || state.status === "refused" ? (
        <Callout tone="error" title={state.message} testId="upload-error">
          {state.status === "invalid" ? (
            <ul className="list-disc pl-4">
              {state.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
        </Callout>
      ) : null}
    </form>
  );
}
