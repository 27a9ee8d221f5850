import { buttonClass } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { panelClass } from "@/components/ui/panel";

/** How a diff line is shown: added, removed, hunk header, file header, or context/comment. */
function lineClass(line: string): string {
  if (line.startsWith("+++") || line.startsWith("---") || line.startsWith("diff --git"))
    return "font-semibold text-zinc-700 dark:text-zinc-300";
  if (line.startsWith("+")) return "bg-green-50 text-green-900 dark:bg-green-950 dark:text-green-200";
  if (line.startsWith("-")) return "bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-200";
  if (line.startsWith("@@")) return "text-sky-700 dark:text-sky-300";
  if (line.startsWith("#")) return "text-zinc-500";
  return "";
}

/**
 * The fix as a patch to the uploaded template files, beside the snippet formats: shown as a diff, with copy and a
 * download of the same text (`git apply` / `patch -p1` from the folder the files were uploaded from).
 */
export function TemplatePatchPanel({
  text,
  downloadHref,
  files,
  fixed,
}: {
  text: string;
  downloadHref: string;
  files: number;
  fixed: number;
}) {
  const lines = text.replace(/\n$/, "").split("\n");
  return (
    <details className={panelClass()} data-testid="template-patch">
      <summary className="cursor-pointer px-3 py-2 text-sm font-semibold">
        Fix as a patch to your template ({files} file{files === 1 ? "" : "s"}, {fixed} finding{fixed === 1 ? "" : "s"} fixed)
      </summary>
      <div className="space-y-2 px-3 pb-3">
        <div className="flex flex-wrap items-center gap-2">
          <a href={downloadHref} download className={buttonClass("secondary", "px-2 py-0.5 text-xs")} data-testid="template-patch-download">
            Download .patch
          </a>
          <CopyButton text={text} />
          <span className="text-xs text-zinc-600 dark:text-zinc-400">Apply with git apply or patch -p1 from the folder you uploaded.</span>
        </div>
        <pre className="max-h-[32rem] overflow-auto rounded bg-zinc-50 p-2 text-xs dark:bg-zinc-900" aria-label="Patch">
          {lines.map((line, index) => (
            <div key={index} className={lineClass(line)}>
              {line === "" ? " " : line}
            </div>
          ))}
        </pre>
      </div>
    </details>
  );
}
