"use client";

import { useId, useState } from "react";
import { cx } from "@/components/ui/cx";
import { buttonClass } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { DownloadIcon } from "@/components/ui/icons";
import { snippetDataUrl } from "./snippet-files";
import type { RemediationSnippet } from "./types";
import { panelClass } from "@/components/ui/panel";

export interface RemediationTabsProps {
  snippets: RemediationSnippet[];
  /** By format: a route that serves the file. Formats without one download the text shown, as a data: URL. */
  downloadHrefs?: Record<string, string>;
  /** Taller code area, for the whole-API fix. */
  tall?: boolean;
}

/** One tab per format, each with copy and download buttons (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/). */
export function RemediationTabs({ snippets, downloadHrefs, tall = false }: RemediationTabsProps) {
  const [selected, setSelected] = useState(0);
  const id = useId();
  const current = snippets[selected] ?? snippets[0];
  if (!current) return null;
  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    event.preventDefault();
    const next = (selected + (event.key === "ArrowRight" ? 1 : snippets.length - 1)) % snippets.length;
    setSelected(next);
    document.getElementById(`${id}-tab-${next}`)?.focus();
  }
  return (
    <div data-testid="remediation-tabs" className={panelClass()}>
      <div
        role="tablist"
        aria-label="Remediation formats"
        onKeyDown={onKeyDown}
        className="flex flex-wrap gap-0.5 border-b border-zinc-200 px-1 pt-1 dark:border-zinc-800"
      >
        {snippets.map((snippet, index) => (
          <button
            key={snippet.format}
            id={`${id}-tab-${index}`}
            type="button"
            role="tab"
            aria-selected={index === selected}
            aria-controls={`${id}-panel`}
            tabIndex={index === selected ? 0 : -1}
            onClick={() => setSelected(index)}
            className={cx(
              "rounded-t px-2 py-1 text-xs",
              index === selected
                ? "bg-zinc-100 font-semibold dark:bg-zinc-800"
                : "text-zinc-600 hover:bg-zinc-50 dark:text-zinc-400 dark:hover:bg-zinc-900",
            )}
          >
            {snippet.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${selected}`}
        className="relative"
        data-testid="remediation-panel"
      >
        {current.filename || (current.iamActions && current.iamActions.length > 0) ? (
          <p className="border-b border-zinc-100 px-3 py-1 text-[11px] text-zinc-600 dark:border-zinc-900 dark:text-zinc-400">
            {current.filename ? (
              <span className="font-mono" data-testid="snippet-filename">
                {current.filename}
              </span>
            ) : null}
            {current.iamActions && current.iamActions.length > 0 ? (
              <>
                {" "}
                · needs <span className="font-mono">{current.iamActions.join(", ")}</span>
              </>
            ) : null}
          </p>
        ) : null}
        <div className="absolute bottom-2 right-4 flex gap-1.5">
          {current.filename ? (
            <a
              href={downloadHrefs?.[current.format] ?? snippetDataUrl(current.language, current.code)}
              download={current.filename}
              className={buttonClass("secondary", "px-2 py-0.5 text-xs")}
              data-testid="download-snippet"
              data-format={current.format}
            >
              <DownloadIcon />
              Download
            </a>
          ) : null}
          {/* A preview of a larger file: copying it would paste half a plan, so only the download is offered. */}
          {current.fullLength === undefined ? <CopyButton text={current.code} label={`Copy ${current.label}`} /> : null}
        </div>
        {current.fullLength !== undefined ? (
          <p
            className="border-b border-zinc-100 px-3 py-1 text-[11px] text-amber-800 dark:border-zinc-900 dark:text-amber-300"
            data-testid="snippet-preview"
          >
            Showing the first {Math.round(current.code.length / 1000).toLocaleString("en")} KB of{" "}
            {Math.round(current.fullLength / 1000).toLocaleString("en")} KB: download the file for all of it.
          </p>
        ) : null}
        <pre
          tabIndex={0}
          className={cx("overflow-auto p-3 pb-10 font-mono text-[11px] leading-relaxed", tall ? "max-h-[32rem]" : "max-h-80")}
          data-format={current.format}
        >
          <code>{current.code}</code>
        </pre>
      </div>
    </div>
  );
}
